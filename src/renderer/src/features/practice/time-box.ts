import type { TimerPhase } from '@shared/session'
import { defined } from '@shared/defined'

/** The last (answer) phase's length: the time box an answer is held to. A plan item always has a phase (its schema says min(1)). */
export function answerTimeBoxMs(phases: readonly TimerPhase[]): number {
  return defined(phases.at(-1), 'the planned question’s answer phase').durationMs
}
