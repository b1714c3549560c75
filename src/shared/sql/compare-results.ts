import { categoryAt, normalizeCell, rowKeys } from './row-keys'
import type { SqlCell, SqlReferenceResult, SqlResultSet } from './types'

export { normalizeCell } from './row-keys'

/**
 * Check: does the candidate's result hold the same rows as the reference answer's?
 *
 * - Rows compare as a multiset (duplicates count), in order only when the reference ends in
 *   ORDER BY; rows that tie on the reference's sort keys may come in any order.
 * - Column names are ignored. Columns compare by position; if that fails, a reordering of the
 *   candidate's columns that matches is accepted (an interviewer does not care whether src or
 *   dest comes first), and so is dropping extra columns, but both are named in the verdict.
 * - Values are normalised by type: 700, 700.0 and '700' are equal; numbers to 12 significant
 *   digits; a timestamp at midnight equals its date; true equals 't'.
 */

export type CheckVerdict = 'match' | 'wrong-rows' | 'wrong-order' | 'wrong-columns' | 'truncated'

export interface CheckReport {
  verdict: CheckVerdict
  /** One sentence for the candidate. */
  summary: string
  /** Reference rows the candidate's result lacks (as the reference shows them). */
  missingRows: SqlCell[][]
  /** Candidate rows the reference does not have. */
  extraRows: SqlCell[][]
  columnCounts: { candidate: number; reference: number }
  /** Candidate column (0-based) used for each reference column, when not simply 0, 1, 2, …. */
  columnMapping: number[] | null
  /** First row (0-based) out of order, for wrong-order. */
  firstOrderDifference: number | null
  /** Which reference was compared (several answers may be given), and how many there are. */
  referenceIndex: number
  referenceCount: number
}

const MAX_PERMUTED_COLUMNS = 8
const MAX_SUBSET_TRIES = 500

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

interface MultisetDiff {
  missing: number[]
  extra: number[]
}

/** Indices of reference rows not matched, and of candidate rows not matched. */
function multisetDiff(candidateKeys: readonly string[], referenceKeys: readonly string[]): MultisetDiff {
  const available = countKeys(candidateKeys)
  const missing: number[] = []
  referenceKeys.forEach((key, i) => {
    const left = available.get(key) ?? 0
    if (left > 0) available.set(key, left - 1)
    else missing.push(i)
  })
  const needed = countKeys(referenceKeys)
  const extra: number[] = []
  candidateKeys.forEach((key, i) => {
    const left = needed.get(key) ?? 0
    if (left > 0) needed.set(key, left - 1)
    else extra.push(i)
  })
  return { missing, extra }
}

function sameMultiset(candidateKeys: readonly string[], referenceKeys: readonly string[]): boolean {
  if (candidateKeys.length !== referenceKeys.length) return false
  const diff = multisetDiff(candidateKeys, referenceKeys)
  return diff.missing.length === 0 && diff.extra.length === 0
}

function columnSignature(result: SqlResultSet, index: number): string {
  const category = categoryAt(result, index)
  return JSON.stringify(result.rows.map((row) => normalizeCell(row[index] ?? null, category)).sort())
}

/** A mapping reference column → candidate column under which the rows match, or null. */
function findColumnMapping(candidate: SqlResultSet, reference: SqlResultSet, referenceKeys: readonly string[]): number[] | null {
  const width = reference.columns.length
  if (candidate.columns.length === width) {
    if (width > MAX_PERMUTED_COLUMNS) return null
    const candidateSigs = candidate.columns.map((_, i) => columnSignature(candidate, i))
    const options = reference.columns.map((_, j) => {
      const signature = columnSignature(reference, j)
      return candidateSigs.flatMap((sig, i) => (sig === signature ? [i] : []))
    })
    const chosen: number[] = []
    const used = new Set<number>()
    const search = (j: number): number[] | null => {
      if (j === width) return sameMultiset(rowKeys(candidate, chosen), referenceKeys) ? [...chosen] : null
      for (const option of options[j] ?? []) {
        if (used.has(option)) continue
        used.add(option)
        chosen.push(option)
        const found = search(j + 1)
        chosen.pop()
        used.delete(option)
        if (found) return found
      }
      return null
    }
    return search(0)
  }
  if (candidate.columns.length > width) {
    // Extra columns: try every order-preserving choice of `width` columns (bounded).
    let tries = 0
    const chosen: number[] = []
    const search = (from: number): number[] | null => {
      if (chosen.length === width) {
        tries++
        return sameMultiset(rowKeys(candidate, chosen), referenceKeys) ? [...chosen] : null
      }
      for (let i = from; i < candidate.columns.length && tries < MAX_SUBSET_TRIES; i++) {
        chosen.push(i)
        const found = search(i + 1)
        chosen.pop()
        if (found) return found
      }
      return null
    }
    return search(0)
  }
  return null
}

