import { snapshotTimer, type TimerSnapshot, type TimerState } from './timer'

/**
 * How a timer reads on screen: a countdown while a phase runs, a count-up once the answer is
 * over time, and a tone the UI turns into a colour.
 */
export type TimerTone = 'idle' | 'calm' | 'warning' | 'urgent' | 'overtime' | 'paused' | 'finished'

export interface TimerDisplay {
  snapshot: TimerSnapshot
  /** `3:00`, `0:15`, `+1:05` (overtime), `12:30:00` for very long phases. */
  clock: string
  tone: TimerTone
  /** A sentence for screen readers and the warning banner, or null when nothing is urgent. */
  alert: string | null
}

/** `m:ss` (or `h:mm:ss`) of a duration; negative durations read as zero. */
export function formatClock(ms: number, round: 'up' | 'down' = 'down'): string {
  const totalSeconds = Math.max(0, round === 'up' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000))
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = String(totalSeconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/** A short human duration for labels: `45 s`, `3 min`, `1 min 30 s`. */
export function formatDurationLabel(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000))
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  if (minutes === 0) return `${seconds} s`
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`
}

/**
 * Reads what a person types for a phase length: `90` (seconds), `1:30`, `1:30:00`, `3m`,
 * `45s`, `1m30s`, `2 min`. Returns milliseconds, or null when the text is not a duration.
 */
export function parseClock(text: string): number | null {
  const value = text.trim().toLowerCase()
  if (value === '') return null
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const clock = /^(?:(\d+):)?(\d+):([0-5]\d)$/.exec(value)
  if (clock) return ((Number(clock[1] ?? 0) * 60 + Number(clock[2])) * 60 + Number(clock[3])) * 1000
  const units = /^(?:(\d+)\s*h(?:ours?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?)?)?)?$/.exec(value)
  if (units && (units[1] || units[2] || units[3])) {
    return ((Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0)) * 60 + Number(units[3] ?? 0)) * 1000
  }
  return null
}

/** What the timer shows at wall-clock `now`. */
export function describeTimer(state: TimerState, now: number): TimerDisplay {
  const snapshot = snapshotTimer(state, now)
  if (snapshot.isOvertime) {
    return {
      snapshot,
      clock: `+${formatClock(snapshot.overtimeMs)}`,
      tone: snapshot.isFinished ? 'finished' : snapshot.isPaused ? 'paused' : 'overtime',
      alert: snapshot.isFinished ? null : `Over time by ${formatDurationLabel(snapshot.overtimeMs)}: wrap up.`
    }
  }
  const clock = formatClock(snapshot.remainingMs, 'up')
  if (snapshot.status === 'idle') return { snapshot, clock, tone: 'idle', alert: null }
  if (snapshot.isFinished) return { snapshot, clock, tone: 'finished', alert: null }
  if (snapshot.isPaused) return { snapshot, clock, tone: 'paused', alert: null }
  if (snapshot.warning === null) return { snapshot, clock, tone: 'calm', alert: null }
  // The shortest active warning is the last call; any earlier one is a heads-up.
  const active = state.warningsMs.filter((ms) => ms < snapshot.phaseDurationMs)
  const shortest = Math.min(...active)
  const urgent = snapshot.remainingMs <= shortest
  return {
    snapshot,
    clock,
    tone: urgent ? 'urgent' : 'warning',
    alert: `${formatDurationLabel(urgent ? shortest : Math.max(...active.filter((ms) => ms >= snapshot.remainingMs)))} left`
  }
}
