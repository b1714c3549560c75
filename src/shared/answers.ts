import { z } from 'zod'
import { ApiErrorSchema } from './api/result'
import { TranscriptSchema } from './transcript'

/**
 * One answer to one question: typed, recorded or imported. The transcript whisper produced is
 * kept as it came (`transcript`); `text` is what the candidate's answer reads now (typed,
 * or the transcript as corrected), and is what the scorer scores.
 */
export const AnswerStatusSchema = z.enum(['recording', 'transcribing', 'ready', 'failed'])
export type AnswerStatus = z.infer<typeof AnswerStatusSchema>

export const AnswerRecordSchema = z.object({
  id: z.string().min(1),
  /** The mock session it belongs to, or null for an answer given from the Library. */
  sessionId: z.string().nullable(),
  questionId: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  source: z.enum(['typed', 'recorded', 'imported']),
  status: AnswerStatusSchema,
  /** Set when the app found this answer's audio unfinished at start and repaired it. */
  recovered: z.boolean(),
  /** Relative to the data directory (`audio/<id>.wav`). */
  audioFile: z.string().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  /** The time box of the answer phase, for the delivery report. */
  timeBoxMs: z.number().int().positive().nullable(),
  transcript: TranscriptSchema.nullable(),
  text: z.string(),
  /** True once the user corrected the transcript (the original stays in `transcript`). */
  edited: z.boolean(),
  error: ApiErrorSchema.nullable()
})
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>
