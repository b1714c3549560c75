import { useEffect, useMemo, useState } from 'react'
import type { AnswerRecord } from '@shared/answers'
import type { LibrarySummary, Question, Rubric } from '@shared/banks/types'
import { attemptOf, scoreAttempt, summarizeAttempt, type Attempt, type AttemptSummary } from '@shared/practice'
import { defaultLexicon } from '@shared/scoring/default-lexicon'
import { api, onEvent } from '../../lib/api'
import { useQuestions } from '../library'
import { messageOf } from '@shared/errors'

export interface ScoredAttemptRow {
  attempt: Attempt
  /** Null while pending or when the answer cannot be scored. */
  summary: AttemptSummary | null
}

/** Scores answers the way the review does, through the practice adapters. */
export function summarize(answer: AnswerRecord, library: { questions: Question[]; rubrics: Rubric[] }): ScoredAttemptRow {
  const attempt = attemptOf(answer)
  const scored = scoreAttempt(attempt, library, defaultLexicon)
  return { attempt, summary: scored ? summarizeAttempt(attempt, scored.question, scored.report) : null }
}

/** Every answer to one question, newest first, kept current as answers change. */
export function useAttempts(questionId: string, library: LibrarySummary | null): { rows: ScoredAttemptRow[] | null; error: string | null } {
  const [answers, setAnswers] = useState<AnswerRecord[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let active = true
    setAnswers(null)
    api.listAnswers({ questionId }).then(
      (list) => active && setAnswers(list),
      (e: unknown) => active && setError(messageOf(e))
    )
    const unsubscribe = onEvent('answer', (record) => {
      if (record.questionId !== questionId) return
      setAnswers((current) => current && [record, ...current.filter((a) => a.id !== record.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt)))
    })
    return () => {
      active = false
      unsubscribe()
    }
  }, [questionId])
  // Scoring reads the whole question (its answer and key terms), fetched once through the cache.
  const ids = useMemo(() => [questionId], [questionId])
  const { questions } = useQuestions(ids)
  const rows = useMemo(() => {
    if (!answers || !library || !questions) return null
    const scoring = { questions: [...questions.values()], rubrics: library.rubrics }
    return answers.map((a) => summarize(a, scoring))
  }, [answers, library, questions])
  return { rows, error }
}
