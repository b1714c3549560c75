export { ReviewPage } from './ReviewPage'
export { scoreAnswer, type ScoredAnswer } from './score-answer'
export { formatWhen } from './format-when'
