import { describe, expect, it } from 'vitest'
import { makeQuestion } from '../../../tests/fixtures/question-fixture'
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
    // A design session asks for designs only; scenarios come up in mixed sessions.
    expect(ids(filterSessionPool(pool, { type: 'system-design', bankIds: [], kinds: [], sections: [] }))).toEqual(['sd1'])
    expect(ids(filterSessionPool(pool, { type: 'system-design', bankIds: [], kinds: ['scenario'], sections: [] }))).toEqual([])
    expect(ids(filterSessionPool(pool, { type: 'mixed', bankIds: [], kinds: ['scenario'], sections: [] }))).toEqual(['sc1'])
  })

  it('matches banks (also through merged duplicates) and top-level sections', () => {
    expect(ids(filterSessionPool(pool, { type: 'behavioral', bankIds: ['a'], kinds: [], sections: [] }))).toEqual(['b1', 'b3'])
    expect(ids(filterSessionPool(pool, { type: 'mixed', bankIds: [], kinds: [], sections: ['Leadership'] }))).toEqual(['b1', 'b2'])
    expect(ids(filterSessionPool(pool, { type: 'mixed', bankIds: [], kinds: [], sections: ['Lead'] }))).toEqual([])
  })
})

describe('phaseOverridesFor', () => {
  const times = {
    star: { prepMs: 1_000, answerMs: 17_000 },
    design: { prepMs: 0, answerMs: 60_000 },
    handsOn: { prepMs: 5_000, answerMs: 70_000 },
    concept: { prepMs: 2_000, answerMs: 30_000 }
  }
  it('sets the times of the kinds each session type asks', () => {
    expect(phaseOverridesFor('behavioral', times)).toEqual({ behavioral: times.star })
    expect(phaseOverridesFor('system-design', times)).toEqual({ 'system-design': times.design })
    expect(phaseOverridesFor('drill', times)).toEqual({ sql: times.handsOn, coding: times.handsOn, concept: times.concept })
    expect(phaseOverridesFor('mixed', times)).toEqual({
      behavioral: times.star,
      product: times.star,
      'system-design': times.design,
      scenario: times.design,
      sql: times.handsOn,
      coding: times.handsOn,
      concept: times.concept
    })
  })
})
