import { describe, expect, it } from 'vitest'
import type { WordTime } from './analysis'
import { defaultLexicon } from './default-lexicon'
import { defaultProfiles } from './default-profiles'
import { scoreTranscript, type ScoreInput } from './score-transcript'
import { batchVsStreamingQuestion, reasonedAnswer, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'

type Options = Partial<Pick<ScoreInput, 'words' | 'durationMs' | 'timeBoxMs' | 'spokenText'>>

function report(transcript: string, options: Options = {}) {
  return scoreTranscript({
    transcript,
    question: batchVsStreamingQuestion,
    rubric: systemDesignRubric,
    lexicon: defaultLexicon,
    profiles: defaultProfiles,
    ...options
  })
}
const delivery = (transcript: string, options: Options = {}) => report(transcript, options).delivery

/** Word times at a steady pace, with optional extra silence before chosen words. */
function timed(text: string, msPerWord: number, silences: Record<number, number> = {}): WordTime[] {
  let at = 0
  return text.split(/\s+/).map((word, index) => {
    at += silences[index] ?? 0
    const item = { startMs: at, endMs: at + msPerWord * 0.8, text: word }
    at += msPerWord
    return item
  })
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

describe('fillers and hedges', () => {
  it('counts fillers, including multi-word ones', () => {
    const result = delivery('Um, so basically we, uh, you know, loaded it. I mean it worked.')
    expect(result.fillers.map((f) => f.text)).toEqual(['Um', 'basically', 'uh', 'you know', 'I mean'])
    expect(result.fillerCount).toBe(5)
  })

  it('tells filler "like" from the verb and the comparison', () => {
    expect(delivery('I like Spark and I would like to use it. It looks like a queue.').fillerCount).toBe(0)
    expect(delivery('So like, we had, like, a huge backlog.').fillerCount).toBe(2)
    expect(delivery('And like we never checked.').fillerCount).toBe(1)
  })

  it('does not count "what kind of" as a filler or a hedge', () => {
    const result = delivery('What kind of data do we have?')
    expect([result.fillerCount, result.hedgeCount]).toEqual([0, 0])
  })

  it('rates fillers per minute of speech against the band', () => {
    const text = `um ${words(30)} um um um um`
    const result = delivery(text, { durationMs: 60_000 })
    expect(result.fillerCount).toBe(5)
    expect(result.fillersPerMinute).toBe(5)
    expect(result.bands.fillers).toBe('high')
    expect(delivery(words(30), { durationMs: 60_000 }).bands.fillers).toBe('ok')
  })

  it('counts hedges', () => {
    const result = delivery('I think batch is fine. Maybe streaming later, probably next year, I guess.')
    expect(result.hedges.map((h) => h.text)).toEqual(['I think', 'Maybe', 'probably', 'I guess'])
    expect(delivery('Batch is fine because the report is read once a day.').hedgeCount).toBe(0)
  })
})

describe('delivery only from speech', () => {
  it('a typed answer is not measured, and its weight goes to the other parts', () => {
    const typed = report(reasonedAnswer)
    expect(typed.delivery).toMatchObject({ measured: false, wpm: null, fillersPerMinute: null, durationSource: 'none', bands: { pace: 'unknown', fillers: 'unknown' } })
    expect(typed.delivery.reason).toMatch(/typed/i)
    const component = typed.components.find((c) => c.id === 'delivery')!
    expect(component).toMatchObject({ value: null, effectiveWeight: 0, points: 0 })
    // Never given away: the other parts carry all 100 points between them.
    expect(typed.components.reduce((sum, c) => sum + c.effectiveWeight, 0)).toBeCloseTo(100, 5)
    expect(typed.explanation.find((line) => line.startsWith('Delivery'))).toMatch(/not measured/)
  })

  it('a typed answer with a thin body cannot earn delivery points it was never judged on', () => {
    const thin = report('Kafka.')
    expect(thin.delivery.measured).toBe(false)
    expect(thin.components.find((c) => c.id === 'delivery')!.points).toBe(0)
  })

  it('takes pace, fillers per minute and pauses from the word times of the audio', () => {
    const text = words(145)
    const result = delivery(text, { words: timed(text, 60_000 / 145) })
    expect(result).toMatchObject({ measured: true, durationSource: 'words', bands: { pace: 'ok' } })
    expect(result.wpm).toBeGreaterThan(140)
    expect(result.wpm).toBeLessThan(150)
  })

  it('a corrected transcript keeps the timing and the fillers of the audio it corrects', () => {
    const spoken = `um so ${words(60)} uh like you know`
    const corrected = `So ${words(60)}, and then a whole paragraph the candidate typed in afterwards ${words(200)}`
    const result = report(corrected, { spokenText: spoken, words: timed(spoken, 400) })
    expect(result.delivery).toMatchObject({ measured: true, durationSource: 'words' })
    // Pace is what was said over the time it took to say it, not the typed words over a short recording.
    expect(result.delivery.wpm).toBeGreaterThan(130)
    expect(result.delivery.wpm).toBeLessThan(160)
    expect(result.delivery.fillerCount).toBe(4)
    // The content is read from the correction.
    expect(result.delivery.fillers).toEqual([])
  })

  it('is not measured over too little speech (a typed answer over a 2 s recording)', () => {
    const spoken = 'testing one two'
    const result = report(reasonedAnswer, { spokenText: spoken, words: timed(spoken, 600) })
    expect(result.delivery.measured).toBe(false)
    expect(result.delivery.reason).toMatch(/too little/)
    expect(result.delivery.wpm).toBeNull()
  })

  it('uses a given duration when there are no word times (the CLI with --duration)', () => {
    expect(delivery(words(100), { durationMs: 60_000 })).toMatchObject({ measured: true, wpm: 100, durationSource: 'given', bands: { pace: 'slow' } })
    expect(delivery(words(100), { durationMs: 30_000 }).bands.pace).toBe('fast')
  })

  it('without word times or a duration (the CLI without --duration) it is not measured', () => {
    expect(delivery(words(100))).toMatchObject({ measured: false, wpm: null, durationSource: 'none' })
  })

  it('reports pauses over three seconds with their times', () => {
    const text = `we load the data then we check it ${words(20)}`
    const result = delivery(text, { words: timed(text, 400, { 4: 3500, 6: 1000 }) })
    expect(result.pauses).toEqual([{ atMs: 1520, durationMs: 3580 }])
  })

  it('compares length with the time box', () => {
    const text = words(40)
    expect(delivery(text, { durationMs: 30_000, timeBoxMs: 120_000 }).bands.length).toBe('short')
    expect(delivery(text, { durationMs: 100_000, timeBoxMs: 120_000 }).bands.length).toBe('ok')
    expect(delivery(text, { durationMs: 150_000, timeBoxMs: 120_000 }).bands.length).toBe('over')
    expect(delivery(text, { durationMs: 150_000 }).bands.length).toBe('unknown')
  })
})
