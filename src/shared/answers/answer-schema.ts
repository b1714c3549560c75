import { z } from 'zod'
import { ApiErrorSchema } from '../api/result'
import { SqlDrillRecordSchema } from '../sql/drill-record'
import { ClarificationRecordSchema, FollowUpRecordSchema } from '../interviewer/records'
import { TranscriptSchema } from '../transcript'
import { AnswerIdSchema, TakeIdSchema } from './answer-id'

/**
 * One answer to one question is a list of takes: each recording, imported file or typed text
 * is a take of its own, and "record again" adds one rather than replacing anything. The
 * current take is what the answer reads now (the newest, unless the candidate restored an
 * older one); the others stay until the candidate deletes them.
 */
export const TakeSourceSchema = z.enum(['typed', 'recorded', 'imported'])
export type TakeSource = z.infer<typeof TakeSourceSchema>

/** Where a take is in its life: see `answer-machine.ts` for the transitions. */
export const TakeStateSchema = z.enum(['recording', 'transcribing', 'ready', 'failed', 'typed'])
export type TakeState = z.infer<typeof TakeStateSchema>

export const TakeSchema = z.object({
  id: TakeIdSchema,
  source: TakeSourceSchema,
  state: TakeStateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The recording was cut off (page gone, app stopped) and finished by the backend. */
  recovered: z.boolean(),
  /** Relative to the data directory (`audio/<answerId>.<takeId>.wav`). */
  audioFile: z.string().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  /** What whisper produced, kept as it came even after a correction. */
  transcript: TranscriptSchema.nullable(),
  /** What this take reads now: typed text, the transcript, or the candidate's correction of it. */
  text: z.string(),
  /** True while `text` is the candidate's correction of a recorded take (the transcript is kept). */
  edited: z.boolean(),
  error: ApiErrorSchema.nullable()
})
export type Take = z.infer<typeof TakeSchema>

/** An answer as the data file holds it. Only AnswersService writes these. */
export const StoredAnswerSchema = z.object({
  id: AnswerIdSchema,
  /** The mock session it belongs to, or null for an answer given from the Library. */
  sessionId: z.string().nullable(),
  questionId: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The time box of the answer phase, for the delivery report. */
  timeBoxMs: z.number().int().positive().nullable(),
  /** Oldest first. */
  takes: z.array(TakeSchema),
  /** Null only while the answer has no take. */
  currentTakeId: TakeIdSchema.nullable(),
  /** The highest take number ever given, so a deleted take's id (and file name) is never reused. */
  lastTakeNumber: z.number().int().nonnegative(),
  /**
   * A SQL drill answered with this answer (in a session): the query as last run, its result,
   * the check and the runs it took. Kept with the answer (and not only with the session item)
   * so the scorer and the review read it from the answer itself; absent for every other answer.
   */
  sqlDrill: SqlDrillRecordSchema.optional(),
  /** The clarifying questions asked in the clarify phase, and the interviewer's replies, oldest first. */
  clarifications: z.array(ClarificationRecordSchema).default([]),
  /** The interviewer's follow-ups after the answer, with the candidate's replies (one or two). */
  followUps: z.array(FollowUpRecordSchema).default([])
})
export type StoredAnswer = z.infer<typeof StoredAnswerSchema>

/**
 * The answer's state as the candidate sees it: the current take's state, with a typed take
 * `typed` and a recorded take whose transcript the candidate corrected `corrected`.
 */
export const AnswerStateSchema = z.enum(['empty', 'recording', 'transcribing', 'ready', 'failed', 'typed', 'corrected'])
export type AnswerState = z.infer<typeof AnswerStateSchema>

/** The processing status of the current take (typed and corrected answers are `ready`). */
export const AnswerStatusSchema = z.enum(['empty', 'recording', 'transcribing', 'ready', 'failed'])
export type AnswerStatus = z.infer<typeof AnswerStatusSchema>

/**
 * An answer as the API sends it: the stored answer plus its current take's fields at the top
 * level, so a reader that only cares about "the answer" (scoring, history, progress) reads
 * `text`, `transcript` and `durationMs` without knowing about takes.
 */
export const AnswerRecordSchema = StoredAnswerSchema.extend({
  state: AnswerStateSchema,
  status: AnswerStatusSchema,
  /** The current take's source; null when the answer has no take. */
  source: TakeSourceSchema.nullable(),
  recovered: z.boolean(),
  audioFile: z.string().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  transcript: TranscriptSchema.nullable(),
  text: z.string(),
  edited: z.boolean(),
  error: ApiErrorSchema.nullable()
})
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>
