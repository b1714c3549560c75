import { describe, expect, it } from 'vitest'
import { alignWordTimes, buildTranscriptTokens, groupTokenRuns } from './transcript-tokens'

describe('alignWordTimes', () => {
  it('finds each timed word in order, ignoring case and surrounding spaces', () => {
    const text = 'So, Kafka then Kafka.'
    const words = [
      { startMs: 0, endMs: 200, text: ' So,' },
      { startMs: 300, endMs: 600, text: 'kafka' },
      { startMs: 700, endMs: 800, text: 'then' },
      { startMs: 900, endMs: 1200, text: 'Kafka.' }
    ]
    expect(alignWordTimes(text, words)).toEqual([
      { start: 0, end: 3, startMs: 0 },
      { start: 4, end: 9, startMs: 300 },
      { start: 10, end: 14, startMs: 700 },
      { start: 15, end: 21, startMs: 900 }
    ])
  })

  it('skips words an edit removed and keeps aligning after them', () => {
    const words = [
      { startMs: 0, endMs: 1, text: 'we' },
      { startMs: 10, endMs: 11, text: 'um' },
      { startMs: 20, endMs: 21, text: 'chose' }
    ]
    expect(alignWordTimes('we chose', words).map((w) => w.startMs)).toEqual([0, 20])
  })
})

describe('buildTranscriptTokens', () => {
  const text = 'Batch is cheap but slow.'

  it('splits words and whitespace and keeps every character', () => {
    const tokens = buildTranscriptTokens(text, [])
    expect(tokens.map((t) => t.text).join('')).toBe(text)
    expect(tokens.filter((t) => t.isWord).map((t) => t.text)).toEqual(['Batch', 'is', 'cheap', 'but', 'slow.'])
  })

  it('marks the words evidence covers, and whitespace only inside it', () => {
    const tokens = buildTranscriptTokens(text, [{ criterionId: 'trade-off', startChar: 9, endChar: 23 }])
    const marked = tokens.filter((t) => t.criteria.length > 0).map((t) => t.text)
    expect(marked).toEqual(['cheap', ' ', 'but', ' ', 'slow.'])
  })

  it('lists every criterion covering a word once, in range order', () => {
    const tokens = buildTranscriptTokens(text, [
      { criterionId: 'b', startChar: 0, endChar: 5 },
      { criterionId: 'a', startChar: 0, endChar: 8 },
      { criterionId: 'b', startChar: 0, endChar: 2 }
    ])
    expect(tokens[0]?.criteria).toEqual(['b', 'a'])
    expect(tokens[2]?.criteria).toEqual(['a'])
  })

  it('gives words their start time from the aligned word times', () => {
    const tokens = buildTranscriptTokens(text, [], [
      { start: 0, end: 5, startMs: 100 },
      { start: 9, end: 14, startMs: 900 }
    ])
    expect(tokens.filter((t) => t.isWord).map((t) => t.startMs)).toEqual([100, undefined, 900, undefined, undefined])
  })
})

describe('groupTokenRuns', () => {
  it('joins neighbours with the same criteria into one run', () => {
    const tokens = buildTranscriptTokens('a b c d', [{ criterionId: 'x', startChar: 2, endChar: 5 }])
    expect(groupTokenRuns(tokens).map((run) => [run.criteria, run.tokens.map((t) => t.text).join('')])).toEqual([
      [[], 'a '],
      [['x'], 'b c'],
      [[], ' d']
    ])
  })
})
