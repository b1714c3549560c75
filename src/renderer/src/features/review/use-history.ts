import { useCallback, useEffect, useMemo, useState } from 'react'
import type { AnswerRecord } from '@shared/answers'
import type { Session } from '@shared/session'
import { api, onEvent } from '../../lib/api'
import { buildHistory, type History } from './history'
import { messageOf } from '@shared/errors'

export interface HistoryState {
  history: History | null
  error: string | null
  deleteAnswer: (id: string) => Promise<void>
  deleteSession: (id: string) => Promise<void>
}

/** Every session and answer, kept current as answers change elsewhere (a transcription finishing). */
export function useHistory(): HistoryState {
  const [data, setData] = useState<{ sessions: Session[]; answers: AnswerRecord[] } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(async () => {
    try {
      const [sessions, answers] = await Promise.all([api.listSessions(), api.listAnswers({})])
      setData({ sessions, answers })
      setError(null)
    } catch (e) {
      setError(messageOf(e))
    }
  }, [])

  useEffect(() => {
    void reload()
    return onEvent('answer', (record) => {
      setData((current) => {
        if (!current) return current
        const known = current.answers.some((a) => a.id === record.id)
        return {
          ...current,
          answers: known ? current.answers.map((a) => (a.id === record.id ? record : a)) : [record, ...current.answers]
        }
      })
    })
  }, [reload])

  const deleteAnswer = useCallback(
    async (id: string) => {
      await api.deleteAnswer({ id })
      await reload()
    },
    [reload]
  )
  const deleteSession = useCallback(
    async (id: string) => {
      await api.deleteSession({ id })
      await reload()
    },
    [reload]
  )

  const history = useMemo(() => (data ? buildHistory(data.sessions, data.answers) : null), [data])
  return { history, error, deleteAnswer, deleteSession }
}
