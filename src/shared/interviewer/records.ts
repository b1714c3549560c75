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
  at: z.iso.datetime({ offset: true }),
  /** The candidate's typed reply; empty until answered. Scored with the answer (see `threadText`). */
  reply: z.string().max(200_000).default(''),
  answeredAt: z.iso.datetime({ offset: true }).nullable().default(null)
})
export type FollowUpRecord = z.infer<typeof FollowUpRecordSchema>

/**
 * The text an answer is scored on: the answer itself, then each follow-up reply, so what the
 * candidate said when pressed counts as part of the same answer (as it would in the room), then
 * the clarifying questions asked in the clarify phase (a design rubric asks for them; asked
 * aloud before the answer, they belong to it as much as the answer's own "I'd ask…").
 */
export function threadText(
  text: string,
  followUps: readonly Pick<FollowUpRecord, 'reply'>[],
  clarifications: readonly Pick<ClarificationRecord, 'asked'>[] = []
): string {
  const replies = followUps.map((f) => f.reply.trim()).filter((reply) => reply.length > 0)
  const asked = clarifications.map((c) => c.asked.trim()).filter((question) => question.length > 0)
  const parts = [...replies, ...(asked.length > 0 ? [`Clarifying questions I asked: ${asked.join(' ')}`] : [])]
  // The answer's text comes first and unchanged, so the report's character offsets still point into it.
  if (parts.length === 0) return text
  return text.trim() ? [text, ...parts].join('\n\n') : parts.join('\n\n')
}
