import { describe, expect, it } from 'vitest'
import { defaultLexicon } from './default-lexicon'
import { scoreAnswer, speechTimingOf, type ScorableAnswer } from './score-answer'
import { batchVsStreamingQuestion, reasonedAnswer, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'

const library = { questions: [batchVsStreamingQuestion], rubrics: [systemDesignRubric] }
const words = reasonedAnswer.split(' ').map((text, i) => ({ startMs: i * 400, endMs: i * 400 + 300, text }))
const durationMs = words.at(-1)!.endMs
const recorded: ScorableAnswer = {
  questionId: batchVsStreamingQuestion.id,
  transcript: { text: reasonedAnswer, segments: [], words, durationMs, model: 'm.bin' },
  durationMs,
  timeBoxMs: null,
  text: reasonedAnswer
}

describe('speechTimingOf', () => {
  it('reads the audio transcript, its words and length; a typed answer has none', () => {
    expect(speechTimingOf(recorded)).toEqual({ words, spokenText: reasonedAnswer, durationMs })
    expect(speechTimingOf({ transcript: null, durationMs: null })).toBeNull()
  })
})

describe('scoreAnswer', () => {
  it('scores a recorded answer with the timing of its audio', () => {
    const scored = scoreAnswer(recorded, library, defaultLexicon)
    expect(scored.ok && scored.report.delivery).toMatchObject({ measured: true, durationSource: 'words' })
  })

  it('keeps the timing of the audio after the transcript is corrected', () => {
    const corrected = scoreAnswer({ ...recorded, text: `${reasonedAnswer} And the cost was about two thousand dollars a month.` }, library)
    const original = scoreAnswer(recorded, library)
    expect(corrected.ok && corrected.report.delivery.durationSource).toBe('words')
    expect(corrected.ok && corrected.report.delivery.wpm).toBe(original.ok && original.report.delivery.wpm)
  })

  it('does not measure delivery for a typed answer', () => {
    const scored = scoreAnswer({ ...recorded, transcript: null, durationMs: null }, library)
    expect(scored.ok && scored.report.delivery.measured).toBe(false)
    expect(scored.ok && scored.report.overall).toBeGreaterThan(50)
  })

  it('times a recording without word times by its length', () => {
    const scored = scoreAnswer({ ...recorded, transcript: { ...recorded.transcript!, words: [] } }, library)
    expect(scored.ok && scored.report.delivery).toMatchObject({ measured: true, durationSource: 'given' })
  })

  it('says why an answer cannot be scored', () => {
    expect(scoreAnswer({ ...recorded, questionId: 'gone' }, library)).toEqual({ ok: false, reason: 'no-question', question: null })
    expect(scoreAnswer(recorded, { ...library, rubrics: [] })).toMatchObject({ ok: false, reason: 'no-rubric' })
    expect(scoreAnswer({ ...recorded, text: '   ' }, library)).toMatchObject({ ok: false, reason: 'no-text' })
  })
})
