import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { newestTypedTake } from '@shared/answers'
import type { Question } from '@shared/banks/types'
import type { SaveSessionItemInput } from '@shared/contract'
import {
  advancePhase,
  createTimer,
  finishTimer,
  pauseTimer,
  resumeTimer,
  startTimer,
  timerEventsBetween,
  timerStatus,
  type PlanItem,
  type Session,
  type SessionAnswer,
  type TimerState,
  warningName
} from '@shared/session'
import { finishSessionState, leaveQuestion } from '@shared/session/progression'
import { describeTimer, type TimerDisplay } from '@shared/session/timer-display'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { useQuestion } from '../library'
import { playWarningBeep } from './play-warning-beep'
import { messageOf } from '@shared/errors'

const TICK_MS = 250

type ItemPatch = Omit<SaveSessionItemInput, 'sessionId' | 'questionId'>

export interface SessionRunner {
  /** The session as last loaded or changed here; null while loading. */
  session: Session | null
  loadError: string | null
  /** The last save that failed, in words the user can act on. */
  saveError: string | null
  index: number
  item: PlanItem | null
  question: Question | null
  /** The current question is still being fetched (its whole text arrives after the summary). */
  questionLoading: boolean
  answer: SessionAnswer | null
  /** What the current question's timer shows now; null between questions. */
  display: TimerDisplay | null
  /** The answer phase is running and the user wants recording to start by itself. */
  autoRecord: boolean
  /** The current question's timer has stopped: the reference material may be shown. */
  answerDone: boolean
  /** The typed take each answer's "type your answer" box writes to, by answerId. */
  typedAnswers: ReadonlyMap<string, TypedTake>
  busy: boolean
  togglePause: () => void
  startAnswering: () => void
  finishAnswer: () => void
  next: () => Promise<void>
  skip: () => Promise<void>
  finishSession: () => Promise<void>
  saveItem: (patch: ItemPatch) => Promise<void>
  saveTyped: (text: string) => Promise<void>
  /** Pending edits (notes, whiteboard…) register a flush, run before leaving a question. */
  registerFlush: (flush: () => Promise<void>) => () => void
  /** Runs every registered flush now (the follow-ups are chosen from the saved answer). */
  flushAll: () => Promise<void>
  dismissSaveError: () => void
}

export interface TypedTake {
  takeId: string
  text: string
}

