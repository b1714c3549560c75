import type { BankLibrary, Question } from '../banks/types'
import type { Lexicon, ScoreReport } from '../scoring'
import { scoreAnswer } from '../scoring/score-answer'
import type { Attempt } from './answer-adapter'

export interface ScoredAttempt {
  question: Question
  report: ScoreReport
}

/**
 * The one place practice calls the scorer: `scoreAnswer`, as the review screen and the CLI do,
 * on the attempt's current text, so a card's rating, the progress charts and the review always
 * agree. Null when there is nothing to score or the question (or its rubric) is gone.
 */
export function scoreAttempt(attempt: Attempt, library: Pick<BankLibrary, 'questions' | 'rubrics'>, lexicon: Lexicon): ScoredAttempt | null {
  if (!attempt.scorable) return null
  const scored = scoreAnswer(
    { questionId: attempt.questionId, text: attempt.text, transcript: attempt.transcript, durationMs: attempt.durationMs, timeBoxMs: attempt.timeBoxMs, sqlDrill: attempt.sqlDrill },
    library,
    lexicon
  )
  return scored.ok ? { question: scored.question, report: scored.report } : null
}
