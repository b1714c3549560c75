export { ProgressPage } from './ProgressPage'
