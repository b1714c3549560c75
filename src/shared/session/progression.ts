import { phaseUsageFromTimer, type PhaseUsage } from '../interviewer/session-summary'
import type { Session } from './session-schema'
import { createTimer, startTimer } from './timer'

/**
 * How a session moves from one question to the next, as pure functions: the runner hook
 * (use-session-runner.ts) persists what these return and renders it.
 */

export interface LeftQuestion {
  /** The session after the question: the next question with its clock started, or finished. */
  session: Session
  /** The time the question that was left spent in each of its phases (empty without a clock). */
  phaseUsage: PhaseUsage[]
  finished: boolean
}

/** Leaves the current question at `at` (ms since the epoch): next question, or the end. */
export function leaveQuestion(session: Session, at: number): LeftQuestion {
  const phaseUsage = session.timer ? phaseUsageFromTimer(session.timer, at) : []
  const nextIndex = session.currentIndex + 1
  const nextItem = session.items[nextIndex]
  if (!nextItem) return { session: finishSessionState(session), phaseUsage, finished: true }
  const timer = startTimer(createTimer({ phases: nextItem.phases }, at), at)
  return { session: { ...session, currentIndex: nextIndex, timer }, phaseUsage, finished: false }
}

/** The session finished: past the last question, no clock running. */
export function finishSessionState(session: Session): Session {
  return { ...session, currentIndex: session.items.length, timer: null, status: 'finished' }
}
