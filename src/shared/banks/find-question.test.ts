import { describe, expect, it } from 'vitest'
import type { Question } from './types'
import { findQuestion } from './find-question'
import { batchVsStreamingQuestion } from '../../../tests/fixtures/scoring-fixtures'

const q = (id: string, title: string): Question => ({ ...batchVsStreamingQuestion, id, title })
const questions = [
  q('a', 'How do you decide batch vs streaming?'),
  q('b', 'When is near-real-time batch better than streaming?'),
  q('c', 'Streaming'),
  q('d', 'Streaming joins')
]

describe('findQuestion', () => {
  it('prefers an exact id', () => {
    expect(findQuestion(questions, 'b')).toMatchObject({ kind: 'found', question: { id: 'b' } })
  })

  it('matches all given words of a title, case-insensitively', () => {
    expect(findQuestion(questions, 'DECIDE batch')).toMatchObject({ kind: 'found', question: { id: 'a' } })
    expect(findQuestion(questions, 'how do you decide batch vs streaming')).toMatchObject({ question: { id: 'a' } })
  })

  it('lets an exact title beat titles that merely contain the words', () => {
    expect(findQuestion(questions, 'streaming')).toMatchObject({ kind: 'found', question: { id: 'c' } })
  })

  it('reports none or the ambiguous candidates', () => {
    expect(findQuestion(questions, 'kafka partitions')).toEqual({ kind: 'none' })
    const result = findQuestion(questions, 'batch streaming')
    expect(result.kind).toBe('ambiguous')
    expect(result.kind === 'ambiguous' && result.candidates.map((c) => c.id)).toEqual(['a', 'b'])
  })
})
