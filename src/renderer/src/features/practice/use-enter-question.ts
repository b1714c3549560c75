import { useEffect, useRef, type Dispatch, type MutableRefObject, type SetStateAction } from 'react'
import { createTimer, startTimer, type PlanItem, type Session } from '@shared/session'
import { api } from '../../lib/api'
import type { SessionClock } from './use-session-clock'
import type { WriteQueue } from './use-session-writes'

interface EnterInput {
  session: Session | null
  setSession: Dispatch<SetStateAction<Session | null>>
  sessionRef: MutableRefObject<Session | null>
  index: number
  item: PlanItem | null
  persist: WriteQueue['persist']
  saveTimer: SessionClock['saveTimer']
}

/** Entering a question: give it its answer entry (for a stable answerId) and start its clock, once each. */
export function useEnterQuestion({ session, setSession, sessionRef, index, item, persist, saveTimer }: EnterInput): void {
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
  }, [session, setSession, sessionRef, item, index, persist, saveTimer])
}
