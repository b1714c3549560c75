import { z } from 'zod'
import { AnswerIdSchema, TakeIdSchema } from '../answers'
import { INPUT_LIMITS, limitedId } from './limits'

/** The contract's schemas for spoken answers: recording, audio chunks, imported WAV files. */

/** Words that seed the transcriber's prompt. */
export const KeyTermsSchema = z.array(z.string().max(200)).max(200)
export const TakeRefSchema = z.object({ answerId: AnswerIdSchema, takeId: TakeIdSchema }).strict()

export const StartRecordingInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    sessionId: limitedId.nullable(),
    questionId: limitedId,
    timeBoxMs: z.number().int().positive().optional(),
    /** Seeds the prompt of the windows transcribed while the candidate speaks. */
    keyTerms: KeyTermsSchema.optional()
  })
  .strict()
export type StartRecordingInput = z.infer<typeof StartRecordingInputSchema>

export const AppendAudioInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    /** The take startRecording opened; a chunk for any other take is refused. */
    takeId: TakeIdSchema.optional(),
    /** 0, 1, 2, … in the order the chunks were recorded; a gap or repeat is refused. An empty chunk keeps a paused recording alive. */
    seq: z.number().int().min(0),
    /** 16 kHz mono 16-bit little-endian PCM, base64 (about a second: 32 000 bytes). */
    pcmBase64: z.string().max(4_000_000)
  })
  .strict()
export type AppendAudioInput = z.infer<typeof AppendAudioInputSchema>

export const ImportAnswerAudioInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    sessionId: limitedId.nullable(),
    questionId: limitedId,
    fileName: z.string().min(1).max(255),
    /** The WAV file's bytes, base64. */
    base64: z.string().min(1).max(INPUT_LIMITS.audioBase64, 'the WAV file is larger than 256 MB'),
    timeBoxMs: z.number().int().positive().optional(),
    keyTerms: KeyTermsSchema.optional()
  })
  .strict()
export type ImportAnswerAudioInput = z.infer<typeof ImportAnswerAudioInputSchema>
