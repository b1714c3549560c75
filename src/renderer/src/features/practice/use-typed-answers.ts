import { useCallback, useRef, useState, type MutableRefObject } from 'react'
import { newestTypedTake } from '@shared/answers'
import type { Session } from '@shared/session'
import { api } from '../../lib/api'
import type { TypedTake } from './use-loaded-session'
import type { WriteQueue } from './use-session-writes'
import { answerTimeBoxMs } from './time-box'

export interface TypedAnswers {
  /** The typed take each answer's "type your answer" box writes to, by answerId. */
  typedAnswers: ReadonlyMap<string, TypedTake>
  /** Replaces them all (the session was loaded). */
  replaceTyped: (typed: Map<string, TypedTake>) => void
  /** Saves the current question's typed answer, continuing its typed take. */
  saveTyped: (text: string) => Promise<void>
}

/** The typed answers of a session, and saving the current question's one. */
export function useTypedAnswers(sessionRef: MutableRefObject<Session | null>, persist: WriteQueue['persist']): TypedAnswers {
  const [typedAnswers, setTypedAnswers] = useState<ReadonlyMap<string, TypedTake>>(new Map())
  const typedRef = useRef(typedAnswers)
  typedRef.current = typedAnswers

  const replaceTyped = useCallback((typed: Map<string, TypedTake>) => setTypedAnswers(typed), [])

  const saveTyped = useCallback(
    async (text: string) => {
      const current = sessionRef.current
      const currentItem = current?.items[current.currentIndex]
      const entry = current?.answers.find((a) => a.questionId === currentItem?.questionId)
      if (!current || !currentItem || !entry) return
      const timeBoxMs = answerTimeBoxMs(currentItem.phases)
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
    [sessionRef, persist]
  )

  return { typedAnswers, replaceTyped, saveTyped }
}