/** Runs one practice session: the clock, its warnings, and saving every step as it happens. */
export function useSessionRunner(sessionId: string): SessionRunner {
  const { settings } = useSettings()
  const navigate = useNavigate()
  const [session, setSession] = useState<Session | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [typedAnswers, setTypedAnswers] = useState<ReadonlyMap<string, TypedTake>>(new Map())
  const typedRef = useRef(typedAnswers)
  typedRef.current = typedAnswers
  const [now, setNow] = useState(() => Date.now())
  const [busy, setBusy] = useState(false)
  const sessionRef = useRef<Session | null>(null)
  sessionRef.current = session
  const flushes = useRef(new Set<() => Promise<void>>())
  const writes = useRef<Promise<unknown>>(Promise.resolve())
  const warningSound = useRef(settings.warningSound)
  warningSound.current = settings.warningSound

  /** Writes run one after another, so an older state can never land after a newer one. */
  const persist = useCallback(<T,>(write: () => Promise<T>): Promise<T | undefined> => {
    const run = writes.current.then(write).then(
      (value) => value,
      (error: unknown) => {
        setSaveError(`Your progress could not be saved: ${messageOf(error)} Check that mockroom is still running, then try again.`)
        return undefined
      }
    )
    writes.current = run
    return run
  }, [])

  const saveTimer = useCallback(
    (current: Session, timer: TimerState | null) =>
      persist(() =>
        api.updateSession({ id: current.id, currentIndex: current.currentIndex, timer, status: current.status })
      ),
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
    [saveTimer]
  )

  // Load the session and the answers typed so far.
  useEffect(() => {
    let active = true
    setSession(null)
    setLoadError(null)
    Promise.all([api.getSession({ id: sessionId }), api.listAnswers({ sessionId })]).then(
      ([loaded, answers]) => {
        if (!active) return
        const typed = new Map<string, TypedTake>()
        for (const answer of answers) {
          const take = newestTypedTake(answer)
          if (take) typed.set(answer.id, { takeId: take.id, text: take.text })
        }
        setTypedAnswers(typed)
        setSession(loaded)
      },
      (error: unknown) => active && setLoadError(messageOf(error))
    )
    return () => {
      active = false
    }
  }, [sessionId])

  const index = session?.currentIndex ?? 0
  const item = session && session.status === 'in-progress' ? (session.items[index] ?? null) : null
  const { question, loading: questionLoading } = useQuestion(item?.questionId ?? null)
  const answer = (item && session?.answers.find((a) => a.questionId === item.questionId)) || null

  // Entering a question: give it its answer entry (for a stable answerId) and start its clock.
  const entered = useRef<string | null>(null)
  useEffect(() => {
    if (!session || !item || session.status !== 'in-progress') return
    const key = `${session.id}:${index}`
    if (entered.current === key) return
    entered.current = key
    if (!session.answers.some((a) => a.questionId === item.questionId)) {
      void persist(() => api.saveSessionItem({ sessionId: session.id, questionId: item.questionId })).then((saved) => {
        if (saved) setSession((current) => (current ? { ...current, answers: saved.answers } : current))
      })
    }
    if (session.timer === null) {
      const at = Date.now()
      const timer = startTimer(createTimer({ phases: item.phases }, at), at)
      const updated = { ...session, timer }
      sessionRef.current = updated
      setSession(updated)
      void saveTimer(updated, timer)
    }
  }, [session, item, index, persist, saveTimer])

  // The clock: each tick reads Date.now() and reports the events since the previous tick once.
  const running = session?.timer ? timerStatus(session.timer) === 'running' : false
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
          if (event.type.startsWith('warning-') && warningSound.current) {
            const last = event.type === `warning-${lastWarningName(current.timer)}`
            playWarningBeep(last ? 2 : 1)
          }
        }
      }
      previous = at
      setNow(at)
    }, TICK_MS)
    return () => clearInterval(id)
  }, [running, saveTimer])

  const display = useMemo(() => (session?.timer && item ? describeTimer(session.timer, now) : null), [session?.timer, item, now])

  const flushAll = useCallback(async () => {
    await Promise.all([...flushes.current].map((flush) => flush().catch(() => undefined)))
  }, [])

  const registerFlush = useCallback((flush: () => Promise<void>) => {
    flushes.current.add(flush)
    return () => void flushes.current.delete(flush)
  }, [])

  const finishSession = useCallback(async () => {
    const current = sessionRef.current
    if (!current) return
    setBusy(true)
    await flushAll()
    const finished = finishSessionState(current)
    sessionRef.current = finished
    setSession(finished)
    const saved = await persist(() =>
      api.updateSession({ id: current.id, currentIndex: finished.currentIndex, timer: null, status: 'finished' })
    )
    await writes.current
    setBusy(false)
    if (saved) void navigate(`/review?session=${encodeURIComponent(current.id)}`)
  }, [flushAll, persist, navigate])

  const moveOn = useCallback(
    async (skipped: boolean) => {
      const current = sessionRef.current
      const currentItem = current?.items[current.currentIndex]
      if (!current || !currentItem || busy) return
      setBusy(true)
      try {
        const left = leaveQuestion(current, Date.now())
        await flushAll()
        // The time each phase took goes with the item (for the session summary), and the skip with it.
        const saved = await persist(() =>
          api.saveSessionItem({ sessionId: current.id, questionId: currentItem.questionId, phaseUsage: left.phaseUsage, ...(skipped ? { skipped: true } : {}) })
        )
        const answers = saved ? saved.answers : current.answers
        if (left.finished) {
          sessionRef.current = { ...current, answers }
          await finishSession()
          return
        }
        const updated: Session = { ...left.session, answers }
        sessionRef.current = updated
        setSession(updated)
        setNow(updated.timer?.startedAt ?? Date.now())
        await saveTimer(updated, updated.timer)
      } finally {
        setBusy(false)
      }
    },
    [busy, flushAll, persist, finishSession, saveTimer]
  )

  const saveItem = useCallback(
    async (patch: ItemPatch) => {
      const current = sessionRef.current
      const currentItem = current?.items[current.currentIndex]
      if (!current || !currentItem) return
      const saved = await persist(() => api.saveSessionItem({ sessionId: current.id, questionId: currentItem.questionId, ...patch }))
      if (saved) setSession((latest) => (latest ? { ...latest, answers: saved.answers } : latest))
      else throw new Error('not saved')
    },
    [persist]
  )

  const saveTyped = useCallback(
    async (text: string) => {
      const current = sessionRef.current
      const currentItem = current?.items[current.currentIndex]
      const entry = current?.answers.find((a) => a.questionId === currentItem?.questionId)
      if (!current || !currentItem || !entry) return
      const timeBoxMs = currentItem.phases.at(-1)!.durationMs
      const saved = await persist(() => {
        // Read when the save runs, not when it was queued, so a take made by the save before is continued.
        const takeId = typedRef.current.get(entry.answerId)?.takeId
        return api.saveTypedAnswer({ id: entry.answerId, ...(takeId ? { takeId } : {}), sessionId: current.id, questionId: currentItem.questionId, text, timeBoxMs })
      })
      if (!saved) throw new Error('not saved')
      const take = newestTypedTake(saved)
      if (take) {
        const next = new Map(typedRef.current).set(saved.id, { takeId: take.id, text: take.text })
        typedRef.current = next
        setTypedAnswers(next)
      }
    },
    [persist]
  )

  const status = session?.timer ? timerStatus(session.timer) : null
  return {
    session,
    loadError,
    saveError,
    index,
    item,
    question,
    questionLoading,
    answer,
    display,
    autoRecord: settings.autoRecord && status === 'running' && display !== null && display.snapshot.phaseIndex === display.snapshot.phaseCount - 1,
    answerDone: status === 'finished',
    typedAnswers,
    busy,
    togglePause: () => changeTimer((timer, at) => (timerStatus(timer) === 'paused' ? resumeTimer(timer, at) : pauseTimer(timer, at))),
    startAnswering: () =>
      changeTimer((timer, at) => {
        const snapshot = describeTimer(timer, at).snapshot
        return snapshot.phaseIndex < snapshot.phaseCount - 1 ? advancePhase(timer, at) : timer
      }),
    finishAnswer: () => changeTimer((timer, at) => finishTimer(timer, at)),
    next: () => moveOn(false),
    skip: () => moveOn(true),
    finishSession,
    saveItem,
    saveTyped,
    registerFlush,
    flushAll,
    dismissSaveError: () => setSaveError(null)
  }
}

function lastWarningName(timer: TimerState): string {
  const lastPhase = timer.phases.at(-1)!.durationMs
  const active = timer.warningsMs.filter((ms) => ms < lastPhase)
  return active.length ? warningName(Math.min(...active)) : ''
}
