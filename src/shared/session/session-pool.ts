import type { Question, QuestionKind } from '../banks/types'
import { sessionTypeKinds, type PhaseTimeOverrides, type SessionType } from './plan-session'

export interface SessionPoolFilter {
  type: SessionType
  /** Empty: every bank. */
  bankIds: readonly string[]
  /** Empty: every kind of the session type. */
  kinds: readonly QuestionKind[]
  /** Top-level section names; empty: every section. */
  sections: readonly string[]
}

/**
 * The questions a session with these choices can draw from: the same rule the backend applies
 * when it plans the session, so the setup screen can say how many match before asking.
 */
/** What the pool reads of a question: a summary is enough. */
export type PoolQuestion = Pick<Question, 'kind' | 'bankId' | 'alsoIn' | 'section' | 'workedExampleFor'>

export function filterSessionPool<T extends PoolQuestion>(questions: readonly T[], filter: SessionPoolFilter): T[] {
  const typeKinds = new Set<QuestionKind>(sessionTypeKinds[filter.type])
  return questions.filter(
    (q) =>
      !q.workedExampleFor &&
      typeKinds.has(q.kind) &&
      (!filter.bankIds.length || filter.bankIds.includes(q.bankId) || q.alsoIn.some((s) => filter.bankIds.includes(s.bankId))) &&
      (!filter.kinds.length || filter.kinds.includes(q.kind)) &&
      (!filter.sections.length || filter.sections.some((s) => q.section === s || q.section.startsWith(`${s} › `)))
  )
}

/** Phase lengths chosen on the setup screen, in milliseconds. */
export interface SetupTimes {
  /** Behavioral and product questions: think, then answer. */
  star: { prepMs: number; answerMs: number }
  /** System-design and scenario questions: clarify, then design. */
  design: { prepMs: number; answerMs: number }
  /** SQL and coding exercises: read, then answer. */
  handsOn: { prepMs: number; answerMs: number }
  /** Concept questions: think, then answer. */
  concept: { prepMs: number; answerMs: number }
}

/** The `times` override of createSession for the kinds a session type asks. */
export function phaseOverridesFor(type: SessionType, times: SetupTimes): PhaseTimeOverrides {
  const overrides: PhaseTimeOverrides = {}
  const kinds = new Set<QuestionKind>(sessionTypeKinds[type])
  for (const kind of ['behavioral', 'product'] as const) if (kinds.has(kind)) overrides[kind] = { ...times.star }
  for (const kind of ['system-design', 'scenario'] as const) if (kinds.has(kind)) overrides[kind] = { ...times.design }
  for (const kind of ['sql', 'coding'] as const) if (kinds.has(kind)) overrides[kind] = { ...times.handsOn }
  if (kinds.has('concept')) overrides.concept = { ...times.concept }
  return overrides
}
