import type { Question, QuestionKind } from '../banks/types'
import type { ScoreReport } from '../scoring'
import type { Attempt } from './answer-adapter'

export const starParts = ['situation', 'task', 'action', 'result'] as const
export type StarPart = (typeof starParts)[number]

/** Kinds whose answers are stories, so their STAR parts are worth tracking. */
const storyKinds: ReadonlySet<QuestionKind> = new Set(['behavioral', 'product'])

/** What progress and the comparison need from one scored answer (small, plain, serialisable). */
export interface AttemptSummary {
  answerId: string
  questionId: string
  title: string
  kind: QuestionKind
  bankId: string
  /** Top-level section of the question in its bank ('' when it has none). */
  section: string
  at: string
  overall: number
  /** Content words per minute; null without word times (typed answers). */
  wpm: number | null
  /** Null when delivery was not measured (typed answers say nothing about spoken fillers). */
  fillersPerMinute: number | null
  criteria: Array<{ key: string; label: string; kind: 'listen' | 'reject'; met: boolean }>
  /** 0..1 per part for story questions; null for the others. */
  star: Record<StarPart, number> | null
  keyTerms: { covered: string[]; missing: string[] }
}

/** Criteria are pooled by label, so the same criterion in two banks' rubrics is one trend. */
export const criterionKey = (kind: 'listen' | 'reject', label: string): string => `${kind}:${label.trim().toLowerCase()}`

export function summarizeAttempt(attempt: Attempt, question: Question, report: ScoreReport): AttemptSummary {
  const timed = report.delivery.measured
  return {
    answerId: attempt.answerId,
    questionId: question.id,
    title: question.title,
    kind: question.kind,
    bankId: question.bankId,
    section: question.sectionPath[0] ?? question.section,
    at: attempt.at,
    overall: report.overall,
    wpm: report.delivery.wpm,
    fillersPerMinute: timed ? report.delivery.fillersPerMinute : null,
    criteria: report.criteria.map((c) => ({ key: criterionKey(c.kind, c.label), label: c.label, kind: c.kind, met: c.met })),
    star: storyKinds.has(question.kind) && report.star
      ? {
          situation: report.star.situation.score,
          task: report.star.task.score,
          action: report.star.action.score,
          result: report.star.result.score
        }
      : null,
    keyTerms: { covered: [...new Set(report.keyTerms.covered.map((hit) => hit.term))], missing: report.keyTerms.missing.map((m) => m.term) }
  }
}
