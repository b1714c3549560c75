import type { AnswerRecord } from '../../../../shared/answers'
import type { ScoreReport } from '../../../../shared/scoring'

export interface ScorePoint {
  answerId: string
  at: string
  overall: number
  title: string
}

export interface CriterionRate {
  key: string
  label: string
  kind: 'listen' | 'reject'
  /** Answers that showed it: heard (listen-for) or flagged (reject). */
  hits: number
  /** Answers whose rubric has it. */
  total: number
  rate: number
}

export interface ProgressStats {
  /** Oldest first. */
  points: ScorePoint[]
  /** Listen-for criteria weakest first, then reject patterns most often shown first. */
  criteria: CriterionRate[]
  /** Answers that could not be scored (still transcribing, no text, question gone). */
  unscored: number
}

export type ReportOf = (answer: AnswerRecord) => { report: ScoreReport; title: string } | null

/**
 * Overall score over time and how often each rubric criterion was met, across every answer.
 * Criteria are pooled by label, so the same criterion in two banks' rubrics counts as one.
 */
export function progressOf(answers: readonly AnswerRecord[], reportOf: ReportOf): ProgressStats {
  const points: ScorePoint[] = []
  const rates = new Map<string, CriterionRate>()
  let unscored = 0
  for (const answer of answers) {
    const scored = answer.status === 'ready' ? reportOf(answer) : null
    if (!scored) {
      unscored += 1
      continue
    }
    points.push({ answerId: answer.id, at: answer.createdAt, overall: scored.report.overall, title: scored.title })
    for (const criterion of scored.report.criteria) {
      const key = `${criterion.kind}:${criterion.label.trim().toLowerCase()}`
      const rate = rates.get(key) ?? { key, label: criterion.label, kind: criterion.kind, hits: 0, total: 0, rate: 0 }
      rate.total += 1
      if (criterion.kind === 'listen' ? criterion.met : criterion.flagged) rate.hits += 1
      rates.set(key, rate)
    }
  }
  points.sort((a, b) => a.at.localeCompare(b.at))
  const criteria = [...rates.values()].map((r) => ({ ...r, rate: r.total === 0 ? 0 : r.hits / r.total }))
  criteria.sort((a, b) =>
    a.kind !== b.kind ? (a.kind === 'listen' ? -1 : 1) : a.kind === 'listen' ? a.rate - b.rate || a.label.localeCompare(b.label) : b.rate - a.rate || a.label.localeCompare(b.label)
  )
  return { points, criteria, unscored }
}

/** Where the chart draws each point: x spread evenly by order, y from 0 (bottom) to 100 (top). */
export function chartCoordinates(
  points: readonly Pick<ScorePoint, 'overall'>[],
  box: { width: number; height: number; padLeft: number; padRight: number; padTop: number; padBottom: number }
): Array<{ x: number; y: number }> {
  const innerW = box.width - box.padLeft - box.padRight
  const innerH = box.height - box.padTop - box.padBottom
  return points.map((p, i) => ({
    x: box.padLeft + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1)),
    y: box.padTop + innerH - (Math.max(0, Math.min(100, p.overall)) / 100) * innerH
  }))
}
