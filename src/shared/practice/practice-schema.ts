import { z } from 'zod'

/**
 * What db.json keeps for practice: one spaced-repetition card per practised question, the
 * reviews it was built from (one per scored answer), and the starred questions.
 */

/** An FSRS card as JSON (ts-fsrs's Card with its dates as ISO strings). */
export const StoredCardSchema = z.object({
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: z.number().int().min(0).max(3),
  last_review: z.string().nullable()
})
export type StoredCard = z.infer<typeof StoredCardSchema>

export const CardReviewSchema = z.object({
  answerId: z.string().min(1),
  /** When the answer was given: reviews replay in this order. */
  at: z.string(),
  score: z.number().min(0).max(100),
  /** ts-fsrs Grade: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: z.number().int().min(1).max(4),
  /** The answer's updatedAt when it was scored: a later edit re-scores it. */
  answerUpdatedAt: z.string()
})
export type CardReview = z.infer<typeof CardReviewSchema>

export const QuestionCardSchema = z.object({
  questionId: z.string().min(1),
  card: StoredCardSchema,
  /** Oldest first. */
  reviews: z.array(CardReviewSchema)
})
export type QuestionCard = z.infer<typeof QuestionCardSchema>

export const FavoriteSchema = z.object({ questionId: z.string().min(1), addedAt: z.string() })
export type Favorite = z.infer<typeof FavoriteSchema>

export const PracticeStateSchema = z.object({
  cards: z.array(QuestionCardSchema),
  favorites: z.array(FavoriteSchema)
})
export type PracticeState = z.infer<typeof PracticeStateSchema>

export function emptyPracticeState(): PracticeState {
  return { cards: [], favorites: [] }
}

/** One question's spaced-repetition status, as the renderer sees it. */
export const CardStatusSchema = z.object({
  questionId: z.string(),
  due: z.string(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: z.string().nullable(),
  lastScore: z.number().nullable(),
  lastRating: z.number().int().min(1).max(4).nullable()
})
export type CardStatus = z.infer<typeof CardStatusSchema>

export const PracticeOverviewSchema = z.object({
  /** Server time the overview was computed at (the backend's clock). */
  now: z.string(),
  cards: z.array(CardStatusSchema),
  /** Questions due by the end of today, most overdue first. */
  dueToday: z.array(z.string()),
  /** Starred questions, most recently starred first. */
  favorites: z.array(z.string())
})
export type PracticeOverview = z.infer<typeof PracticeOverviewSchema>
