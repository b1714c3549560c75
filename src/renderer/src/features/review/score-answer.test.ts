import { describe, expect, it } from 'vitest'
import { defaultLexicon } from '../../../../shared/scoring/default-lexicon'
import { batchVsStreamingQuestion, reasonedAnswer, systemDesignRubric } from '../../../../shared/scoring/test-fixtures'
import { scoreAnswer, type ScorableAnswer } from './score-answer'

const library = { questions: [batchVsStreamingQuestion], rubrics: [systemDesignRubric] }
const spoken = 'We chose streaming with Kafka because latency mattered.'
const words = spoken.split(' ').map((text, i) => ({ startMs: i * 400, endMs: i * 400 + 300, text }))
const recorded: ScorableAnswer = {
  questionId: batchVsStreamingQuestion.id,
  transcript: { text: spoken, segments: [], words, durationMs: 4000, model: 'm.bin' },
  durationMs: 4000,
  timeBoxMs: null,
  text: spoken
}

describe('scoreAnswer', () => {
  it('uses the word times while the text is the transcript they came from', () => {
    const scored = scoreAnswer(recorded, library, defaultLexicon)
    expect(scored.ok && scored.report.delivery.durationSource).toBe('words')
  })

  it('drops the word times once the text was edited', () => {
    const scored = scoreAnswer({ ...recorded, text: `${spoken} And cost.` }, library, defaultLexicon)
    expect(scored.ok && scored.report.delivery.durationSource).toBe('given')
  })

  it('scores a typed answer without timing', () => {
    const scored = scoreAnswer({ ...recorded, transcript: null, durationMs: null, text: reasonedAnswer }, library, defaultLexicon)
    expect(scored.ok && scored.report.overall).toBeGreaterThan(50)
  })

  it('says why an answer cannot be scored', () => {
    expect(scoreAnswer({ ...recorded, questionId: 'gone' }, library, defaultLexicon)).toEqual({ ok: false, reason: 'no-question', question: null })
    expect(scoreAnswer(recorded, { ...library, rubrics: [] }, defaultLexicon)).toMatchObject({ ok: false, reason: 'no-rubric' })
    expect(scoreAnswer({ ...recorded, text: '   ' }, library, defaultLexicon)).toMatchObject({ ok: false, reason: 'no-text' })
  })
})
