import { useEffect, useMemo, useState } from 'react'
import type { AnswerRecord } from '../../../../shared/answers'
import { defaultLexicon } from '../../../../shared/scoring/default-lexicon'
import { api, onEvent } from '../../lib/api'
import { useLibrary, useQuestions } from '../library'
import { scoreAnswer } from '../review'
import { progressOf, type ProgressStats } from './progress-stats'

export interface ProgressState {
  stats: ProgressStats | null
  error: string | null
}

/** Every answer, scored with the same scorer the review uses, summarised over time. */
export function useProgress(): ProgressState {
  const { library, error: libraryError } = useLibrary()
  const [answers, setAnswers] = useState<AnswerRecord[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    api
      .listAnswers({})
      .then((list) => active && setAnswers(list))
      .catch((e: unknown) => active && setError(e instanceof Error ? e.message : String(e)))
    const unsubscribe = onEvent('answer', (record) =>
      setAnswers((current) => current && [record, ...current.filter((a) => a.id !== record.id)])
    )
    return () => {
      active = false
      unsubscribe()
    }
  }, [])

  // Scoring needs whole questions (answers, key terms), fetched for the answered ones only.
  const answeredIds = useMemo(() => answers?.filter((a) => a.status === 'ready').map((a) => a.questionId) ?? [], [answers])
  const { questions } = useQuestions(answeredIds)

  const stats = useMemo(() => {
    if (!answers || !library || !questions) return null
    const scoring = { questions: [...questions.values()], rubrics: library.rubrics }
    return progressOf(answers, (answer) => {
      const scored = scoreAnswer(answer, scoring, defaultLexicon)
      return scored.ok ? { report: scored.report, title: scored.question.title } : null
    })
  }, [answers, library, questions])

  return { stats, error: error ?? (library ? null : libraryError) }
}
