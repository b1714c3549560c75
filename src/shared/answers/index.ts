export {
  AnswerIdSchema,
  TakeIdSchema,
  isAudioStem,
  parseAudioPath,
  takeAudioFile,
  takeIdOf,
  takeNumber
} from './answer-id'
export {
  AnswerRecordSchema,
  AnswerStateSchema,
  AnswerStatusSchema,
  StoredAnswerSchema,
  TakeSchema,
  TakeSourceSchema,
  TakeStateSchema
} from './answer-schema'
export type { AnswerRecord, AnswerState, AnswerStatus, StoredAnswer, Take, TakeSource, TakeState } from './answer-schema'
export {
  AnswerTransitionError,
  ILLEGAL_TRANSITION,
  applyAnswerChange,
  createAnswer,
  currentTake,
  recordingTake
} from './answer-machine'
export type { AnswerChange, AnswerChangeType, AnswerOwner } from './answer-machine'
export { answerView, newestTypedTake, takeState } from './answer-view'
