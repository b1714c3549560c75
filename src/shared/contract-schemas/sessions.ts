import { z } from 'zod'
import { AnswerIdSchema, TakeIdSchema } from '../answers'
import { QuestionKindSchema, questionKinds } from '../banks/types'
import { MermaidDraftSchema, SessionStatusSchema, SessionTypeSchema, StarScaffoldSchema, TimerStateSchema, WhiteboardSchema } from '../session'
import { SqlDrillRecordSchema } from '../sql/drill-record'
import { INPUT_LIMITS, limitedId, limitedText } from './limits'
import { KeyTermsSchema } from './recording'

/** The contract's schemas for sessions and the answers typed in them. */

const PhaseOverrideSchema = z
  .object({ prepMs: z.number().int().min(0).optional(), answerMs: z.number().int().min(1000).optional() })
  .strict()

export const CreateSessionInputSchema = z
  .object({
    type: SessionTypeSchema,
    bankIds: z.array(limitedId).max(INPUT_LIMITS.listItems).default([]),
    kinds: z.array(QuestionKindSchema).max(INPUT_LIMITS.listItems).default([]),
    sections: z.array(z.string().max(INPUT_LIMITS.id)).max(INPUT_LIMITS.listItems).default([]),
    /** Ask exactly these questions (e.g. "practise this question" from the Library). */
    questionIds: z.array(limitedId).max(INPUT_LIMITS.listItems).optional(),
    count: z.number().int().min(1).max(50),
    order: z.enum(['random', 'as-listed']),
    seed: z.number().int().optional(),
    /** Per-kind phase lengths, over the defaults from Settings. */
    times: z.partialRecord(z.enum(questionKinds), PhaseOverrideSchema).optional()
  })
  .strict()
export type CreateSessionInput = z.infer<typeof CreateSessionInputSchema>

/** A timer's lists grow by one per pause or early advance: thousands means a runaway caller. */
const LimitedTimerSchema = TimerStateSchema.refine(
  (timer) => timer.phases.length <= 100 && timer.warningsMs.length <= 100 && timer.pauses.length <= 10_000 && timer.advances.length <= 1000,
  'the timer has too many phases, warnings, pauses or advances'
)

export const UpdateSessionInputSchema = z
  .object({
    id: limitedId,
    currentIndex: z.number().int().min(0).optional(),
    timer: LimitedTimerSchema.nullable().optional(),
    status: SessionStatusSchema.optional()
  })
  .strict()
export type UpdateSessionInput = z.infer<typeof UpdateSessionInputSchema>

export const SaveSessionItemInputSchema = z
  .object({
    sessionId: limitedId,
    questionId: limitedId,
    notes: limitedText(INPUT_LIMITS.notes, 'notes').optional(),
    starScaffold: StarScaffoldSchema.extend({
      situation: limitedText(INPUT_LIMITS.starPart, 'STAR notes'),
      task: limitedText(INPUT_LIMITS.starPart, 'STAR notes'),
      action: limitedText(INPUT_LIMITS.starPart, 'STAR notes'),
      result: limitedText(INPUT_LIMITS.starPart, 'STAR notes')
    }).optional(),
    whiteboard: WhiteboardSchema.extend({
      sceneJson: limitedText(INPUT_LIMITS.whiteboardScene, 'whiteboard scenes'),
      svg: limitedText(INPUT_LIMITS.whiteboardSvg, 'whiteboard pictures').optional()
    }).optional(),
    mermaid: MermaidDraftSchema.extend({ source: limitedText(INPUT_LIMITS.mermaidSource, 'Mermaid diagrams') }).optional(),
    sqlDrill: SqlDrillRecordSchema.optional(),
    skipped: z.boolean().optional(),
    phaseUsage: z.array(z.object({ phaseId: z.string().min(1).max(100), usedMs: z.number().nonnegative() })).max(20).optional()
  })
  .strict()
export type SaveSessionItemInput = z.infer<typeof SaveSessionItemInputSchema>

export const SaveTypedAnswerInputSchema = z
  .object({
    /** The session item's answerId; omitted for an answer given outside a session. */
    id: AnswerIdSchema.optional(),
    /** The typed take this text continues (the id a previous save returned); a new take otherwise. */
    takeId: TakeIdSchema.optional(),
    sessionId: limitedId.nullable(),
    questionId: limitedId,
    text: z.string().max(200_000),
    timeBoxMs: z.number().int().positive().optional()
  })
  .strict()
export type SaveTypedAnswerInput = z.infer<typeof SaveTypedAnswerInputSchema>

/** A clarifying question typed (or said) in the clarify phase of a system-design question. */
export const AskClarifyingQuestionInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    sessionId: limitedId.nullable(),
    questionId: limitedId,
    asked: z.string().trim().min(1, 'Type a question first.').max(2000),
    timeBoxMs: z.number().int().positive().optional()
  })
  .strict()
export type AskClarifyingQuestionInput = z.infer<typeof AskClarifyingQuestionInputSchema>

export const AnswerFollowUpInputSchema = z.object({ answerId: AnswerIdSchema, followUpId: z.string().min(1).max(200), reply: z.string().max(200_000) }).strict()
export type AnswerFollowUpInput = z.infer<typeof AnswerFollowUpInputSchema>

/** The longest spoken clarifying question or follow-up reply the backend transcribes. */
export const CLIP_MAX_MS = 120_000
/** A short spoken clip (a clarifying question, a follow-up reply) to turn into text; nothing is stored. */
export const TranscribeClipInputSchema = z
  .object({
    /** 16 kHz mono 16-bit little-endian PCM, base64 (2 minutes: 5 120 000 characters). */
    pcmBase64: z.string().max(8_000_000, 'a spoken clip is at most 2 minutes long'),
    /** The question's key terms, so whisper spells the jargon the way the bank does. */
    keyTerms: KeyTermsSchema.optional(),
    purpose: z.enum(['clarify', 'follow-up']),
    /** Names the clip, so that `cancelClip` can stop its transcription. */
    clipId: limitedId.optional()
  })
  .strict()
export type TranscribeClipInput = z.infer<typeof TranscribeClipInputSchema>
export const CancelClipInputSchema = z.object({ clipId: limitedId }).strict()
