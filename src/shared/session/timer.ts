import { defined } from '../defined'
import type { TimerConfig, TimerEvent, TimerEventType, TimerPhase, TimerSnapshot, TimerState, TimerStatus, TimerWarning } from './timer-schema'

/**
 * The timer of one question in a mock interview, as pure reducers over plain JSON.
 *
 * Semantics
 * - Time is never counted by ticks. The state keeps the wall-clock instant the timer started,
 *   the pause intervals and the instants of early advances; every reading is computed from a
 *   `now` the caller passes in. A late or skipped tick therefore cannot drift the clock, and a
 *   state persisted to JSON and loaded after a reload reads exactly as before (the time spent
 *   reloading counts, as it would in a real interview, unless the timer was paused).
 * - "Timer time" is wall time since `startTimer` minus paused time, frozen at finish. All
 *   deadlines live in timer time, so pausing shifts every deadline by the paused duration.
 * - Phases run in order. A phase that is not the last one advances on its own when its
 *   duration runs out; `advancePhase` ends it early, and the following phases keep their full
 *   durations from that moment. The last phase (the answer) never ends on its own: it goes into
 *   overtime, which counts up until `finishTimer` (or `advancePhase` on the last phase).
 * - Wrap-up warnings belong to the last phase only (a "1 minute left" during reading time would
 *   mean nothing): a warning of `w` ms is reached when `w` ms of the last phase remain. A warning
 *   not shorter than the phase itself is dropped, since it would fire the moment the phase began.
 * - Every event has a wall-clock instant: for a scheduled one (phase end, warning, overtime),
 *   the first instant the timer time reaches it; for an action (early advance, finish), the
 *   instant of the action. `timerEventsBetween(state, from, to)` returns the events in the
 *   half-open interval (from, to], so ticks (t0, t1], (t1, t2] … report each event exactly once
 *   however late or irregular they are. While paused timer time stands still, so no scheduled
 *   event falls inside a pause; an action taken during a pause is reported after it happens.
 * - Timestamps earlier than the start (a wall clock set back) read as the start: time is
 *   clamped, never negative.
 */

export { TimerPhaseSchema, TimerStateSchema } from './timer-schema'
export type { TimerConfig, TimerEvent, TimerEventType, TimerPhase, TimerSnapshot, TimerState, TimerStatus, TimerWarning } from './timer-schema'

export const defaultWarningsMs: readonly number[] = [60_000, 15_000]

