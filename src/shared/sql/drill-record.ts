import { z } from 'zod'
import { SqlColumnSchema, SqlCellSchema, SqlErrorSchema, type SqlResultSet } from './types'
import type { CheckReport } from './compare-results'

/**
 * What a SQL drill leaves with the question's practice record: the query as last run, its
 * result (the first rows), its error, the last check, and how many runs it took. Small on
 * purpose: it is stored in db.json with the session.
 */

export const STORED_ROWS = 50

export const SqlDrillRecordSchema = z.object({
  query: z.string().max(200_000),
  /** Times the query was executed (Run and Check both execute it). */
  runs: z.number().int().nonnegative(),
  /** The run (1-based) whose check first matched the reference; null if none has yet. */
  firstMatchAtRun: z.number().int().positive().nullable(),
  lastResult: z
    .object({
      columns: z.array(SqlColumnSchema),
      rows: z.array(z.array(SqlCellSchema)),
      rowCount: z.number().int().nonnegative(),
      truncated: z.boolean()
    })
    .nullable(),
  lastError: SqlErrorSchema.nullable(),
  lastCheck: z
    .object({
      verdict: z.enum(['match', 'wrong-rows', 'wrong-order', 'wrong-columns', 'truncated']),
      summary: z.string(),
      missingRows: z.array(z.array(SqlCellSchema)),
      extraRows: z.array(z.array(SqlCellSchema)),
      /** Rows the reference returns (for the share of rows right). */
      referenceRowCount: z.number().int().nonnegative()
    })
    .nullable(),
  /** The question has a reference query to check against. */
  checkable: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true })
})
export type SqlDrillRecord = z.infer<typeof SqlDrillRecordSchema>

export function emptyDrillRecord(query: string, checkable: boolean, now: string): SqlDrillRecord {
  return { query, runs: 0, firstMatchAtRun: null, lastResult: null, lastError: null, lastCheck: null, checkable, updatedAt: now }
}

/** The record after one more execution of the query (Run, or the run inside Check). */
export function recordRun(
  record: SqlDrillRecord,
  query: string,
  outcome: { result: SqlResultSet | null; error: SqlDrillRecord['lastError'] },
  check: (CheckReport & { referenceRowCount: number }) | null,
  now: string
): SqlDrillRecord {
  const runs = record.runs + 1
  return {
    ...record,
    query,
    runs,
    firstMatchAtRun: record.firstMatchAtRun ?? (check?.verdict === 'match' ? runs : null),
    lastResult: outcome.result
      ? { columns: outcome.result.columns, rows: outcome.result.rows.slice(0, STORED_ROWS), rowCount: outcome.result.rows.length, truncated: outcome.result.truncated }
      : null,
    lastError: outcome.error,
    lastCheck: check
      ? {
          verdict: check.verdict,
          summary: check.summary,
          missingRows: check.missingRows.slice(0, STORED_ROWS),
          extraRows: check.extraRows.slice(0, STORED_ROWS),
          referenceRowCount: check.referenceRowCount
        }
      : outcome.error
        ? null
        : record.lastCheck && record.query === query
          ? record.lastCheck
          : null,
    updatedAt: now
  }
}
