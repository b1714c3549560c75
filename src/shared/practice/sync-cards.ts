import type { Attempt } from './answer-adapter'
import type { CardReview, PracticeState } from './practice-schema'
import { ratingForScore } from './rating'
import { questionCard } from './schedule'

export interface SyncResult {
  state: PracticeState
  /** Questions whose card was rebuilt. */
  changed: string[]
}

/**
 * Brings the cards in line with the answers: every scorable answer has one review with its
 * current score; a deleted answer's review goes; an answer whose text changed is re-scored.
 * Only new or changed answers are scored (`scoreOf` is the expensive part). An answer that
 * cannot be scored right now because its question left the library, or that is being
 * transcribed again, keeps the review it had: nothing the user did is forgotten by accident.
 */
export function syncCards(state: PracticeState, attempts: readonly Attempt[], scoreOf: (attempt: Attempt) => number | null): SyncResult {
  const previous = new Map<string, { questionId: string; review: CardReview }>()
  for (const card of state.cards) for (const review of card.reviews) previous.set(review.answerId, { questionId: card.questionId, review })

  const reviewsByQuestion = new Map<string, CardReview[]>()
  const add = (questionId: string, review: CardReview) => reviewsByQuestion.set(questionId, [...(reviewsByQuestion.get(questionId) ?? []), review])
  for (const attempt of attempts) {
    const old = previous.get(attempt.answerId)
    if (old && old.review.answerUpdatedAt === attempt.updatedAt && old.questionId === attempt.questionId) {
      add(attempt.questionId, old.review)
      continue
    }
    if (attempt.pending) {
      if (old) add(old.questionId, old.review)
      continue
    }
    if (!attempt.scorable) continue
    const score = scoreOf(attempt)
    if (score === null) {
      if (old) add(old.questionId, old.review)
      continue
    }
    add(attempt.questionId, {
      answerId: attempt.answerId,
      at: attempt.at,
      score,
      rating: ratingForScore(score),
      answerUpdatedAt: attempt.updatedAt
    })
  }

  const changed: string[] = []
  const sameReviews = (a: readonly CardReview[], b: readonly CardReview[]): boolean =>
    a.length === b.length && a.every((review, i) => JSON.stringify(review) === JSON.stringify(b[i]))
  const cards = []
  const questionIds = new Set([...state.cards.map((c) => c.questionId), ...reviewsByQuestion.keys()])
  for (const questionId of [...questionIds].sort()) {
    const existing = state.cards.find((c) => c.questionId === questionId)
    const next = questionCard(questionId, reviewsByQuestion.get(questionId) ?? [])
    if (existing && sameReviews(existing.reviews, next.reviews)) {
      cards.push(existing)
      continue
    }
    changed.push(questionId)
    if (next.reviews.length > 0) cards.push(next)
  }
  return { state: { ...state, cards }, changed }
}
