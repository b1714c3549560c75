import { defined } from '../defined'
import type { SqlCell, SqlResultSet, SqlTypeCategory } from './types'

/**
 * Cells and rows as comparable strings (compare-results.ts): values normalised by type, so
 * 700, 700.0 and '700' are equal and a timestamp at midnight equals its date.
 */

export function normalizeCell(value: SqlCell, category: SqlTypeCategory): string {
  if (value === null) return '\u0000null'
  const text = value
  if (category === 'boolean') return text === 't' || text === 'true' ? 'true' : text === 'f' || text === 'false' ? 'false' : text
  if (category === 'timestamp') return normalizeTimestamp(text)
  if (category === 'number' || /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) {
    const number = Number(text)
    if (Number.isFinite(number)) return String(Number(number.toPrecision(12)))
  }
  if (/^\d{4}-\d{2}-\d{2} 00:00:00(\.0+)?([+-]\d{2}(:\d{2})?)?$/.test(text)) return text.slice(0, 10)
  return text
}

function normalizeTimestamp(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2}(:\d{2})?|Z)?$/.exec(text)
  const [, date, clock, digits] = match ?? []
  if (date === undefined || clock === undefined) return text
  const fraction = (digits ?? '').replace(/0+$/, '')
  const time = clock + (fraction === '.' ? '' : fraction)
  return time === '00:00:00' ? date : `${date} ${time}`
}

/** The type category of a result's column; rows and mappings only name columns the result has. */
export function categoryAt(result: SqlResultSet, index: number): SqlTypeCategory {
  return defined(result.columns[index], `column ${index + 1} of a result with ${result.columns.length}`).category
}

export function rowKeys(result: SqlResultSet, mapping: readonly number[] | null): string[] {
  return result.rows.map((row) => {
    const cells = mapping
      ? mapping.map((index) => normalizeCell(row[index] ?? null, categoryAt(result, index)))
      : row.map((cell, i) => normalizeCell(cell, categoryAt(result, i)))
    return JSON.stringify(cells)
  })
}
