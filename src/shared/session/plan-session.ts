import { z } from 'zod'
import { TimerPhaseSchema } from './timer'
import type { Question, QuestionKind } from '../banks/types'
import type { TimerPhase } from './timer'

export const sessionTypes = ['behavioral', 'system-design', 'drill', 'mixed'] as const
export const SessionTypeSchema = z.enum(sessionTypes)
export type SessionType = z.infer<typeof SessionTypeSchema>

/** The question kinds each session type draws from. */
export const sessionTypeKinds: Record<SessionType, readonly QuestionKind[]> = {
  behavioral: ['behavioral'],
  // Scenario items (an incident, a migration, a trade-off) are talked through, not drawn: they
  // come up in mixed sessions, and a design session asks only for designs.
  'system-design': ['system-design'],
  drill: ['sql', 'concept', 'coding'],
  mixed: ['behavioral', 'system-design', 'sql', 'coding', 'concept', 'scenario', 'product']
}

export interface PhaseTimes {
  /** The phase before answering: reading the prompt, thinking, or clarifying requirements. */
  prep: TimerPhase
  answer: TimerPhase
}

/**
 * Phase lengths by question kind, modelled on real loops: a behavioral story is about three
 * minutes; a system-design round gives five minutes of requirements and the rest of a 45-minute
 * slot to the design; a SQL or coding exercise allows time to read the schema first.
 */
const starTimes: PhaseTimes = {
  prep: { id: 'think', label: 'Think', durationMs: 60_000 },
  answer: { id: 'answer', label: 'Answer', durationMs: 180_000 }
}
const designTimes: PhaseTimes = {
  prep: { id: 'clarify', label: 'Clarify', durationMs: 300_000 },
  answer: { id: 'answer', label: 'Design', durationMs: 2_100_000 }
}
const handsOnTimes: PhaseTimes = {
  prep: { id: 'read', label: 'Read', durationMs: 120_000 },
  answer: { id: 'answer', label: 'Answer', durationMs: 600_000 }
}

export const defaultPhaseTimes: Record<QuestionKind, PhaseTimes> = {
  behavioral: starTimes,
  product: starTimes,
  'system-design': designTimes,
  scenario: designTimes,
  sql: handsOnTimes,
  coding: handsOnTimes,
  concept: {
    prep: { id: 'think', label: 'Think', durationMs: 30_000 },
    answer: { id: 'answer', label: 'Answer', durationMs: 120_000 }
  }
}

/**
 * Per-kind overrides (from the user's settings). A `prepMs` of 0 drops the prep phase, so the
 * answer starts at once; `answerMs` must be positive.
 */
export type PhaseTimeOverrides = Partial<Record<QuestionKind, { prepMs?: number; answerMs?: number }>>

export type SessionOrder = 'random' | 'as-listed'

export interface PlanSessionInput {
  type: SessionType
  /** The candidate pool, already narrowed to the banks, sections and kinds the user chose. */
  questions: ReadonlyArray<Pick<Question, 'id' | 'kind'>>
  count: number
  order: SessionOrder
  /** Same pool (in the same order), same seed: same plan. */
  seed: number
  times?: PhaseTimeOverrides
}

export const PlanItemSchema = z.object({
  questionId: z.string().min(1),
  phases: z.array(TimerPhaseSchema).min(1)
})
export type PlanItem = z.infer<typeof PlanItemSchema>

export interface SessionPlan {
  items: PlanItem[]
  /** Why the plan is not what was asked for (fewer questions than requested). */
  warnings: string[]
}

export function planSession(input: PlanSessionInput): SessionPlan {
  if (!Number.isInteger(input.count) || input.count < 1) {
    throw new RangeError(`A session needs a whole number of questions, at least 1 (got ${input.count})`)
  }
  if (!Number.isFinite(input.seed)) throw new RangeError(`Invalid seed: ${input.seed}`)
  const kinds = new Set(sessionTypeKinds[input.type])
  const seen = new Set<string>()
  const pool = input.questions.filter((question) => {
    // A question listed twice would be asked twice.
    if (!kinds.has(question.kind) || seen.has(question.id)) return false
    seen.add(question.id)
    return true
  })
  const picked =
    input.order === 'random'
      ? seededShuffle(pool, input.seed).slice(0, input.count)
      : pool.slice(0, input.count)
  const warnings: string[] = []
  if (picked.length < input.count) {
    const found =
      picked.length === 0
        ? `No ${input.type} questions match`
        : `Only ${picked.length} ${input.type} ${picked.length === 1 ? 'question matches' : 'questions match'}`
    warnings.push(`${found} the chosen banks and sections (asked for ${input.count}).`)
  }
  return {
    items: picked.map((question) => ({
      questionId: question.id,
      phases: phasesFor(question.kind, input.times)
    })),
    warnings
  }
}

export function phasesFor(kind: QuestionKind, overrides?: PhaseTimeOverrides): TimerPhase[] {
  const { prep, answer } = defaultPhaseTimes[kind]
  const prepMs = overrides?.[kind]?.prepMs ?? prep.durationMs
  const answerMs = overrides?.[kind]?.answerMs ?? answer.durationMs
  if (!Number.isFinite(prepMs) || prepMs < 0) throw new RangeError(`Invalid ${kind} prep time: ${prepMs} ms`)
  if (!Number.isFinite(answerMs) || answerMs <= 0) {
    throw new RangeError(`Invalid ${kind} answer time: ${answerMs} ms`)
  }
  const phases: TimerPhase[] = []
  if (prepMs > 0) phases.push({ ...prep, durationMs: prepMs })
  phases.push({ ...answer, durationMs: answerMs })
  return phases
}

/** Fisher–Yates driven by mulberry32, so a plan can be rebuilt (and tested) from its seed. */
function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed)
  const shuffled = [...items]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const [a, b] = [shuffled[i], shuffled[j]]
    // Both indexes are in range (0 ≤ j ≤ i < length); the check only satisfies the compiler.
    if (a === undefined || b === undefined) continue
    shuffled[i] = b
    shuffled[j] = a
  }
  return shuffled
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
