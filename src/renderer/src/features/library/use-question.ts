import { useEffect, useMemo, useState } from 'react'
import type { Question } from '@shared/banks/types'
import { useLibrary } from './library-context'
import { messageOf } from '@shared/errors'

export interface QuestionsState {
  /** Null while loading; then every id that exists (including removed banks' answered ones). */
  questions: Map<string, Question> | null
  error: string | null
}

/**
 * Whole questions (answer, setup, key terms, diagrams) for these ids, fetched when first
 * asked for and shared through the library's cache. The one way pages get more than a summary.
 */
export function useQuestions(ids: readonly string[]): QuestionsState {
  const { library, loadQuestions } = useLibrary()
  const key = useMemo(() => [...new Set(ids)].sort().join('\n'), [ids])
  const [state, setState] = useState<{ key: string; library: unknown; questions: Map<string, Question> | null; error: string | null }>({
    key: '',
    library: null,
    questions: null,
    error: null
  })

  useEffect(() => {
    if (!library) return
    let active = true
    const wanted = key ? key.split('\n') : []
    loadQuestions(wanted).then(
      (questions) => active && setState({ key, library, questions, error: null }),
      (e: unknown) => active && setState({ key, library, questions: null, error: messageOf(e) })
    )
    return () => {
      active = false
    }
  }, [key, library, loadQuestions])

  const current = state.key === key && state.library === library
  return { questions: current ? state.questions : null, error: current ? state.error : null }
}

export interface QuestionState {
  question: Question | null
  loading: boolean
  /** Loaded, and no such question (its bank was removed or edited). */
  missing: boolean
  error: string | null
}

export function useQuestion(id: string | null | undefined): QuestionState {
  const ids = useMemo(() => (id ? [id] : []), [id])
  const { questions, error } = useQuestions(ids)
  if (!id) return { question: null, loading: false, missing: false, error: null }
  const question = questions?.get(id) ?? null
  return { question, loading: questions === null && error === null, missing: questions !== null && question === null, error }
}
