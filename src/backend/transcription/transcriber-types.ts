import type { Transcript, TranscriptionProgress } from '@shared/transcript'
import type { WhisperDecoding } from './whisper-args'
import type { WhisperTimings } from './whisper-timings'

/** The public shapes of the Transcriber (transcriber.ts): requests, jobs, events, options. */
export interface TranscriptionRequest {
  wavPath: string
  modelPath: string
  /** The question's key terms, so whisper spells the jargon the way the bank does. */
  keyTerms?: readonly string[]
  /** Replaces the prompt built from keyTerms. */
  prompt?: string
  language?: string
}

export interface TranscriptionJob {
  readonly id: string
  readonly result: Promise<Transcript>
  /** Removes a queued job or kills a running one; `result` rejects with CANCELLED. */
  cancel(): void
}

export interface TranscriberEvents {
  queued: { jobId: string; position: number }
  started: { jobId: string }
  progress: TranscriptionProgress
  /** `timings`: where whisper.cpp spent the time, when it ran to the end. */
  finished: { jobId: string; ok: boolean; code?: string; timings?: WhisperTimings }
}

export interface TranscriberOptions {
  /** Defaults to MOCKROOM_WHISPER_BIN or the binary built into vendor/whisper/. */
  binaryPath?: string
  threads?: number
  /** Where per-job scratch folders go (converted audio, whisper's JSON). */
  tmpDir?: string
  /** Recordings with under 300 ms of 100 ms windows at this level are rejected as NO_SPEECH. */
  minSpeechDbfs?: number
  /** Grace period between SIGTERM and SIGKILL when cancelling. */
  killGraceMs?: number
  /** How whisper decodes (see whisper-args.ts); the app's streaming settings by default. */
  decoding?: WhisperDecoding
}
