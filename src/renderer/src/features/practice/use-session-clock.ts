import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react'
import { timerEventsBetween, timerStatus, warningName, type PlanItem, type Session, type TimerState } from '@shared/session'
import { describeTimer, type TimerDisplay } from '@shared/session/timer-display'
import { api } from '../../lib/api'
import { playWarningBeep } from './play-warning-beep'
import { answerTimeBoxMs } from './time-box'
import type { WriteQueue } from './use-session-writes'

const TICK_MS = 250

interface ClockInput {
  session: Session | null
  setSession: Dispatch<SetStateAction<Session | null>>
  sessionRef: MutableRefObject<Session | null>
  item: PlanItem | null
  persist: WriteQueue['persist']
  warningSound: boolean
}

export interface SessionClock {
  /** What the current question's timer shows now; null between questions. */
  display: TimerDisplay | null
  /** The time the display was last computed for (set when the clock jumps, e.g. to a new question). */
  setNow: (at: number) => void
  /** Saves the session's position with this timer. */
  saveTimer: (current: Session, timer: TimerState | null) => Promise<Session | undefined>
  /** Applies a change to the running timer now, shows it and saves it. */
  changeTimer: (change: (timer: TimerState, at: number) => TimerState) => void
}

/** The current question's clock: its ticks and warnings, and saving each change of it. */
export function useSessionClock({ session, setSession, sessionRef, item, persist, warningSound }: ClockInput): SessionClock {
  const [now, setNow] = useState(() => Date.now())

  const saveTimer = useCallback(
    (current: Session, timer: TimerState | null) =>
      persist(() => api.updateSession({ id: current.id, currentIndex: current.currentIndex, timer, status: current.status })),
    [persist]
  )

  const changeTimer = useCallback(
    (change: (timer: TimerState, at: number) => TimerState) => {
      const current = sessionRef.current
      if (!current?.timer) return
      const at = Date.now()
      const timer = change(current.timer, at)
      if (timer === current.timer) return
      const updated = { ...current, timer }
      sessionRef.current = updated
      setSession(updated)
      setNow(at)
      void saveTimer(updated, timer)
    },
    [sessionRef, setSession, saveTimer]
  )

  const running = session?.timer ? timerStatus(session.timer) === 'running' : false
  useClockTicks({ running, sessionRef, saveTimer, warningSound, setNow })

  const display = useMemo(() => (session?.timer && item ? describeTimer(session.timer, now) : null), [session?.timer, item, now])
  return { display, setNow, saveTimer, changeTimer }
}

interface TicksInput {
  running: boolean
  sessionRef: MutableRefObject<Session | null>
  saveTimer: SessionClock['saveTimer']
  warningSound: boolean
  setNow: (at: number) => void
}

/** While the clock runs, each tick reads Date.now() and reports the events since the previous tick once. */
function useClockTicks({ running, sessionRef, saveTimer, warningSound, setNow }: TicksInput): void {
  const sound = useRef(warningSound)
  sound.current = warningSound

  useEffect(() => {
    if (!running) return
    let previous = Date.now()
    setNow(previous)
    const id = setInterval(() => {
      const at = Date.now()
      const current = sessionRef.current
      if (current?.timer) {
        for (const event of timerEventsBetween(current.timer, previous, at)) {
          if (event.type === 'phase-change') void saveTimer(current, current.timer)
          if (event.type.startsWith('warning-') && sound.current) {
            const last = event.type === `warning-${lastWarningName(current.timer)}`
            playWarningBeep(last ? 2 : 1)
          }
        }
      }
      previous = at
      setNow(at)
    }, TICK_MS)
    return () => clearInterval(id)
  }, [running, sessionRef, saveTimer, setNow])
}

/** The last warning the answer phase gives (the one that beeps twice); '' when it gives none. */
function lastWarningName(timer: TimerState): string {
  const lastPhase = answerTimeBoxMs(timer.phases)
  const active = timer.warningsMs.filter((ms) => ms < lastPhase)
  return active.length ? warningName(Math.min(...active)) : ''
}
