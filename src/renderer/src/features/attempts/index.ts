export { AttemptsList } from './AttemptsList'
export { AttemptsCompare } from './AttemptsCompare'
