import type { CriterionResult, ScoreReport } from '@shared/scoring'

/** The id under which a checklist item's evidence is highlighted (distinct from rubric criterion ids). */
export const checklistHighlightId = (itemId: string): string => `checklist:${itemId}`

/**
 * Everything the transcript highlights, as criteria: the rubric's criteria, then the profile's
 * checklist items (design checklist, correctness cues), which for SQL and concept answers are the
 * only evidence there is. Colours and the legend are built from the same list.
 */
export function highlightCriteria(report: ScoreReport): CriterionResult[] {
  const checklist = (report.checklist?.items ?? []).map(
    (item): CriterionResult => ({
      id: checklistHighlightId(item.id),
      label: item.label,
      kind: 'listen',
      met: item.met,
      flagged: false,
      strength: item.strength,
      concepts: [],
      detector: null,
      evidence: item.met ? item.evidence : []
    })
  )
  return [...report.criteria, ...checklist]
}

/** The report as the transcript panel reads it: its highlights include the checklist's evidence. */
export function withChecklistHighlights(report: ScoreReport): ScoreReport {
  return { ...report, criteria: highlightCriteria(report) }
}
