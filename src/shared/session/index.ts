export {
  advancePhase,
  createTimer,
  defaultWarningsMs,
  finishTimer,
  pauseTimer,
  resumeTimer,
  snapshotTimer,
  startTimer,
  timerEventsBetween,
  TimerPhaseSchema,
  TimerStateSchema,
  timerStatus,
  timerTimeAt,
  warningName
} from './timer'
export type {
  TimerConfig,
  TimerEvent,
  TimerEventType,
  TimerPhase,
  TimerSnapshot,
  TimerState,
  TimerStatus,
  TimerWarning
} from './timer'
export {
  defaultPhaseTimes,
  phasesFor,
  PlanItemSchema,
  planSession,
  sessionTypeKinds,
  sessionTypes,
  SessionTypeSchema
} from './plan-session'
export type {
  PhaseTimeOverrides,
  PhaseTimes,
  PlanItem,
  PlanSessionInput,
  SessionOrder,
  SessionPlan,
  SessionType
} from './plan-session'
export {
  createSession,
  MermaidDraftSchema,
  SessionAnswerSchema,
  SessionSchema,
  SessionStatusSchema,
  StarScaffoldSchema,
  WhiteboardSchema
} from './session-schema'
export type {
  CreateSessionInput,
  MermaidDraft,
  Session,
  SessionAnswer,
  SessionStatus,
  StarScaffold,
  Whiteboard
} from './session-schema'
export { RESUME_EXPIRY_MS, isResumable, lastTouchedAt } from './resumable'
