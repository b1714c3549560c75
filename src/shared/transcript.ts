import { z } from 'zod'

/**
 * A stretch of the answer's audio with its text; times are from the start of the recording and
 * endMs >= startMs (the transcriber guarantees it; a plain object schema so the contract can
 * extend or pick from it).
 */
export const TimedTextSchema = z.object({
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  text: z.string()
})
export type TimedText = z.infer<typeof TimedTextSchema>

export const TranscriptSchema = z.object({
  /** The whole answer as one string, segments joined with single spaces. */
  text: z.string(),
  segments: z.array(TimedTextSchema),
  /** One entry per spoken word, in order; the scorer and the review screen's seek use these. */
  words: z.array(TimedTextSchema),
  /** Length of the audio, from the WAV header, not from whisper (which pads to 30 s windows). */
  durationMs: z.number().int().nonnegative(),
  /** File name of the ggml model that produced it (never its full path). */
  model: z.string()
})
export type Transcript = z.infer<typeof TranscriptSchema>

export const TranscriptionProgressSchema = z.object({
  jobId: z.string(),
  /** 0–100; whisper reports it per 30 s window, so short answers jump from 0 to 100. */
  percent: z.number().min(0).max(100)
})
export type TranscriptionProgress = z.infer<typeof TranscriptionProgressSchema>

/** Stable codes for transcription failures; each comes with a message telling the user what to do. */
export const transcriptionErrorCodes = [
  'MODEL_MISSING',
  'MODEL_INVALID',
  'WHISPER_BINARY_MISSING',
  'NO_SPEECH',
  'INVALID_AUDIO',
  'CANCELLED',
  'WHISPER_FAILED'
] as const
export type TranscriptionErrorCode = (typeof transcriptionErrorCodes)[number]
