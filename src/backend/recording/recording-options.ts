import type { AnswersService } from '../answers'
import type { TranscriptionService } from '../transcription'
import type { StreamWindowCut } from './stream-windows'

/** What RecordingService (recording-service.ts) is built with. */
export interface RecordingServiceOptions {
  dataDir: string
  /** Scratch space (`<data>/tmp`), emptied at every start. */
  scratchDir: string
  answers: AnswersService
  transcription: TranscriptionService
  /** Overrides of the window-cutting rules (tests use short windows). */
  windowCut?: StreamWindowCut
  /** The question's key terms, for transcriptions not started by a recording (retry, recovery). */
  keyTermsOf?: (questionId: string) => Promise<readonly string[]>
  /** A take that hears no chunk for this long is closed as interrupted (default 10 s). */
  idleMs?: number
  now: () => Date
}

export const DEFAULT_RECORDER_IDLE_MS = 10_000
