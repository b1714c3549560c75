import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs'
import type { CardReview, CardStatus, PracticeOverview, PracticeState, QuestionCard, StoredCard } from './practice-schema'

/**
 * FSRS scheduling of questions. Short-term learning steps are off: a mock interview answer is
 * practised in days, not minutes, so even "Again" brings the question back tomorrow rather
 * than in ten minutes. Fuzz is off so the same reviews always give the same due date.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }))

function toStored(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.toISOString() : null
  }
}

const byTime = (a: Pick<CardReview, 'at' | 'answerId'>, b: Pick<CardReview, 'at' | 'answerId'>): number =>
  a.at.localeCompare(b.at) || a.answerId.localeCompare(b.answerId)

/**
 * The card a question has after these reviews, replayed oldest first from a new card. Replaying
 * (rather than updating the stored card) lets a corrected or deleted answer change the
 * schedule exactly as if it had always been so.
 */
export function cardFromReviews(reviews: readonly CardReview[]): StoredCard {
  const ordered = [...reviews].sort(byTime)
  const first = ordered[0]
  let card = createEmptyCard(first ? new Date(first.at) : new Date(0))
  for (const review of ordered) card = scheduler.next(card, new Date(review.at), review.rating as Grade).card
  return toStored(card)
}

export function questionCard(questionId: string, reviews: readonly CardReview[]): QuestionCard {
  const ordered = [...reviews].sort(byTime)
  return { questionId, card: cardFromReviews(ordered), reviews: ordered }
}

/** The end of the local day of `now` (what "due today" counts up to). */
export function endOfLocalDay(now: Date): Date {
  const end = new Date(now)
  end.setHours(23, 59, 59, 999)
  return end
}

export function cardStatus(card: QuestionCard): CardStatus {
  const last = card.reviews.at(-1) ?? null
  return {
    questionId: card.questionId,
    due: card.card.due,
    reps: card.card.reps,
    lapses: card.card.lapses,
    lastReview: card.card.last_review,
    lastScore: last?.score ?? null,
    lastRating: last?.rating ?? null
  }
}

/**
 * Questions due by the end of today, most overdue first. `exists` drops cards whose question
 * left the library (a removed bank), which could not be practised anyway.
 */
export function dueQuestionIds(cards: readonly QuestionCard[], now: Date, exists: (questionId: string) => boolean = () => true): string[] {
  const limit = endOfLocalDay(now).getTime()
  return cards
    .filter((c) => c.reviews.length > 0 && exists(c.questionId) && new Date(c.card.due).getTime() <= limit)
    .sort((a, b) => a.card.due.localeCompare(b.card.due) || a.questionId.localeCompare(b.questionId))
    .map((c) => c.questionId)
}

export function practiceOverview(state: PracticeState, now: Date, exists?: (questionId: string) => boolean): PracticeOverview {
  return {
    now: now.toISOString(),
    cards: state.cards.filter((c) => c.reviews.length > 0).map(cardStatus),
    dueToday: dueQuestionIds(state.cards, now, exists),
    favorites: [...state.favorites].sort((a, b) => b.addedAt.localeCompare(a.addedAt)).map((f) => f.questionId)
  }
}
