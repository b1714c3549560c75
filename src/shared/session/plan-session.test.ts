import { describe, expect, it } from 'vitest'
import { makeQuestion } from '../../../tests/fixtures/question-fixture'
import { defaultPhaseTimes, phasesFor, planSession, sessionTypeKinds } from './plan-session'
import { questionKinds } from '../banks/types'
import type { Question, QuestionKind } from '../banks/types'
import type { PlanSessionInput } from './plan-session'

function question(id: string, kind: QuestionKind): Question {
  return makeQuestion({ id, kind })
}

const behavioral = Array.from({ length: 20 }, (_, i) => question(`b${i}`, 'behavioral'))
const pool: Question[] = [
  ...behavioral,
  question('sd1', 'system-design'),
  question('sc1', 'scenario'),
  question('sql1', 'sql'),
  question('code1', 'coding'),
  question('con1', 'concept'),
  question('prod1', 'product')
]

const base: PlanSessionInput = { type: 'behavioral', questions: pool, count: 5, order: 'as-listed', seed: 1 }
const ids = (input: PlanSessionInput): string[] => planSession(input).items.map((item) => item.questionId)

describe('defaultPhaseTimes', () => {
  it('covers every question kind with a prep phase and an answer phase', () => {
    expect(Object.keys(defaultPhaseTimes).sort()).toEqual([...questionKinds].sort())
    for (const kind of questionKinds) {
      expect(defaultPhaseTimes[kind].prep.durationMs).toBeGreaterThan(0)
      expect(defaultPhaseTimes[kind].answer.id).toBe('answer')
    }
  })

  it('uses the documented defaults', () => {
    const seconds = (kind: QuestionKind): [string, number][] =>
      phasesFor(kind).map((phase) => [phase.id, phase.durationMs / 1000])
    expect(seconds('behavioral')).toEqual([['think', 60], ['answer', 180]])
    expect(seconds('product')).toEqual([['think', 60], ['answer', 180]])
    expect(seconds('system-design')).toEqual([['clarify', 300], ['answer', 2100]])
    expect(seconds('scenario')).toEqual([['clarify', 300], ['answer', 2100]])
    expect(seconds('sql')).toEqual([['read', 120], ['answer', 600]])
    expect(seconds('coding')).toEqual([['read', 120], ['answer', 600]])
    expect(seconds('concept')).toEqual([['think', 30], ['answer', 120]])
  })
})

describe('planSession', () => {
  it('gives each item the phases of its kind', () => {
    const plan = planSession({ ...base, type: 'mixed', count: 30 })
    const byId = new Map(plan.items.map((item) => [item.questionId, item.phases]))
    expect(byId.get('b0')).toEqual(phasesFor('behavioral'))
    expect(byId.get('sd1')?.map((phase) => phase.label)).toEqual(['Clarify', 'Design'])
    expect(byId.get('sql1')).toEqual(phasesFor('sql'))
  })

  it('applies per-kind overrides; a prep time of 0 drops the prep phase', () => {
    const plan = planSession({
      ...base,
      type: 'mixed',
      count: 30,
      times: { behavioral: { prepMs: 0, answerMs: 120_000 }, sql: { answerMs: 900_000 } }
    })
    const byId = new Map(plan.items.map((item) => [item.questionId, item.phases]))
    expect(byId.get('b0')).toEqual([{ id: 'answer', label: 'Answer', durationMs: 120_000 }])
    expect(byId.get('sql1')?.map((phase) => phase.durationMs)).toEqual([120_000, 900_000])
    expect(byId.get('con1')).toEqual(phasesFor('concept'))
    // The defaults table is not mutated by an override.
    expect(defaultPhaseTimes.behavioral.answer.durationMs).toBe(180_000)
  })

  it('rejects times the timer cannot run', () => {
    expect(() => planSession({ ...base, times: { behavioral: { answerMs: 0 } } })).toThrow(RangeError)
    expect(() => planSession({ ...base, times: { behavioral: { prepMs: -1 } } })).toThrow(RangeError)
    expect(() => planSession({ ...base, count: 0 })).toThrow(RangeError)
    expect(() => planSession({ ...base, count: 2.5 })).toThrow(RangeError)
  })

  it('keeps the listed order', () => {
    expect(ids(base)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4'])
    expect(ids({ ...base, type: 'drill', count: 10 })).toEqual(['sql1', 'code1', 'con1'])
  })

  it('reproduces a random order from its seed', () => {
    const first = ids({ ...base, order: 'random', seed: 42 })
    expect(ids({ ...base, order: 'random', seed: 42 })).toEqual(first)
    expect(first).toHaveLength(5)
    expect(new Set(first).size).toBe(5)
    expect(first.every((id) => id.startsWith('b'))).toBe(true)
    expect(first).not.toEqual(ids(base))
    // Pinned, so a change to the shuffle (which would reshuffle saved plans) is noticed.
    expect(first).toEqual(['b13', 'b0', 'b19', 'b4', 'b6'])
  })

  it('gives different orders for different seeds and a permutation of the whole pool', () => {
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => ids({ ...base, order: 'random', seed, count: 20 }).join()))
    expect(orders.size).toBe(5)
    const all = ids({ ...base, order: 'random', seed: 7, count: 20 })
    expect([...all].sort()).toEqual(behavioral.map((q) => q.id).sort())
  })

  it('draws only the kinds of the session type', () => {
    for (const type of ['behavioral', 'system-design', 'drill', 'mixed'] as const) {
      const plan = planSession({ ...base, type, count: 100, order: 'random' })
      const kinds = new Set(plan.items.map((item) => pool.find((q) => q.id === item.questionId)!.kind))
      expect([...kinds].sort()).toEqual([...sessionTypeKinds[type]].sort())
    }
    // A scenario is not a design question: a design session never draws one.
    expect(ids({ ...base, type: 'system-design' })).toEqual(['sd1'])
  })

  it('returns fewer items with a warning when the pool is short', () => {
    const plan = planSession({ ...base, type: 'drill', count: 4 })
    expect(plan.items).toHaveLength(3)
    expect(plan.warnings).toEqual(['Only 3 drill questions match the chosen banks and sections (asked for 4).'])
    const empty = planSession({ ...base, questions: [question('sql9', 'sql')] })
    expect(empty.items).toEqual([])
    expect(empty.warnings).toEqual(['No behavioral questions match the chosen banks and sections (asked for 5).'])
    expect(planSession(base).warnings).toEqual([])
  })

  it('asks a question listed twice only once', () => {
    const plan = planSession({ ...base, questions: [behavioral[0]!, behavioral[0]!, behavioral[1]!], count: 3 })
    expect(plan.items.map((item) => item.questionId)).toEqual(['b0', 'b1'])
    expect(plan.warnings).toHaveLength(1)
  })
})
