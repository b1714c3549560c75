import { describe, expect, it } from 'vitest'
import { diffStats, wordDiff } from './word-diff'

describe('wordDiff', () => {
  it('marks words dropped and added between two transcripts, ignoring case and punctuation', () => {
    const parts = wordDiff('We used Spark for the nightly batch.', 'I used spark, with Delta, for the nightly batch')
    expect(parts).toEqual([
      { op: 'removed', text: 'We' },
      { op: 'added', text: 'I' },
      { op: 'same', text: 'used spark,' },
      { op: 'added', text: 'with Delta,' },
      { op: 'same', text: 'for the nightly batch' }
    ])
    expect(diffStats(parts)).toEqual({ same: 6, removed: 1, added: 3 })
  })

  it('handles empty sides and identical texts', () => {
    expect(wordDiff('', 'new words')).toEqual([{ op: 'added', text: 'new words' }])
    expect(wordDiff('old words', '')).toEqual([{ op: 'removed', text: 'old words' }])
    expect(wordDiff('same  text', 'same text')).toEqual([{ op: 'same', text: 'same text' }])
  })

  it('falls back to one removal and one addition past the size limit', () => {
    const parts = wordDiff('a b c x', 'a y z c', 1)
    expect(parts).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b c x' },
      { op: 'added', text: 'y z c' }
    ])
  })
})
