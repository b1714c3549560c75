import { z } from 'zod'

/** The timer's persisted state (zod, plain JSON) and the shapes its readings take; the semantics are in timer.ts. */
export const TimerPhaseSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  /** Positive: a phase of no length would begin and end at the start instant, unreported. */
  durationMs: z.number().positive()
})
export type TimerPhase = z.infer<typeof TimerPhaseSchema>

export const TimerStateSchema = z.object({
  version: z.literal(1),
  phases: z.array(TimerPhaseSchema).min(1),
  /** Distinct, positive, longest first. */
  warningsMs: z.array(z.number().positive()),
  createdAt: z.number(),
  /** Wall-clock ms of `startTimer`; null while the timer has not started. */
  startedAt: z.number().nullable(),
  /** Wall-clock pause intervals in order; only the last may still be open (`until: null`). */
  pauses: z.array(z.object({ from: z.number(), until: z.number().nullable() })),
  /**
   * Early advances: phase `phaseIndex` began at timer time `atMs` instead of on schedule. The
   * wall-clock `at` is kept too, because an advance made while paused happens at a timer time
   * the clock reached earlier, and its event must still be reported after that instant.
   */
  advances: z.array(
    z.object({ phaseIndex: z.number().int().min(1), atMs: z.number().min(0), at: z.number() })
  ),
  /** Wall-clock ms of `finishTimer`; null while the timer is not finished. */
  finishedAt: z.number().nullable()
})
export type TimerState = z.infer<typeof TimerStateSchema>

export interface TimerConfig {
  phases: readonly TimerPhase[]
  /** Wrap-up warnings, as time remaining in the last phase. Defaults to 1 min and 15 s. */
  warningsMs?: readonly number[]
}

/** `1m`, `15s`, `90s`: how a warning of some length is named in snapshots and events. */
export type TimerWarning = `${number}m` | `${number}s`

export type TimerStatus = 'idle' | 'running' | 'paused' | 'finished'

export interface TimerSnapshot {
  status: TimerStatus
  phaseId: string
  phaseLabel: string
  phaseIndex: number
  phaseCount: number
  phaseDurationMs: number
  /** Time spent in the current phase. */
  elapsedMs: number
  /** Timer time since start, all phases together. */
  totalElapsedMs: number
  /** Time left in the current phase; 0 once the last phase is in overtime. */
  remainingMs: number
  /** Time past the last phase's end; 0 before that and in every other phase. */
  overtimeMs: number
  /** The most urgent warning reached, until overtime begins. */
  warning: TimerWarning | null
  isOvertime: boolean
  isPaused: boolean
  isFinished: boolean
}

export type TimerEventType = `warning-${TimerWarning}` | 'phase-change' | 'overtime' | 'finished'

export interface TimerEvent {
  type: TimerEventType
  /** Timer time of the event (ms since start, pauses excluded). */
  atMs: number
  /** Wall-clock instant of the event. */
  at: number
  /** The phase the event belongs to: for `phase-change`, the phase being entered. */
  phaseIndex: number
  phaseId: string
}
