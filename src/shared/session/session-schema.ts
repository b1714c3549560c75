import { z } from 'zod'
import { PlanItemSchema, SessionTypeSchema } from './plan-session'
import { TimerStateSchema } from './timer'
import { SqlDrillRecordSchema } from '../sql/drill-record'
import type { PlanItem, SessionType } from './plan-session'

/**
 * A mock interview as stored in the data file and sent across the API: plain JSON only (no
 * Dates, no Maps), so it survives lowdb, IPC and HTTP unchanged.
 */

const isoDateTime = z.iso.datetime({ offset: true })

export const SessionStatusSchema = z.enum(['in-progress', 'finished', 'abandoned'])
export type SessionStatus = z.infer<typeof SessionStatusSchema>

export const StarScaffoldSchema = z.object({
  situation: z.string(),
  task: z.string(),
  action: z.string(),
  result: z.string()
})
export type StarScaffold = z.infer<typeof StarScaffoldSchema>

export const WhiteboardSchema = z.object({
  /** The Excalidraw scene, serialized: kept as a string so its shape is Excalidraw's business. */
  sceneJson: z.string(),
  /** A rendering for the review screen, so it need not load the editor. */
  svg: z.string().optional(),
  updatedAt: isoDateTime
})
export type Whiteboard = z.infer<typeof WhiteboardSchema>

export const MermaidDraftSchema = z.object({
  source: z.string(),
  updatedAt: isoDateTime
})
export type MermaidDraft = z.infer<typeof MermaidDraftSchema>

export const SessionAnswerSchema = z.object({
  questionId: z.string().min(1),
  /** The id of the answer (AnswersService's record, with its takes and audio files) for this item. */
  answerId: z.string().min(1),
  notes: z.string(),
  starScaffold: StarScaffoldSchema.optional(),
  whiteboard: WhiteboardSchema.optional(),
  mermaid: MermaidDraftSchema.optional(),
  /** A SQL question's drill: the last query, its result and check, and the runs it took. */
  sqlDrill: SqlDrillRecordSchema.optional(),
  skipped: z.boolean(),
  /** Timer time spent in each phase, saved when the question is left (for the session summary). */
  phaseUsage: z.array(z.object({ phaseId: z.string().min(1), usedMs: z.number().nonnegative() })).max(20).optional()
})
export type SessionAnswer = z.infer<typeof SessionAnswerSchema>

export const SessionSchema = z
  .object({
    id: z.string().min(1),
    createdAt: isoDateTime,
    /** The last time anything of the session was saved (absent in sessions from before it was kept). */
    updatedAt: isoDateTime.optional(),
    type: SessionTypeSchema,
    status: SessionStatusSchema,
    items: z.array(PlanItemSchema),
    /** Index into `items`; equals `items.length` once every item is done. */
    currentIndex: z.number().int().min(0),
    /** The running question's timer; null between questions and once the session ends. */
    timer: TimerStateSchema.nullable(),
    /** One per item reached (answered or skipped), in the order reached. */
    answers: z.array(SessionAnswerSchema)
  })
  .superRefine((session, ctx) => {
    if (session.currentIndex > session.items.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['currentIndex'],
        message: `currentIndex ${session.currentIndex} is past the ${session.items.length} planned items`
      })
    }
    const planned = new Set(session.items.map((item) => item.questionId))
    session.answers.forEach((answer, index) => {
      if (!planned.has(answer.questionId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answers', index, 'questionId'],
          message: `Answer for question "${answer.questionId}", which is not in the plan`
        })
      }
    })
  })
export type Session = z.infer<typeof SessionSchema>

export interface CreateSessionInput {
  id: string
  /** Passed in rather than read from a clock, so the logic stays pure and testable. */
  createdAt: string
  type: SessionType
  items: readonly PlanItem[]
}

/** A new session, before its first question's timer is created. */
export function createSession(input: CreateSessionInput): Session {
  return SessionSchema.parse({
    id: input.id,
    createdAt: input.createdAt,
    type: input.type,
    status: 'in-progress',
    items: input.items,
    currentIndex: 0,
    timer: null,
    answers: []
  })
}
