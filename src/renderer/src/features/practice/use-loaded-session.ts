import { useEffect, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react'
import { newestTypedTake, type AnswerRecord } from '@shared/answers'
import type { Session } from '@shared/session'
import { messageOf } from '@shared/errors'
import { api } from '../../lib/api'

export interface TypedTake {
  takeId: string
  text: string
}

export interface LoadedSession {
  /** The session as last loaded or changed here; null while loading. */
  session: Session | null
  setSession: Dispatch<SetStateAction<Session | null>>
  loadError: string | null
}

/** The newest typed take of each answer, by answerId. */
export function typedTakesOf(answers: readonly AnswerRecord[]): Map<string, TypedTake> {
  const typed = new Map<string, TypedTake>()
  for (const answer of answers) {
    const take = newestTypedTake(answer)
    if (take) typed.set(answer.id, { takeId: take.id, text: take.text })
  }
  return typed
}

/**
 * Loads the session and the answers typed so far (handed to `onTypedLoaded`, a stable callback,
 * before the session shows); reloads when the id changes. `sessionRef` follows the session, for
 * callbacks that run after a render.
 */
export function useLoadedSession(
  sessionId: string,
  sessionRef: MutableRefObject<Session | null>,
  onTypedLoaded: (typed: Map<string, TypedTake>) => void
): LoadedSession {
  const [session, setSession] = useState<Session | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  sessionRef.current = session

  useEffect(() => {
    let active = true
    setSession(null)
    setLoadError(null)
    Promise.all([api.getSession({ id: sessionId }), api.listAnswers({ sessionId })]).then(
      ([loaded, answers]) => {
        if (!active) return
        onTypedLoaded(typedTakesOf(answers))
        setSession(loaded)
      },
      (error: unknown) => active && setLoadError(messageOf(error))
    )
    return () => {
      active = false
    }
  }, [sessionId, onTypedLoaded])

  return { session, setSession, loadError }
}
