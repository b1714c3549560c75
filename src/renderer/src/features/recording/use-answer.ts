import { useEffect, useState } from 'react'
import type { AnswerRecord } from '../../../../shared/answers'
import { api, ApiError, onEvent } from '../../lib/api'

/** One answer as the backend has it, kept current by `answer` and `transcriptionProgress` events. */
export function useAnswer(answerId: string) {
  const [answer, setAnswer] = useState<AnswerRecord | null>(null)
  const [progress, setProgress] = useState<number | null>(null)

  useEffect(() => {
    let live = true
    setAnswer(null)
    setProgress(null)
    const offAnswer = onEvent('answer', (payload) => {
      if (payload.id !== answerId) return
      setAnswer(payload)
      if (payload.status !== 'transcribing') setProgress(null)
    })
    const offProgress = onEvent('transcriptionProgress', (payload) => {
      if (payload.answerId === answerId) setProgress(payload.percent)
    })
    api.getAnswer({ id: answerId }).then(
      (found) => live && setAnswer((current) => current ?? found),
      (error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) console.warn(error)
      }
    )
    return () => {
      live = false
      offAnswer()
      offProgress()
    }
  }, [answerId])

  return { answer, progress, setAnswer }
}
