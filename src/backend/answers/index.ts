export { AnswersService } from './answers-service'
