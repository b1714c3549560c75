import { z } from 'zod'

/**
 * What the wiring stores with an answer, so the review can show the exchange as a thread. Kept
 * here, next to the functions that produce them, so the answer record (whoever owns it) only
 * adds `clarifications: z.array(ClarificationRecordSchema)` and `followUps: z.array(FollowUpRecordSchema)`.
 */

export const ClarificationRecordSchema = z.object({
  /** The candidate's question, as typed or transcribed. */
  asked: z.string().min(1),
  /** What the interviewer answered (the notes, or "Your call — state your assumption."). */
  reply: z.string().min(1),
  kind: z.enum(['answer', 'your-call']),
  /** The model answer's section the reply came from; null for "your call". */
  section: z.string().nullable(),
  at: z.iso.datetime({ offset: true })
})
export type ClarificationRecord = z.infer<typeof ClarificationRecordSchema>

export const followUpRules = ['bank-follow-up', 'rubric-criterion', 'star-part', 'star-number', 'star-ownership', 'reject-flag', 'key-term'] as const

export const FollowUpRecordSchema = z.object({
  id: z.string().min(1),
  rule: z.enum(followUpRules),
  text: z.string().min(1),
  reason: z.string().min(1),
  at: z.iso.datetime({ offset: true })
})
export type FollowUpRecord = z.infer<typeof FollowUpRecordSchema>
