import { useCallback, useEffect, useState } from 'react'
import type { AnswerRecord } from '@shared/answers'
import { api, ApiError, onEvent } from '../../lib/api'

/**
 * One answer as the backend has it, kept current by `answer` and `transcriptionProgress`
 * events. `loaded` turns true once the backend has said what it holds (or that there is no
 * answer yet): nothing may assume the answer is empty before that.
 */
export function useAnswer(answerId: string) {
  const [answer, setAnswer] = useState<AnswerRecord | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [progress, setProgress] = useState<number | null>(null)

  useEffect(() => {
    let live = true
    setAnswer(null)
    setLoaded(false)
    setProgress(null)
    const offAnswer = onEvent('answer', (payload) => {
      if (payload.id !== answerId) return
      setAnswer((current) => newer(current, payload))
      if (payload.status !== 'transcribing') setProgress(null)
    })
    const offProgress = onEvent('transcriptionProgress', (payload) => {
      if (payload.answerId === answerId) setProgress(payload.percent)
    })
    api.getAnswer({ id: answerId }).then(
      (found) => {
        if (!live) return
        setAnswer((current) => (current && current.updatedAt >= found.updatedAt ? current : found))
        setLoaded(true)
      },
      (error: unknown) => {
        if (!live) return
        if (error instanceof ApiError && error.code === 'NOT_FOUND') setLoaded(true)
        else console.warn(error)
      }
    )
    return () => {
      live = false
      offAnswer()
      offProgress()
    }
  }, [answerId])

  /** Takes a record a call returned, unless an event already brought a newer one. */
  const accept = useCallback((record: AnswerRecord | null) => {
    if (record) setAnswer((current) => (current?.id === record.id || !current ? newer(current, record) : current))
  }, [])

  return { answer, loaded, progress, accept }
}

/** Events and call results arrive over different connections: keep whichever is newer. */
function newer(current: AnswerRecord | null, incoming: AnswerRecord): AnswerRecord {
  return current && current.updatedAt > incoming.updatedAt ? current : incoming
}
