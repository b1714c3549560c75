import { useCallback, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react'
import { useNavigate } from 'react-router'
import type { SaveSessionItemInput } from '@shared/contract'
import type { Session } from '@shared/session'
import { finishSessionState, leaveQuestion } from '@shared/session/progression'
import { api } from '../../lib/api'
import type { SessionClock } from './use-session-clock'
import type { Flushes, WriteQueue } from './use-session-writes'

const UNSAVED_EDIT = 'An edit to this question could not be saved, so the question stays open with your work on screen. Check that mockroom is still running, then try again.'

export type ItemPatch = Omit<SaveSessionItemInput, 'sessionId' | 'questionId'>

interface MovesInput {
  setSession: Dispatch<SetStateAction<Session | null>>
  sessionRef: MutableRefObject<Session | null>
  queue: WriteQueue
  flushAll: Flushes['flushAll']
  clock: Pick<SessionClock, 'saveTimer' | 'setNow'>
}

export interface SessionMoves {
  busy: boolean
  next: () => Promise<void>
  skip: () => Promise<void>
  finishSession: () => Promise<void>
  saveItem: (patch: ItemPatch) => Promise<void>
}

/** Leaving a question (next, skip), finishing the session, and saving the current item. */
export function useSessionMoves({ setSession, sessionRef, queue, flushAll, clock }: MovesInput): SessionMoves {
  const navigate = useNavigate()
  const [busy, setBusy] = useState(false)
  const { persist, settled, reportSaveError } = queue
  /** Saves every pending edit; when one cannot be saved the question stays open, with its edit on screen. */
  const flushed = useCallback(async () => {
    if (await flushAll()) return true
    reportSaveError(UNSAVED_EDIT)
    return false
  }, [flushAll, reportSaveError])
  const { saveTimer, setNow } = clock

  const finishSession = useCallback(async () => {
    const current = sessionRef.current
    if (!current) return
    setBusy(true)
    try {
      if (!(await flushed())) return
      const finished = finishSessionState(current)
      const saved = await persist(() =>
        api.updateSession({ id: current.id, currentIndex: finished.currentIndex, timer: null, status: 'finished' })
      )
      await settled()
      // Shown finished only once it is saved so: otherwise the session stays open to try again.
      if (!saved) return
      sessionRef.current = finished
      setSession(finished)
      void navigate(`/review?session=${encodeURIComponent(current.id)}`)
    } finally {
      setBusy(false)
    }
  }, [sessionRef, setSession, flushed, persist, settled, navigate])

  const moveOn = useCallback(
    async (skipped: boolean) => {
      const current = sessionRef.current
      const currentItem = current?.items[current.currentIndex]
      if (!current || !currentItem || busy) return
      setBusy(true)
      try {
        const left = leaveQuestion(current, Date.now())
        if (!(await flushed())) return
        // The time each phase took goes with the item (for the session summary), and the skip with it.
        const saved = await persist(() =>
          api.saveSessionItem({ sessionId: current.id, questionId: currentItem.questionId, phaseUsage: left.phaseUsage, ...(skipped ? { skipped: true } : {}) })
        )
        // Not saved (the backend is down, say): the question stays open; the banner says why.
        if (!saved) return
        const { answers } = saved
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
    [sessionRef, setSession, busy, flushed, persist, finishSession, saveTimer, setNow]
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
    [sessionRef, setSession, persist]
  )

  return { busy, next: () => moveOn(false), skip: () => moveOn(true), finishSession, saveItem }
}