/** Row index where the candidate's order first breaks the reference's, or null if in order. */
function firstOrderBreak(candidateKeys: readonly string[], reference: SqlResultSet, referenceKeys: readonly string[], orderKeys: readonly number[] | null): number | null {
  // Group consecutive reference rows that tie on the sort keys; each group may come in any order.
  const sortKey = (row: readonly SqlCell[]) =>
    orderKeys ? JSON.stringify(orderKeys.map((k) => normalizeCell(row[k] ?? null, categoryAt(reference, k)))) : null
  let at = 0
  for (let row = reference.rows[at]; row; row = reference.rows[at]) {
    let end = at + 1
    const key = sortKey(row)
    if (key !== null) for (let next = reference.rows[end]; next && sortKey(next) === key; next = reference.rows[end]) end++
    const expected = referenceKeys.slice(at, end)
    const got = candidateKeys.slice(at, end)
    if (!sameMultiset(got, expected)) {
      // The first position inside the group that differs.
      const diff = multisetDiff(got, expected)
      return at + Math.min(...diff.extra, got.length - 1)
    }
    at = end
  }
  return null
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

type ReportBase = Pick<CheckReport, 'columnCounts' | 'referenceIndex' | 'referenceCount' | 'firstOrderDifference'>

/**
 * The candidate's rows as keys comparable with the reference's: by position when that matches,
 * else through a column mapping (reordered or extra columns); null when the columns cannot line up.
 */
function alignColumns(
  candidate: SqlResultSet,
  reference: SqlResultSet,
  referenceKeys: readonly string[]
): { mapping: number[] | null; candidateKeys: string[] } | null {
  if (candidate.columns.length === reference.columns.length && sameMultiset(rowKeys(candidate, null), referenceKeys)) {
    return { mapping: null, candidateKeys: rowKeys(candidate, null) }
  }
  const mapping = findColumnMapping(candidate, reference, referenceKeys)
  if (!mapping && candidate.columns.length !== reference.columns.length) return null
  return { mapping, candidateKeys: rowKeys(candidate, mapping) }
}

function wrongColumnsReport(base: ReportBase, candidate: SqlResultSet, reference: SqlResultSet): CheckReport {
  const more = candidate.columns.length > reference.columns.length
  const difference = Math.abs(candidate.columns.length - reference.columns.length)
  return {
    ...base,
    verdict: 'wrong-columns',
    summary: `Your result has ${plural(candidate.columns.length, 'column')}; the reference has ${reference.columns.length} (${plural(difference, 'column')} ${more ? 'too many' : 'missing'}).`,
    missingRows: reference.rows,
    extraRows: candidate.rows,
    columnMapping: null
  }
}

function wrongRowsReport(base: ReportBase, candidate: SqlResultSet, reference: SqlResultSet, diff: MultisetDiff): CheckReport {
  const parts = [
    diff.missing.length > 0 ? `${plural(diff.missing.length, 'row')} of the reference ${diff.missing.length === 1 ? 'is' : 'are'} missing` : '',
    diff.extra.length > 0 ? `${plural(diff.extra.length, 'row')} ${diff.extra.length === 1 ? 'is' : 'are'} not in the reference` : ''
  ].filter(Boolean)
  const rowsAt = (rows: SqlCell[][], indices: readonly number[]): SqlCell[][] =>
    indices.flatMap((i) => {
      const row = rows[i]
      return row ? [row] : []
    })
  return {
    ...base,
    verdict: 'wrong-rows',
    summary: `Different rows: ${parts.join(', and ')} (you returned ${candidate.rows.length}, the reference ${reference.rows.length}).`,
    missingRows: rowsAt(reference.rows, diff.missing),
    extraRows: rowsAt(candidate.rows, diff.extra),
    columnMapping: null
  }
}

/** What the match took: columns left out, or the columns in another order. */
function columnNotes(candidate: SqlResultSet, reference: SqlResultSet, mapping: readonly number[] | null): string[] {
  if (mapping && candidate.columns.length > reference.columns.length) {
    const dropped = candidate.columns.map((c, i) => (mapping.includes(i) ? null : `${i + 1} (${c.name})`)).filter(Boolean)
    return [`once column${dropped.length === 1 ? '' : 's'} ${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} left out`]
  }
  if (mapping && mapping.some((m, i) => m !== i)) return ['with the columns in another order']
  return []
}

/** Compares one candidate result with one reference. */
export function compareResults(
  candidate: SqlResultSet,
  reference: SqlResultSet,
  order: { ordered: boolean; orderKeys: readonly number[] | null } = { ordered: false, orderKeys: null }
): CheckReport {
  const base: ReportBase = {
    columnCounts: { candidate: candidate.columns.length, reference: reference.columns.length },
    referenceIndex: 0,
    referenceCount: 1,
    firstOrderDifference: null
  }
  const referenceKeys = rowKeys(reference, null)
  if (candidate.truncated) {
    return {
      ...base,
      verdict: 'truncated',
      summary: `Your query returned more rows than the row limit (${candidate.rows.length}); the reference returns ${plural(reference.rows.length, 'row')}.`,
      missingRows: [],
      extraRows: [],
      columnMapping: null
    }
  }
  const aligned = alignColumns(candidate, reference, referenceKeys)
  if (!aligned) return wrongColumnsReport(base, candidate, reference)
  const { mapping, candidateKeys } = aligned
  const diff = multisetDiff(candidateKeys, referenceKeys)
  if (diff.missing.length > 0 || diff.extra.length > 0) return wrongRowsReport(base, candidate, reference, diff)
  const notes = columnNotes(candidate, reference, mapping)
  if (order.ordered) {
    const broken = firstOrderBreak(candidateKeys, reference, referenceKeys, order.orderKeys)
    if (broken !== null) {
      return {
        ...base,
        verdict: 'wrong-order',
        summary: `Same rows, but in another order: the reference is sorted (ORDER BY) and row ${broken + 1} differs.`,
        missingRows: [],
        extraRows: [],
        columnMapping: mapping,
        firstOrderDifference: broken
      }
    }
  }
  const columnNote = notes.length > 0 ? `, ${notes.join(' ')}` : ''
  const extraColumns = Boolean(mapping && candidate.columns.length > reference.columns.length)
  return {
    ...base,
    verdict: extraColumns ? 'wrong-columns' : 'match',
    summary: extraColumns
      ? `Your rows match the reference ${columnNote.slice(2)}: the reference returns ${plural(reference.columns.length, 'column')}.`
      : `Your result matches the reference: ${plural(reference.rows.length, 'row')}${order.ordered ? ', in order' : ''}${columnNote}.`,
    missingRows: [],
    extraRows: [],
    columnMapping: mapping
  }
}

/** Compares with every reference; a match with any counts, otherwise the closest is reported. */
export function checkAgainstReferences(candidate: SqlResultSet, references: readonly SqlReferenceResult[]): CheckReport | null {
  if (references.length === 0) return null
  const reports = references.map((reference, index) => ({
    index,
    report: compareResults(candidate, reference.result, { ordered: reference.ordered, orderKeys: reference.orderKeys })
  }))
  const rank = (report: CheckReport): number => {
    if (report.verdict === 'match') return 0
    if (report.verdict === 'wrong-order') return 1
    const columnsOff = report.columnCounts.candidate !== report.columnCounts.reference ? 1_000_000 : 0
    return 2 + columnsOff + report.missingRows.length + report.extraRows.length
  }
  const best = reports.reduce((a, b) => (rank(b.report) < rank(a.report) ? b : a))
  return { ...best.report, referenceIndex: best.index, referenceCount: references.length }
}
