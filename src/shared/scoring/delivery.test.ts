import { describe, expect, it } from 'vitest'
import type { WordTime } from './analysis'
import { defaultLexicon } from './default-lexicon'
import { scoreTranscript } from './score-transcript'
import { batchVsStreamingQuestion, systemDesignRubric } from './test-fixtures'

function delivery(transcript: string, options: { words?: WordTime[]; durationMs?: number; timeBoxMs?: number } = {}) {
  return scoreTranscript({
    transcript,
    question: batchVsStreamingQuestion,
    rubric: systemDesignRubric,
    lexicon: defaultLexicon,
    ...options
  }).delivery
}

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

describe('fillers', () => {
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
    expect(result.fillerCount).toBe(0)
    expect(result.hedgeCount).toBe(0)
  })

  it('rates fillers per minute against the band', () => {
    const text = 'um we um load um the um data um daily'
    const result = delivery(text, { durationMs: 60_000 })
    expect(result.fillerCount).toBe(5)
    expect(result.fillersPerMinute).toBe(5)
    expect(result.bands.fillers).toBe('high')
    expect(delivery('we load the data daily', { durationMs: 60_000 }).bands.fillers).toBe('ok')
  })
})

describe('hedges', () => {
  it('counts hedges', () => {
    const result = delivery('I think batch is fine. Maybe streaming later, probably next year, I guess.')
    expect(result.hedges.map((h) => h.text)).toEqual(['I think', 'Maybe', 'probably', 'I guess'])
    expect(result.hedgeCount).toBe(4)
  })

  it('finds none in a direct answer', () => {
    expect(delivery('Batch is fine because the report is read once a day.').hedgeCount).toBe(0)
  })
})

describe('pace, pauses and length', () => {
  it('takes pace from word times when given', () => {
    const text = Array.from({ length: 145 }, (_, i) => `word${i}`).join(' ')
    const result = delivery(text, { words: timed(text, 60_000 / 145), durationMs: 10 * 60_000 })
    expect(result.durationSource).toBe('words')
    expect(result.wpm).toBeGreaterThan(140)
    expect(result.wpm).toBeLessThan(150)
    expect(result.bands.pace).toBe('ok')
  })

  it('falls back to the duration, and reports unknown pace without either', () => {
    const text = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ')
    expect(delivery(text, { durationMs: 60_000 })).toMatchObject({ wpm: 100, durationSource: 'given', bands: { pace: 'slow' } })
    expect(delivery(text, { durationMs: 30_000 }).bands.pace).toBe('fast')
    expect(delivery(text)).toMatchObject({ wpm: null, durationSource: 'estimated', bands: { pace: 'unknown' } })
  })

  it('reports pauses over three seconds with their times', () => {
    const text = 'we load the data then we check it'
    const result = delivery(text, { words: timed(text, 400, { 4: 3500, 6: 1000 }) })
    expect(result.pauses).toEqual([{ atMs: 1520, durationMs: 3580 }])
  })

  it('compares length with the time box', () => {
    const text = 'we load the data'
    expect(delivery(text, { durationMs: 30_000, timeBoxMs: 120_000 }).bands.length).toBe('short')
    expect(delivery(text, { durationMs: 100_000, timeBoxMs: 120_000 }).bands.length).toBe('ok')
    expect(delivery(text, { durationMs: 150_000, timeBoxMs: 120_000 }).bands.length).toBe('over')
    expect(delivery(text, { durationMs: 150_000 }).bands.length).toBe('unknown')
  })
})
