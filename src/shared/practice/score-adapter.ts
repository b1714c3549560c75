import type { BankLibrary, Question } from '../banks/types'
import { scoreTranscript, type Lexicon, type ScoreReport } from '../scoring'
import type { Attempt } from './answer-adapter'

export interface ScoredAttempt {
  question: Question
  report: ScoreReport
}

/**
 * The one place practice calls the scorer: the same inputs the review screen scores with
 * (its current text; word times only while unedited), so a card's rating, the progress
 * charts and the review always agree. Null when there is nothing to score or the question
 * (or its rubric) is gone.
 */
export function scoreAttempt(attempt: Attempt, library: Pick<BankLibrary, 'questions' | 'rubrics'>, lexicon: Lexicon): ScoredAttempt | null {
  if (!attempt.scorable) return null
  const question = library.questions.find((q) => q.id === attempt.questionId)
  if (!question) return null
  const rubric = library.rubrics.find((r) => r.id === question.rubricId)
  if (!rubric) return null
  const report = scoreTranscript({
    transcript: attempt.text,
    words: attempt.words,
    durationMs: attempt.durationMs ?? undefined,
    timeBoxMs: attempt.timeBoxMs ?? undefined,
    question,
    rubric,
    lexicon
  })
  return { question, report }
}
