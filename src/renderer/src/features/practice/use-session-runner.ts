import { useRef } from 'react'
import type { Question } from '@shared/banks/types'
import { advancePhase, finishTimer, pauseTimer, resumeTimer, timerStatus, type PlanItem, type Session, type SessionAnswer } from '@shared/session'
import { describeTimer, type TimerDisplay } from '@shared/session/timer-display'
import { useSettings } from '../../lib/settings-context'
import { useQuestion } from '../library'
import { useEnterQuestion } from './use-enter-question'
import { useLoadedSession, type TypedTake } from './use-loaded-session'
import { useSessionClock } from './use-session-clock'
import { useSessionMoves, type ItemPatch } from './use-session-moves'
import { useFlushes, useWriteQueue } from './use-session-writes'
import { useTypedAnswers } from './use-typed-answers'

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
  registerFlush: (flush: () => Promise<unknown>) => () => void
  /** Runs every registered flush now (the follow-ups are chosen from the saved answer). */
  flushAll: () => Promise<boolean>
  dismissSaveError: () => void
}

/** Runs one practice session: the clock, its warnings, and saving every step as it happens. */
export function useSessionRunner(sessionId: string): SessionRunner {
  const { settings } = useSettings()
  const queue = useWriteQueue()
  const { persist } = queue
  const { registerFlush, flushAll } = useFlushes()
  const sessionRef = useRef<Session | null>(null)
  const { typedAnswers, replaceTyped, saveTyped } = useTypedAnswers(sessionRef, persist)
  const { session, setSession, loadError } = useLoadedSession(sessionId, sessionRef, replaceTyped)

  const index = session?.currentIndex ?? 0
  const item = session && session.status === 'in-progress' ? (session.items[index] ?? null) : null
  const { question, loading: questionLoading } = useQuestion(item?.questionId ?? null)
  const answer = (item && session?.answers.find((a) => a.questionId === item.questionId)) || null

  const clock = useSessionClock({ session, setSession, sessionRef, item, persist, warningSound: settings.warningSound })
  const { display, changeTimer } = clock
  useEnterQuestion({ session, setSession, sessionRef, index, item, persist, saveTimer: clock.saveTimer })
  const moves = useSessionMoves({ setSession, sessionRef, queue, flushAll, clock })

  const status = session?.timer ? timerStatus(session.timer) : null
  return {
    session,
    loadError,
    saveError: queue.saveError,
    index,
    item,
    question,
    questionLoading,
    answer,
    display,
    autoRecord: settings.autoRecord && status === 'running' && display !== null && display.snapshot.phaseIndex === display.snapshot.phaseCount - 1,
    answerDone: status === 'finished',
    typedAnswers,
    ...moves,
    togglePause: () => changeTimer((timer, at) => (timerStatus(timer) === 'paused' ? resumeTimer(timer, at) : pauseTimer(timer, at))),
    startAnswering: () =>
      changeTimer((timer, at) => {
        const snapshot = describeTimer(timer, at).snapshot
        return snapshot.phaseIndex < snapshot.phaseCount - 1 ? advancePhase(timer, at) : timer
      }),
    finishAnswer: () => changeTimer((timer, at) => finishTimer(timer, at)),
    saveTyped,
    registerFlush,
    flushAll,
    dismissSaveError: queue.dismissSaveError
  }
}
