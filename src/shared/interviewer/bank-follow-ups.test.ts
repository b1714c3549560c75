import { describe, expect, it } from 'vitest'
import { makeQuestion } from '../../../tests/fixtures/question-fixture'
import { asSpokenQuestion, bankFollowUpsFor } from './bank-follow-ups'

const bank = (titles: string[], section = '') =>
  titles.map((title, index) => makeQuestion({ id: `mock:${index}`, bankId: 'mock', section, sectionPath: [section], title, keyTerms: [] }))

describe('bankFollowUpsFor', () => {
  const transcript = bank([
    'Please explain what Kinesis is and its role.',
    'Can you elaborate more on diff between kafka and kinesis',
    'Why are Kafka or Kinesis used instead of simple messaging queues?',
    'Could you explain a priority queue?',
    'Process vs. Thread'
  ])

  it('chains the next questions that open like a follow-up and stay on the topic', () => {
    expect(bankFollowUpsFor('mock:0', transcript)).toEqual([
      'Can you elaborate more on diff between kafka and kinesis?',
      'Why are Kafka or Kinesis used instead of simple messaging queues?'
    ])
  })

  it('stops at a question on another topic, or one that does not open like a follow-up', () => {
    // "queue" is shared, but "Could you explain a priority queue?" follows "messaging queues" only.
    expect(bankFollowUpsFor('mock:2', transcript)).toEqual(['Could you explain a priority queue?'])
    expect(bankFollowUpsFor('mock:3', transcript)).toEqual([])
    expect(bankFollowUpsFor('mock:4', transcript)).toEqual([])
  })

  it('never chains across sections or banks, and knows no unknown question', () => {
    const split = [...bank(['What is Kafka?'], 'A'), ...bank(['Why Kafka?'], 'B').map((q) => ({ ...q, id: 'other' }))]
    expect(bankFollowUpsFor('mock:0', split)).toEqual([])
    expect(bankFollowUpsFor('missing', transcript)).toEqual([])
  })

  it('speaks the bank’s words as a question', () => {
    expect(asSpokenQuestion('Can you elaborate more on diff between kafka and kinesis')).toBe('Can you elaborate more on diff between kafka and kinesis?')
    expect(asSpokenQuestion('**Why Kafka.**')).toBe('Why Kafka?')
  })
})
