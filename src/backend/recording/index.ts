export { DEFAULT_RECORDER_IDLE_MS, RecordingService } from './recording-service'
export type { RecordingServiceOptions } from './recording-service'
export { QUARANTINE_DIR } from './crash-recovery'
export type { QuarantinedFile, RecoveredTake, StartupRecovery } from './crash-recovery'
