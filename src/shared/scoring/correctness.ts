import { scoreDrillCorrectness } from '../sql/drill-correctness'
import type { SqlDrillRecord } from '../sql/drill-record'
import type { ScoringProfiles } from './profiles'
import type { CoachingItem, CorrectnessResult, ScoreComponent } from './report-schema'
import { roundTo } from './rounding'

/**
 * The SQL drill's part of an answer's score. An answer that comes with a drill (its query, the
 * last result and check) is judged on two things, as in a real screen: does the query return
 * the right rows (this part, `sqlDrill.correctnessWeight` of 100), and does the explanation name
 * the right ideas (the profile's parts, sharing the rest in their usual proportions). An answer
 * without a drill is scored exactly as before; a drill without a reference query to check
 * against is "not scored" and weighs nothing.
 */

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/** What the score rests on: the first match if there was one, else the last run. */
function verdictOf(record: SqlDrillRecord): CorrectnessResult['verdict'] {
  if (!record.checkable) return 'no-reference'
  if (record.firstMatchAtRun !== null) return 'match'
  if (record.runs === 0) return 'not-run'
  if (record.lastError) return 'error'
  return record.lastCheck?.verdict ?? 'unchecked'
}

export function correctnessOf(record: SqlDrillRecord): CorrectnessResult {
  const judged = scoreDrillCorrectness(record)
  return {
    applicable: judged.applicable,
    score: judged.score,
    verdict: verdictOf(record),
    runs: record.runs,
    matchedAtRun: record.firstMatchAtRun,
    explanation: judged.explanation
  }
}

/** What to check when the rows are wrong, from how they are wrong. */
function rowsHint(returned: number, expected: number, missing: number, extra: number): string {
  if (missing === 0 && extra > 0) {
    return returned > expected
      ? 'check the join conditions (a join that multiplies rows) and the filters that should drop the extra ones'
      : 'check the filters: rows the question does not ask for come through'
  }
  if (extra === 0 && missing > 0) return 'check the WHERE filters and the inner joins: they drop rows the expected result keeps'
  return 'check the join conditions, the filters and the grouping: the rows returned are not the expected ones'
}

/** "Next time" for the query itself, from what the check reported; null when there is nothing to fix. */
export function correctnessAdvice(record: SqlDrillRecord): Pick<CoachingItem, 'change' | 'say'> | null {
  if (!record.checkable) return null
  const matchedAt = record.firstMatchAtRun
  if (matchedAt === 1) return null
  if (matchedAt !== null) {
    return {
      change: 'Get the query right on the first run',
      say: `It matched on run ${matchedAt}. Next time, walk the sample rows through the joins, filters and grouping before the first run, and say what you expect back.`
    }
  }
  if (record.runs === 0) return { change: 'Run and check the query', say: 'Write the query, run it on the question’s tables, then press Check to compare your rows with the expected ones.' }
  const error = record.lastError
  if (error) {
    const where = error.line !== null ? ` on line ${error.line}` : ''
    return { change: 'Fix the query that failed', say: `Your last run failed${where}: ${error.message.replace(/\.$/, '')}. Fix it, run it again and press Check.` }
  }
  const check = record.lastCheck
  if (!check) {
    return { change: 'Check your result', say: `You ran the query ${plural(record.runs, 'time')} but never pressed Check: compare your rows with the expected ones.` }
  }
  const returned = record.lastResult?.rowCount ?? check.referenceRowCount - check.missingRows.length + check.extraRows.length
  const expected = check.referenceRowCount
  switch (check.verdict) {
    case 'match':
      return null
    case 'wrong-order':
      return { change: 'Sort the result as asked', say: 'Your rows are right but in another order: add the ORDER BY the question asks for.' }
    case 'truncated':
      return {
        change: 'Bound the result',
        say: 'Your query returned more rows than the row limit: look for a join without its condition (a cross join) or a recursion that never stops.'
      }
    case 'wrong-columns':
      if (check.missingRows.length === 0 && check.extraRows.length === 0) {
        const columns = record.lastResult?.columns.length
        return {
          change: 'Return only the columns asked for',
          say: `Your rows are right${columns ? `, with ${plural(columns, 'column')}` : ''}: select only the columns the question asks for.`
        }
      }
      break
    case 'wrong-rows':
      break
  }
  const missing = check.missingRows.length
  const extra = check.extraRows.length
  const detail = [missing > 0 ? `${missing} missing` : null, extra > 0 ? `${extra} extra` : null].filter(Boolean).join(', ')
  return {
    change: 'Fix the rows your query returns',
    say: `Your query returned ${plural(returned, 'row')}, the expected result has ${expected}${detail ? ` (${detail})` : ''}: ${rowsHint(returned, expected, missing, extra)}.`
  }
}

/**
 * The profile's parts, scaled to share what the query's correctness leaves, with the
 * correctness part added last. Not applicable (no reference query): the part is listed with no
 * value and weighs nothing, so the other parts keep their full weight.
 */
export function withCorrectness(components: readonly ScoreComponent[], correctness: CorrectnessResult, profiles: ScoringProfiles): ScoreComponent[] {
  const weight = profiles.sqlDrill.correctnessWeight
  const part: ScoreComponent = {
    id: 'correctness',
    label: 'Query result',
    weight,
    effectiveWeight: correctness.score === null ? 0 : weight,
    value: correctness.score === null ? null : roundTo(correctness.score / 100, 4),
    points: correctness.score === null ? 0 : roundTo((correctness.score / 100) * weight, 2)
  }
  if (correctness.score === null) return [...components, part]
  const share = (100 - weight) / 100
  return [
    ...components.map((c) => ({ ...c, effectiveWeight: roundTo(c.effectiveWeight * share, 2), points: roundTo(c.points * share, 2) })),
    part
  ]
}
