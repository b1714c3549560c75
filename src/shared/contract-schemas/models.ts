import { z } from 'zod'
import { ApiErrorSchema } from '../api/result'
import { SettingsPatchSchema } from '../settings'
import { INPUT_LIMITS } from './limits'

/** The contract's schemas for settings and the transcription models. */

/** Settings as a caller may send them: the stored schema, with bounds on the free-text fields. */
export const SettingsInputSchema = SettingsPatchSchema.extend({
  microphoneId: z.string().max(INPUT_LIMITS.microphoneId, `a microphone id is at most ${INPUT_LIMITS.microphoneId} characters`).nullable().optional(),
  modelPath: z.string().max(INPUT_LIMITS.modelPath, `a model path is at most ${INPUT_LIMITS.modelPath} characters`).nullable().optional()
})

export const InstalledModelSchema = z.object({
  file: z.string(),
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  catalogueId: z.string().nullable()
})
export type InstalledModelInfo = z.infer<typeof InstalledModelSchema>

export const ModelDownloadStateSchema = z.object({
  id: z.string(),
  file: z.string(),
  state: z.enum(['downloading', 'done', 'failed', 'cancelled']),
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  resumedFromBytes: z.number().nonnegative(),
  error: ApiErrorSchema.nullable()
})
export type ModelDownloadState = z.infer<typeof ModelDownloadStateSchema>

export const CatalogueEntrySchema = z.object({
  id: z.string(),
  file: z.string(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  approxMegabytes: z.number(),
  englishOnly: z.boolean(),
  description: z.string(),
  installed: z.boolean(),
  /** Bytes of an interrupted download, which the next download resumes from. */
  partialBytes: z.number().int().nonnegative().nullable(),
  download: ModelDownloadStateSchema.nullable()
})
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>

export const ModelListSchema = z.object({
  installed: z.array(InstalledModelSchema),
  catalogue: z.array(CatalogueEntrySchema),
  /** The model transcription uses now (settings.modelPath if present, else the first installed). */
  activePath: z.string().nullable()
})
export type ModelList = z.infer<typeof ModelListSchema>

export const TranscriberCheckSchema = z.object({
  /** A model is installed, loads, and heard words in the spoken self-test. */
  ready: z.boolean(),
  /** File name of the model tested; null when none is installed. */
  model: z.string().nullable(),
  /** What whisper heard in the test phrase ("Hello, this is a test."). */
  heard: z.string(),
  /** How long the self-test took. */
  elapsedMs: z.number().int().nonnegative().nullable(),
  /** What to fix, in words the user can act on; null when ready. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable()
})
export type TranscriberCheck = z.infer<typeof TranscriberCheckSchema>

export const TranscriptionProgressEventSchema = z.object({
  answerId: z.string(),
  takeId: z.string().optional(),
  percent: z.number().min(0).max(100)
})
export type TranscriptionProgressEvent = z.infer<typeof TranscriptionProgressEventSchema>
