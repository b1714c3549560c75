import { useCallback, useEffect, useState } from 'react'
import type { AnswerRecord } from '@shared/answers'
import { api, ApiError, onEvent } from '../../lib/api'
import { messageOf } from '@shared/errors'

export interface AnswerRecordState {
  /** Null while loading, and for an answer that has no record yet (nothing said or asked). */
  answer: AnswerRecord | null
  loaded: boolean
  error: string | null
  /** Takes a record a call returned (newer than what the event may bring later). */
  accept: (answer: AnswerRecord) => void
}

/** One answer's record, kept live through the backend's `answer` events. */
export function useAnswerRecord(answerId: string): AnswerRecordState {
  const [answer, setAnswer] = useState<AnswerRecord | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let active = true
    setAnswer(null)
    setLoaded(false)
    setError(null)
    api.getAnswer({ id: answerId }).then(
      (record) => {
        if (!active) return
        setAnswer((current) => newer(current, record))
        setLoaded(true)
      },
      (e: unknown) => {
        if (!active) return
        // No record yet is normal: the answer is created by its first take or question.
        if (!(e instanceof ApiError && e.code === 'NOT_FOUND')) setError(messageOf(e))
        setLoaded(true)
      }
    )
    const unsubscribe = onEvent('answer', (record) => {
      if (record.id === answerId) setAnswer((current) => newer(current, record))
    })
    return () => {
      active = false
      unsubscribe()
    }
  }, [answerId])
  const accept = useCallback((record: AnswerRecord) => setAnswer((current) => newer(current, record)), [])
  return { answer, loaded, error, accept }
}

function newer(current: AnswerRecord | null, next: AnswerRecord): AnswerRecord {
  return current && current.updatedAt > next.updatedAt ? current : next
}
