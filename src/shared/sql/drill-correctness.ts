import type { SqlDrillRecord } from './drill-record'

/**
 * The correctness component of a SQL drill's score, with its explanation: pure, so the
 * scorer, the review and the CLI give the same number for the same record.
 *
 * - Matches the reference: 100 on the first run, 10 less per extra run, never below 60
 *   (reaching the right rows by iteration is still right; an interviewer notices the tries).
 * - Right rows in the wrong order (the reference sorts): 70.
 * - Right rows with extra columns: 75.
 * - Wrong rows: up to 40, by the share of the reference's rows returned, less extra rows.
 * - Ran but never checked, errored, or never ran: 0.
 * - No reference query (the bank's answer is prose): not applicable, so it carries no weight.
 */
export interface DrillCorrectness {
  applicable: boolean
  /** 0–100, or null when not applicable. */
  score: number | null
  explanation: string
}

export const DRILL_CORRECTNESS_DOC = [
  'matches on run 1: 100; each extra run −10, at least 60',
  'right rows, wrong order: 70',
  'right rows, extra columns: 75',
  'wrong rows: 40 × (reference rows returned − extra rows) / reference rows, at least 0',
  'error, never run or never checked: 0',
  'no reference query: not scored'
]

export function scoreDrillCorrectness(record: SqlDrillRecord | null | undefined): DrillCorrectness {
  if (!record) return { applicable: true, score: 0, explanation: 'The query was never run.' }
  if (!record.checkable) {
    return { applicable: false, score: null, explanation: 'The bank gives no reference query, so correctness is not scored.' }
  }
  if (record.firstMatchAtRun !== null) {
    const tries = record.firstMatchAtRun
    const score = Math.max(60, 100 - 10 * (tries - 1))
    return {
      applicable: true,
      score,
      explanation:
        tries === 1
          ? 'The result matched the reference on the first run.'
          : `The result matched the reference on run ${tries} (−10 for each of the ${tries - 1} run${tries === 2 ? '' : 's'} before it).`
    }
  }
  if (record.runs === 0) return { applicable: true, score: 0, explanation: 'The query was never run.' }
  if (record.lastError) return { applicable: true, score: 0, explanation: `The last run failed: ${record.lastError.message}` }
  const check = record.lastCheck
  if (!check) return { applicable: true, score: 0, explanation: `Run ${record.runs} time${record.runs === 1 ? '' : 's'}, but never checked against the reference.` }
  if (check.verdict === 'wrong-order') return { applicable: true, score: 70, explanation: 'The right rows, but not in the order the reference sorts them.' }
  if (check.verdict === 'wrong-columns' && check.missingRows.length === 0 && check.extraRows.length === 0) {
    return { applicable: true, score: 75, explanation: 'The right rows, with columns the question does not ask for.' }
  }
  if (check.verdict === 'truncated') return { applicable: true, score: 0, explanation: 'The query returned more rows than the row limit.' }
  const reference = check.referenceRowCount
  const returned = Math.max(0, reference - check.missingRows.length)
  const share = reference === 0 ? 0 : Math.max(0, returned - check.extraRows.length) / reference
  const score = Math.round(40 * share)
  return {
    applicable: true,
    score,
    explanation: `Wrong rows: ${returned} of the reference’s ${reference} returned, ${check.extraRows.length} extra (${check.summary.replace(/\.$/, '')}).`
  }
}
