export { PracticePage } from './PracticePage'
