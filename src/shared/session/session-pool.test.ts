import { describe, expect, it } from 'vitest'
import { makeQuestion } from '../banks/question-fixture'
import type { Question, QuestionKind } from '../banks/types'
import { filterSessionPool, phaseOverridesFor } from './session-pool'

function question(id: string, kind: QuestionKind, bankId = 'a', section = 'Top'): Question {
  return makeQuestion({ id, kind, bankId, section })
}

const pool = [
  question('b1', 'behavioral', 'a', 'Leadership'),
  question('b2', 'behavioral', 'b', 'Leadership › Conflict'),
  question('sd1', 'system-design', 'a', 'Pipelines'),
  question('sc1', 'scenario', 'b', 'Pipelines'),
  question('sql1', 'sql', 'a', 'SQL'),
  { ...question('b3', 'behavioral', 'c', 'Other'), alsoIn: [{ bankId: 'a', file: 'a.md', section: 'Other', title: 'b3' }] }
]
const ids = (questions: Question[]) => questions.map((q) => q.id)

describe('filterSessionPool', () => {
  it('keeps the kinds of the session type', () => {
    expect(ids(filterSessionPool(pool, { type: 'behavioral', bankIds: [], kinds: [], sections: [] }))).toEqual(['b1', 'b2', 'b3'])
    expect(ids(filterSessionPool(pool, { type: 'system-design', bankIds: [], kinds: [], sections: [] }))).toEqual(['sd1', 'sc1'])
    expect(ids(filterSessionPool(pool, { type: 'system-design', bankIds: [], kinds: ['scenario'], sections: [] }))).toEqual(['sc1'])
  })

  it('matches banks (also through merged duplicates) and top-level sections', () => {
    expect(ids(filterSessionPool(pool, { type: 'behavioral', bankIds: ['a'], kinds: [], sections: [] }))).toEqual(['b1', 'b3'])
    expect(ids(filterSessionPool(pool, { type: 'mixed', bankIds: [], kinds: [], sections: ['Leadership'] }))).toEqual(['b1', 'b2'])
    expect(ids(filterSessionPool(pool, { type: 'mixed', bankIds: [], kinds: [], sections: ['Lead'] }))).toEqual([])
  })
})

describe('phaseOverridesFor', () => {
  const times = { star: { prepMs: 1_000, answerMs: 17_000 }, design: { prepMs: 0, answerMs: 60_000 } }
  it('sets the STAR times for behavioral sessions and the design times for design sessions', () => {
    expect(phaseOverridesFor('behavioral', times)).toEqual({ behavioral: times.star })
    expect(phaseOverridesFor('system-design', times)).toEqual({ 'system-design': times.design, scenario: times.design })
    expect(phaseOverridesFor('drill', times)).toEqual({})
    expect(Object.keys(phaseOverridesFor('mixed', times)).sort()).toEqual(['behavioral', 'product', 'scenario', 'system-design'])
  })
})
