import { useEffect, useMemo, useState } from 'react'
import type { AnswerRecord } from '@shared/answers'
import { attemptOf, scoreAttempt, summarizeAttempt, type AttemptSummary } from '@shared/practice'
import { defaultLexicon } from '@shared/scoring/default-lexicon'
import { api, onEvent } from '../../lib/api'
import { useLibrary, useQuestions } from '../library'
import { messageOf } from '@shared/errors'

export interface ProgressState {
  /** Every scored answer, summarised; null while loading. */
  summaries: AttemptSummary[] | null
  /** Answers that could not be scored (still transcribing, no text, question gone). */
  unscored: number
  error: string | null
}

/** Every answer, scored through the practice adapters (the review's scorer), kept current. */
export function useProgress(): ProgressState {
  const { library, error: libraryError } = useLibrary()
  const [answers, setAnswers] = useState<AnswerRecord[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    api
      .listAnswers({})
      .then((list) => active && setAnswers(list))
      .catch((e: unknown) => active && setError(messageOf(e)))
    const unsubscribe = onEvent('answer', (record) => setAnswers((current) => current && [record, ...current.filter((a) => a.id !== record.id)]))
    return () => {
      active = false
      unsubscribe()
    }
  }, [])

  // Scoring needs whole questions (answers, key terms), fetched for the answered ones only.
  const answeredIds = useMemo(() => answers?.map((answer) => answer.questionId) ?? [], [answers])
  const { questions } = useQuestions(answeredIds)

  const scored = useMemo(() => {
    if (!answers || !library || !questions) return null
    const scoring = { questions: [...questions.values()], rubrics: library.rubrics }
    const summaries: AttemptSummary[] = []
    for (const answer of answers) {
      const attempt = attemptOf(answer)
      const result = scoreAttempt(attempt, scoring, defaultLexicon)
      if (result) summaries.push(summarizeAttempt(attempt, result.question, result.report))
    }
    return { summaries, unscored: answers.length - summaries.length }
  }, [answers, library, questions])

  return { summaries: scored?.summaries ?? null, unscored: scored?.unscored ?? 0, error: error ?? (library ? null : libraryError) }
}
