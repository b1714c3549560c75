export { SqlDrillSection } from './SqlDrillSection'
export { SqlDrillReview } from './SqlDrillReview'
