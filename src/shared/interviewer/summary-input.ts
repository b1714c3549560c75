import type { AnswerRecord } from '../answers'
import type { QuestionSource } from '../banks/find-question'
import { scoreAnswer } from '../scoring/score-answer'
import type { Session } from '../session/session-schema'
import { assessmentFromReport } from './assessment'
import { threadText } from './records'
import { summarizeSession, type SessionSummary, type SummaryAnswerInput } from './session-summary'

/**
 * The session summary from what was stored: each entered question's answer record, scored with
 * its follow-up replies (as the review scores it), and the phase times saved when it was left.
 */
export function summaryOfSession(session: Session, records: readonly AnswerRecord[], library: QuestionSource): SessionSummary {
  const byId = new Map(records.map((record) => [record.id, record]))
  const answers: SummaryAnswerInput[] = session.answers.map((entry) => {
    const record = byId.get(entry.answerId)
    const question = library.questions.find((q) => q.id === entry.questionId)
    const scored =
      record && !entry.skipped ? scoreAnswer({ ...record, text: threadText(record.text, record.followUps, record.clarifications) }, library) : null
    return {
      questionId: entry.questionId,
      title: question?.title ?? entry.questionId,
      kind: question?.kind ?? '',
      skipped: entry.skipped,
      assessment: scored?.ok ? assessmentFromReport(scored.report, scored.question, scored.question.kind, record?.text) : null,
      followUps: (record?.followUps ?? []).map((f) => ({ text: f.text, reason: f.reason, answered: f.reply.trim().length > 0 })),
      phaseUsage: entry.phaseUsage ?? []
    }
  })
  return summarizeSession({ items: session.items, answers })
}
