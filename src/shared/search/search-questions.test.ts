import { describe, expect, it } from 'vitest'
import { makeQuestion } from '../../../tests/fixtures/question-fixture'
import type { Question } from '../banks/types'
import { buildSearchIndex, normalizeText, searchQuestions } from './search-questions'

function question(partial: Partial<Question> & Pick<Question, 'id' | 'title'>): Question {
  return makeQuestion({ bankId: 'bank-a', section: 'Streaming', kind: 'system-design', rubricId: 'r', ...partial })
}

const questions = [
  question({ id: 'q1', title: 'How do you decide batch vs streaming?', answer: 'Latency and cost drive it.', keyTerms: ['Kafka'] }),
  question({ id: 'q2', title: 'Design a clickstream pipeline', answer: 'Use Kafka then Spark streaming.', bankId: 'bank-b' }),
  question({ id: 'q3', title: 'Explain SCD Type 2', section: 'Modeling', sectionPath: ['Modeling'], kind: 'concept' }),
  question({ id: 'q4', title: 'Tell me about a failure', kind: 'behavioral', section: 'Behavioral › Stories', sectionPath: ['Behavioral', 'Stories'], answer: 'STAR story' })
]
const index = buildSearchIndex(questions)
const ids = (list: Question[]) => list.map((q) => q.id)

describe('searchQuestions', () => {
  it('returns everything, in library order, for an empty query', () => {
    expect(ids(searchQuestions(index, '  '))).toEqual(['q1', 'q2', 'q3', 'q4'])
  })

  it('requires every word and ranks title hits above answer hits', () => {
    expect(ids(searchQuestions(index, 'streaming'))).toEqual(['q1', 'q2'])
    expect(ids(searchQuestions(index, 'kafka'))).toEqual(['q1', 'q2'])
    expect(ids(searchQuestions(index, 'streaming cost'))).toEqual(['q1'])
  })

  it('matches word prefixes, ignoring case and punctuation', () => {
    expect(ids(searchQuestions(index, 'SCD-type'))).toEqual(['q3'])
    expect(ids(searchQuestions(index, 'click'))).toEqual(['q2'])
    expect(ids(searchQuestions(index, 'lick'))).toEqual([])
  })

  it('filters by kind, bank, section and answer', () => {
    expect(ids(searchQuestions(index, '', { kinds: ['concept', 'behavioral'] }))).toEqual(['q3', 'q4'])
    expect(ids(searchQuestions(index, '', { bankIds: ['bank-b'] }))).toEqual(['q2'])
    expect(ids(searchQuestions(index, '', { section: 'Behavioral' }))).toEqual(['q4'])
    expect(ids(searchQuestions(index, '', { hasAnswer: false }))).toEqual(['q3'])
    expect(ids(searchQuestions(index, 'streaming', { hasAnswer: true, bankIds: ['bank-a'] }))).toEqual(['q1'])
  })

  it('finds a merged question through any bank it came from', () => {
    const merged = buildSearchIndex([question({ id: 'm', title: 'T', alsoIn: [{ bankId: 'bank-z', file: 'z.md', section: '', title: 'T' }] })])
    expect(ids(searchQuestions(merged, '', { bankIds: ['bank-z'] }))).toEqual(['m'])
  })
})

describe('normalizeText', () => {
  it('folds accents and punctuation', () => {
    expect(normalizeText('Café — “Delta Lake”, SCD-2!')).toBe('cafe delta lake scd 2')
  })
})