export function warningName(ms: number): TimerWarning {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${Math.round(ms / 1000)}s`
}

export function createTimer(config: TimerConfig, now: number): TimerState {
  if (config.phases.length === 0) throw new RangeError('A timer needs at least one phase')
  for (const phase of config.phases) {
    if (!Number.isFinite(phase.durationMs) || phase.durationMs <= 0) {
      throw new RangeError(`Phase "${phase.id}" has an invalid duration: ${phase.durationMs}`)
    }
  }
  const warnings = config.warningsMs ?? defaultWarningsMs
  for (const ms of warnings) {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`Invalid warning: ${ms} ms`)
  }
  return {
    version: 1,
    phases: config.phases.map(({ id, label, durationMs }) => ({ id, label, durationMs })),
    warningsMs: [...new Set(warnings)].sort((a, b) => b - a),
    createdAt: now,
    startedAt: null,
    pauses: [],
    advances: [],
    finishedAt: null
  }
}

export function timerStatus(state: TimerState): TimerStatus {
  if (state.startedAt === null) return 'idle'
  if (state.finishedAt !== null) return 'finished'
  if (state.pauses.at(-1)?.until === null) return 'paused'
  return 'running'
}

/** Starting a timer that already started changes nothing. */
export function startTimer(state: TimerState, now: number): TimerState {
  if (state.startedAt !== null) return state
  return { ...state, startedAt: now }
}

/** Only a running timer pauses; anything else is returned unchanged. */
export function pauseTimer(state: TimerState, now: number): TimerState {
  if (timerStatus(state) !== 'running') return state
  return { ...state, pauses: [...state.pauses, { from: Math.max(now, lastInstant(state)), until: null }] }
}

/** Only a paused timer resumes; anything else is returned unchanged. */
export function resumeTimer(state: TimerState, now: number): TimerState {
  if (timerStatus(state) !== 'paused') return state
  return { ...state, pauses: closeOpenPause(state.pauses, now) }
}

/**
 * Ends the current phase now. On the last phase that finishes the timer, because there is no
 * next phase to skip to. Works while paused (the skip happens at the paused instant); an idle
 * or finished timer is returned unchanged.
 */
export function advancePhase(state: TimerState, now: number): TimerState {
  const status = timerStatus(state)
  if (status === 'idle' || status === 'finished') return state
  const atMs = timerTimeAt(state, now)
  const { phaseIndex } = phaseAt(state, atMs)
  if (phaseIndex === state.phases.length - 1) return finishTimer(state, now)
  const at = Math.max(now, lastInstant(state))
  return { ...state, advances: [...state.advances, { phaseIndex: phaseIndex + 1, atMs, at }] }
}

/** Stops the clock for good; a timer that never started has nothing to finish. */
export function finishTimer(state: TimerState, now: number): TimerState {
  const status = timerStatus(state)
  if (status === 'idle' || status === 'finished') return state
  const at = Math.max(now, lastInstant(state))
  return { ...state, pauses: closeOpenPause(state.pauses, at), finishedAt: at }
}

/**
 * Timer time at wall-clock `now`: time since start, minus every pause, frozen at finish and
 * clamped at 0 before start.
 */
export function timerTimeAt(state: TimerState, now: number): number {
  if (state.startedAt === null) return 0
  const end = state.finishedAt === null ? now : Math.min(now, state.finishedAt)
  if (end <= state.startedAt) return 0
  let paused = 0
  for (const pause of state.pauses) {
    const from = Math.max(pause.from, state.startedAt)
    const until = Math.min(pause.until ?? end, end)
    if (until > from) paused += until - from
  }
  return Math.max(0, end - state.startedAt - paused)
}

export function snapshotTimer(state: TimerState, now: number): TimerSnapshot {
  const status = timerStatus(state)
  const totalElapsedMs = timerTimeAt(state, now)
  const { phaseIndex, startMs, phase } = phaseAt(state, totalElapsedMs)
  const isLast = phaseIndex === state.phases.length - 1
  const elapsedMs = totalElapsedMs - startMs
  const remainingMs = Math.max(0, phase.durationMs - elapsedMs)
  // Overtime begins at the deadline itself, the instant the `overtime` event fires.
  const isOvertime = isLast && status !== 'idle' && elapsedMs >= phase.durationMs
  let warning: TimerWarning | null = null
  if (isLast && !isOvertime && status !== 'idle' && status !== 'finished') {
    for (const ms of activeWarnings(state)) {
      if (remainingMs <= ms) warning = warningName(ms)
    }
  }
  return {
    status,
    phaseId: phase.id,
    phaseLabel: phase.label,
    phaseIndex,
    phaseCount: state.phases.length,
    phaseDurationMs: phase.durationMs,
    elapsedMs,
    totalElapsedMs,
    remainingMs,
    overtimeMs: isLast ? Math.max(0, elapsedMs - phase.durationMs) : 0,
    warning,
    isOvertime,
    isPaused: status === 'paused',
    isFinished: status === 'finished'
  }
}

/**
 * Events whose wall-clock instant falls in (fromMs, toMs]. Pass the latest state: it holds the
 * whole history of pauses and advances, so a window spanning a pause or an early advance made
 * since the previous tick is still read correctly. Events the state does not foresee yet (those
 * after `toMs` while paused) cannot be in the window.
 */
export function timerEventsBetween(state: TimerState, fromMs: number, toMs: number): TimerEvent[] {
  if (toMs <= fromMs || state.startedAt === null) return []
  return timerEventTimeline(state).filter((event) => event.at > fromMs && event.at <= toMs)
}

/**
 * Every event of the timer in order, as the state foresees them now. A future event of a
 * paused timer has no instant yet: its `at` is Infinity.
 */
function timerEventTimeline(state: TimerState): TimerEvent[] {
  const starts = phaseStarts(state)
  const lastIndex = state.phases.length - 1
  const scheduled = (type: TimerEventType, atMs: number, phaseIndex: number): TimerEvent => ({
    type,
    atMs,
    at: wallTimeOf(state, atMs),
    phaseIndex,
    phaseId: phaseOf(state, phaseIndex).id
  })
  const events: TimerEvent[] = []
  for (const [index, start] of starts.entries()) {
    if (index === 0) continue
    const advance = state.advances.find((entry) => entry.phaseIndex === index)
    events.push(
      advance === undefined ? scheduled('phase-change', start, index) : { ...scheduled('phase-change', advance.atMs, index), at: advance.at }
    )
  }
  const deadline = (starts.at(-1) ?? 0) + phaseOf(state, lastIndex).durationMs
  for (const ms of activeWarnings(state)) {
    events.push(scheduled(`warning-${warningName(ms)}`, deadline - ms, lastIndex))
  }
  events.push(scheduled('overtime', deadline, lastIndex))
  if (state.finishedAt !== null) {
    const finishedAtMs = timerTimeAt(state, state.finishedAt)
    // Nothing is scheduled past the finish; the finish itself is the last event.
    const finishedAt = state.finishedAt
    const kept = events.filter((event) => event.atMs <= finishedAtMs && event.at <= finishedAt)
    const { phaseIndex } = phaseAt(state, finishedAtMs)
    kept.push({ ...scheduled('finished', finishedAtMs, phaseIndex), at: state.finishedAt })
    return kept.sort(byInstant)
  }
  return events.sort(byInstant)
}

/** Stable, so events at one instant keep the order they were listed in (phase change first). */
function byInstant(a: TimerEvent, b: TimerEvent): number {
  return a.at === b.at ? a.atMs - b.atMs : a.at - b.at
}

/** The first wall-clock instant at which the timer time reaches `atMs` (Infinity: not yet known). */
function wallTimeOf(state: TimerState, atMs: number): number {
  if (state.startedAt === null) return Infinity
  let cursor = state.startedAt
  let reached = 0
  for (const pause of state.pauses) {
    const from = Math.max(pause.from, cursor)
    if (reached + (from - cursor) >= atMs) return cursor + (atMs - reached)
    reached += from - cursor
    if (pause.until === null) return Infinity
    cursor = Math.max(pause.until, from)
  }
  return cursor + (atMs - reached)
}

function activeWarnings(state: TimerState): number[] {
  const lastDuration = phaseOf(state, state.phases.length - 1).durationMs
  return state.warningsMs.filter((ms) => ms < lastDuration)
}

/** Timer time at which each phase begins (or will begin, if nothing else changes). */
function phaseStarts(state: TimerState): number[] {
  const starts: number[] = [0]
  let start = 0
  for (const [previous, phase] of state.phases.slice(0, -1).entries()) {
    const index = previous + 1
    const advance = state.advances.find((entry) => entry.phaseIndex === index)
    start = advance?.atMs ?? start + phase.durationMs
    starts.push(start)
  }
  return starts
}

/** A phase by index; the schema guarantees at least one, and indexes come from the phases themselves. */
function phaseOf(state: TimerState, index: number): TimerPhase {
  return defined(state.phases[index], `timer phase ${index}`)
}

function phaseAt(state: TimerState, atMs: number): { phaseIndex: number; startMs: number; phase: TimerPhase } {
  const starts = phaseStarts(state)
  let phaseIndex = 0
  // A phase that reaches its end is over at that instant, so `<=` moves on to the next one.
  for (let next = starts[phaseIndex + 1]; next !== undefined && next <= atMs; next = starts[phaseIndex + 1]) phaseIndex++
  // starts[0] is always there: 0.
  return { phaseIndex, startMs: starts[phaseIndex] ?? 0, phase: phaseOf(state, phaseIndex) }
}

/** The latest wall-clock instant the state already records, so a clock set back cannot reorder it. */
function lastInstant(state: TimerState): number {
  const last = state.pauses.at(-1)
  return Math.max(
    state.startedAt ?? -Infinity,
    last?.from ?? -Infinity,
    last?.until ?? -Infinity,
    state.advances.at(-1)?.at ?? -Infinity
  )
}

function closeOpenPause(pauses: TimerState['pauses'], now: number): TimerState['pauses'] {
  const last = pauses.at(-1)
  if (last === undefined || last.until !== null) return pauses
  return [...pauses.slice(0, -1), { from: last.from, until: Math.max(now, last.from) }]
}
