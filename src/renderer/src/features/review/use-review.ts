import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react'
import type { AnswerRecord } from '@shared/answers'
import { defaultLexicon } from '@shared/scoring/default-lexicon'
import type { Session, SessionAnswer } from '@shared/session'
import { api, onEvent } from '../../lib/api'
import { useLibrary, useQuestion } from '../library'
import { downloadText } from './download-text'
import { reviewFileName, reviewToMarkdown } from './review-markdown'
import { scoreAnswer, type ScoredAnswer } from '@shared/scoring'
import { threadText } from '@shared/interviewer/records'
import { messageOf } from '@shared/errors'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

const SAVE_DELAY_MS = 700

export interface ReviewState {
  answer: AnswerRecord | null
  /** The session item the answer belongs to: its whiteboard and Mermaid diagram. */
  item: SessionAnswer | null
  loading: boolean
  error: string | null
  /** The text shown and scored: the unsaved edit while there is one. */
  text: string
  scored: ScoredAnswer | null
  /** The text differs from the transcript whisper produced (which is kept). */
  edited: boolean
  saveState: SaveState
  saveError: string | null
  setText: (text: string) => void
  restoreOriginal: () => void
  exportMarkdown: () => void
  remove: () => Promise<void>
}

/** Loads one answer, keeps it live, scores its (possibly edited) text and saves corrections. */
export function useReview(id: string): ReviewState {
  const { library, error: libraryError } = useLibrary()
  const { answer, setAnswer, session, loading, error } = useLiveAnswer(id)
  const correction = useCorrection(id, answer, setAnswer)

  const text = correction.ownDraft ?? answer?.text ?? ''
  const scoredText = useDeferredValue(text)
  const { question, loading: questionLoading } = useQuestion(answer?.questionId ?? null)
  const scored = useMemo(
    () =>
      library && answer && !questionLoading
        ? scoreAnswer({ ...answer, text: threadText(scoredText, answer.followUps, answer.clarifications) }, { questions: question ? [question] : [], rubrics: library.rubrics }, defaultLexicon)
        : null,
    [library, answer, question, questionLoading, scoredText]
  )
  const edited = answer?.transcript != null && text !== answer.transcript.text
  const item = session?.answers.find((a) => a.answerId === id) ?? null

  const exportMarkdown = useCallback(() => {
    if (!answer || !scored?.ok) return
    const markdown = reviewToMarkdown({ question: scored.question, answer: { ...answer, edited }, text: scoredText, report: scored.report })
    downloadText(reviewFileName(scored.question.title, answer.createdAt), markdown)
  }, [answer, scored, scoredText, edited])

  const { discardPending } = correction
  const remove = useCallback(async () => {
    discardPending()
    await api.deleteAnswer({ id })
  }, [id, discardPending])

  return {
    answer,
    item,
    loading: loading || (!library && !libraryError) || questionLoading,
    error: error ?? (library ? null : libraryError),
    text,
    scored,
    edited,
    saveState: correction.saveState,
    saveError: correction.saveError,
    setText: correction.setText,
    restoreOriginal: correction.restoreOriginal,
    exportMarkdown,
    remove
  }
}

/** The answer (and the session it belongs to), kept up to date by the backend's answer events. */
function useLiveAnswer(id: string) {
  const [answer, setAnswer] = useState<AnswerRecord | null>(null)
  const [session, setSession] = useState<Session | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    setLoading(true)
    setAnswer(null)
    setSession(null)
    setError(null)
    void (async () => {
      try {
        const loaded = await api.getAnswer({ id })
        if (!active) return
        setAnswer(loaded)
        if (loaded.sessionId) {
          // The session holds the whiteboard and diagram; the review works without them.
          const owner = await api.getSession({ id: loaded.sessionId }).catch(() => null)
          if (active) setSession(owner)
        }
      } catch (e) {
        if (active) setError(messageOf(e))
      } finally {
        if (active) setLoading(false)
      }
    })()
    const unsubscribe = onEvent('answer', (record) => {
      if (record.id === id) setAnswer((current) => newer(current, record))
    })
    return () => {
      active = false
      unsubscribe()
    }
  }, [id])

  return { answer, setAnswer, session, loading, error }
}

/** Correcting the transcript: the draft, saved a moment after typing stops (and on leaving). */
function useCorrection(id: string, answer: AnswerRecord | null, setAnswer: Dispatch<SetStateAction<AnswerRecord | null>>) {
  /** An unsaved correction, and the take it corrects (a correction never moves to another take). */
  const [draft, setDraft] = useState<{ takeId: string; text: string } | null>(null)
  const [saveState, setSaveState] = useState<SaveState>('idle')
  const [saveError, setSaveError] = useState<string | null>(null)
  const pending = useRef<{ id: string; takeId: string; text: string } | null>(null)

  // Another answer starts with no correction.
  useEffect(() => {
    setDraft(null)
    setSaveState('idle')
  }, [id])

  const save = useCallback(
    async (target: { id: string; takeId: string; text: string }) => {
      setSaveState('saving')
      try {
        const saved = await api.updateAnswerText(target)
        if (pending.current === target) pending.current = null
        setAnswer((current) => newer(current, saved))
        setSaveState('saved')
        setSaveError(null)
      } catch (e) {
        setSaveState('error')
        setSaveError(messageOf(e))
      }
    },
    [setAnswer]
  )

  // Corrections are saved a moment after typing stops, so the report can follow every key.
  const current = answer?.takes.find((take) => take.id === answer.currentTakeId) ?? null
  const ownDraft = draft && current && draft.takeId === current.id ? draft.text : null
  useEffect(() => {
    if (!draft || !answer) return
    const take = answer.takes.find((t) => t.id === draft.takeId)
    if (!take || draft.text === take.text) return
    const target = { id: answer.id, takeId: draft.takeId, text: draft.text }
    pending.current = target
    const timer = setTimeout(() => void save(target), SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft, answer, save])

  // Leaving the page with an unsaved correction still saves it.
  useEffect(
    () => () => {
      if (pending.current) void api.updateAnswerText(pending.current).catch((e: unknown) => console.error(`mockroom: the correction was not saved on leaving the page: ${messageOf(e)}`))
    },
    [id]
  )

  const restoreOriginal = useCallback(() => {
    if (answer?.transcript && answer.currentTakeId) setDraft({ takeId: answer.currentTakeId, text: answer.transcript.text })
  }, [answer])
  const setText = useCallback(
    (next: string) => {
      if (answer?.currentTakeId) setDraft({ takeId: answer.currentTakeId, text: next })
    },
    [answer?.currentTakeId]
  )
  /** The answer is being deleted: nothing of it is to be saved any more. */
  const discardPending = useCallback(() => {
    pending.current = null
  }, [])

  return { ownDraft, saveState, saveError, setText, restoreOriginal, discardPending }
}

/** Events and call results arrive over different connections: keep whichever is newer. */
function newer(current: AnswerRecord | null, incoming: AnswerRecord): AnswerRecord {
  return current && current.updatedAt > incoming.updatedAt ? current : incoming
}
