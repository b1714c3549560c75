import { Rating, type Grade } from 'ts-fsrs'
import { defined } from '../defined'

/**
 * How a score (0–100) becomes an FSRS rating. An answer is a recall attempt: a weak answer
 * means the material was not there ("Again"), a passable one was effortful ("Hard"), a solid
 * one "Good", and a near-complete one "Easy". The thresholds are the review screen's colour
 * bands sharpened at the top, so "Easy" means little left to improve.
 */
export const SCORE_RATING_BANDS = [
  { below: 40, rating: Rating.Again, label: 'Again' },
  { below: 60, rating: Rating.Hard, label: 'Hard' },
  { below: 80, rating: Rating.Good, label: 'Good' },
  { below: Infinity, rating: Rating.Easy, label: 'Easy' }
] as const satisfies ReadonlyArray<{ below: number; rating: Grade; label: string }>

export type RatingLabel = (typeof SCORE_RATING_BANDS)[number]['label']

/** The mapping in words, for the README and the Practice page. */
export const SCORE_RATING_DOC =
  'Each scored answer reviews its question: score under 40 → Again, 40–59 → Hard, 60–79 → Good, 80 or more → Easy.'

/** The FSRS grade for an overall score; out-of-range and non-finite scores are clamped to 0–100. */
export function ratingForScore(score: number): Grade {
  const clamped = Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0
  for (const band of SCORE_RATING_BANDS) if (clamped < band.below) return band.rating
  return Rating.Easy // not reached: the last band is below Infinity
}

export function ratingLabel(rating: Grade): RatingLabel {
  return defined(
    SCORE_RATING_BANDS.find((band) => band.rating === rating),
    `the band of rating ${rating}`
  ).label
}
