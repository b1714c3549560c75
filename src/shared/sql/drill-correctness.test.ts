import { describe, expect, it } from 'vitest'
import { scoreDrillCorrectness } from './drill-correctness'
import { emptyDrillRecord, recordRun, SqlDrillRecordSchema, type SqlDrillRecord } from './drill-record'
import type { CheckReport } from './compare-results'
import type { SqlResultSet } from './types'

const now = '2026-01-01T00:00:00.000Z'
const result: SqlResultSet = { columns: [{ name: 'n', type: 'int4', category: 'number' }], rows: [['1']], truncated: false }
const check = (verdict: CheckReport['verdict'], missing = 0, extra = 0): CheckReport & { referenceRowCount: number } => ({
  verdict,
  summary: verdict,
  missingRows: Array.from({ length: missing }, () => ['m']),
  extraRows: Array.from({ length: extra }, () => ['e']),
  columnCounts: { candidate: 1, reference: 1 },
  columnMapping: null,
  firstOrderDifference: null,
  referenceIndex: 0,
  referenceCount: 1,
  referenceRowCount: 4
})

function runs(...steps: (ReturnType<typeof check> | null | 'error')[]): SqlDrillRecord {
  return steps.reduce<SqlDrillRecord>(
    (record, step) =>
      recordRun(
        record,
        'select 1',
        step === 'error'
          ? { result: null, error: { kind: 'sql', message: 'syntax error', where: 'query', line: 1, column: 1, hint: null } }
          : { result, error: null },
        step === 'error' ? null : step,
        now
      ),
    emptyDrillRecord('', true, now)
  )
}

describe('scoreDrillCorrectness', () => {
  it('scores a first-try match 100 and a later match 10 less per run before it, at least 60', () => {
    expect(scoreDrillCorrectness(runs(check('match'))).score).toBe(100)
    const third = scoreDrillCorrectness(runs(check('wrong-rows', 1), 'error', check('match')))
    expect(third).toMatchObject({ score: 80 })
    expect(third.explanation).toContain('run 3')
    expect(scoreDrillCorrectness(runs(...Array.from({ length: 9 }, () => null), check('match'))).score).toBe(60)
  })
  it('keeps the first match even if a later run breaks it', () => {
    expect(scoreDrillCorrectness(runs(check('match'), check('wrong-rows', 4))).score).toBe(100)
  })
  it('gives partial credit for order, columns and share of rows', () => {
    expect(scoreDrillCorrectness(runs(check('wrong-order'))).score).toBe(70)
    expect(scoreDrillCorrectness(runs(check('wrong-columns'))).score).toBe(75)
    expect(scoreDrillCorrectness(runs(check('wrong-rows', 1, 0))).score).toBe(30)
    expect(scoreDrillCorrectness(runs(check('wrong-rows', 1, 1))).score).toBe(20)
    expect(scoreDrillCorrectness(runs(check('wrong-rows', 4, 9))).score).toBe(0)
  })
  it('gives nothing for errors, unchecked runs or no runs', () => {
    expect(scoreDrillCorrectness(runs('error')).score).toBe(0)
    expect(scoreDrillCorrectness(runs(null)).explanation).toContain('never checked')
    expect(scoreDrillCorrectness(null).score).toBe(0)
  })
  it('does not apply without a reference query', () => {
    expect(scoreDrillCorrectness(emptyDrillRecord('', false, now))).toMatchObject({ applicable: false, score: null })
  })
  it('produces records that pass their schema', () => {
    expect(SqlDrillRecordSchema.parse(runs(check('wrong-rows', 2, 1), 'error'))).toBeTruthy()
  })
})
