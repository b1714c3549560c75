export { ReviewPage } from './ReviewPage'
// The one scorer lives in src/shared/scoring; re-exported for the pages that list scores.
export { scoreAnswer, type ScoredAnswer } from '@shared/scoring'
export { formatWhen } from './format-when'
