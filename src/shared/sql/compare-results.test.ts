import { describe, expect, it } from 'vitest'
import { checkAgainstReferences, compareResults, normalizeCell } from './compare-results'
import { orderByOf } from './order-by'
import type { SqlColumn, SqlResultSet } from './types'

const num = (name: string): SqlColumn => ({ name, type: 'numeric', category: 'number' })
const txt = (name: string): SqlColumn => ({ name, type: 'varchar', category: 'text' })

function result(columns: SqlColumn[], rows: (string | null)[][]): SqlResultSet {
  return { columns, rows, truncated: false }
}

// The reference of "Distance between two cities": the city pairs stored both ways.
const pairs = result([txt('a'), txt('b')], [
  ['DEL', 'KOL'],
  ['DEL', 'MUM']
])

describe('compareResults, each case both ways', () => {
  it('correct: same rows in another order and under other names match, both ways', () => {
    const candidate = result([txt('city1'), txt('city2')], [
      ['DEL', 'MUM'],
      ['DEL', 'KOL']
    ])
    expect(compareResults(candidate, pairs).verdict).toBe('match')
    expect(compareResults(pairs, candidate).verdict).toBe('match')
  })

  it('wrong row: the missing and the extra row are both shown, mirrored the other way', () => {
    const candidate = result([txt('a'), txt('b')], [
      ['DEL', 'KOL'],
      ['BAN', 'DEL']
    ])
    const report = compareResults(candidate, pairs)
    expect(report.verdict).toBe('wrong-rows')
    expect(report.missingRows).toEqual([['DEL', 'MUM']])
    expect(report.extraRows).toEqual([['BAN', 'DEL']])
    const reverse = compareResults(pairs, candidate)
    expect(reverse.missingRows).toEqual([['BAN', 'DEL']])
    expect(reverse.extraRows).toEqual([['DEL', 'MUM']])
  })

  it('missing row one way is an extra row the other way (duplicates count)', () => {
    const fewer = result([txt('a'), txt('b')], [['DEL', 'KOL']])
    const report = compareResults(fewer, pairs)
    expect(report).toMatchObject({ verdict: 'wrong-rows', missingRows: [['DEL', 'MUM']], extraRows: [] })
    expect(report.summary).toContain('1 row of the reference is missing')
    expect(compareResults(pairs, fewer)).toMatchObject({ verdict: 'wrong-rows', missingRows: [], extraRows: [['DEL', 'MUM']] })
    const doubled = result([txt('a'), txt('b')], [...pairs.rows, ['DEL', 'KOL']])
    expect(compareResults(doubled, pairs)).toMatchObject({ verdict: 'wrong-rows', extraRows: [['DEL', 'KOL']] })
  })

  it('extra column: named as too many one way and missing the other way', () => {
    const wider = result([txt('a'), txt('b'), num('distance')], [
      ['DEL', 'KOL', '700'],
      ['DEL', 'MUM', '800']
    ])
    const report = compareResults(wider, pairs)
    expect(report.verdict).toBe('wrong-columns')
    expect(report.summary).toContain('3 (distance)')
    const reverse = compareResults(pairs, wider)
    expect(reverse.verdict).toBe('wrong-columns')
    expect(reverse.summary).toContain('1 column missing')
  })

  it('wrong order: caught when the reference sorts, ignored when it does not, both ways', () => {
    const sorted = result([num('n')], [['1'], ['2'], ['3']])
    const reversed = result([num('n')], [['3'], ['2'], ['1']])
    const ordered = { ordered: true, orderKeys: [0] }
    expect(compareResults(reversed, sorted, ordered)).toMatchObject({ verdict: 'wrong-order', firstOrderDifference: 0 })
    expect(compareResults(sorted, reversed, ordered)).toMatchObject({ verdict: 'wrong-order', firstOrderDifference: 0 })
    expect(compareResults(reversed, sorted).verdict).toBe('match')
    expect(compareResults(sorted, reversed).verdict).toBe('match')
  })

  it('rows that tie on the sort key may come in any order', () => {
    const reference = result([txt('team'), num('match')], [
      ['AUS', '1'],
      ['AUS', '2'],
      ['ENG', '1']
    ])
    const tiesSwapped = result([txt('team'), num('match')], [
      ['AUS', '2'],
      ['AUS', '1'],
      ['ENG', '1']
    ])
    expect(compareResults(tiesSwapped, reference, { ordered: true, orderKeys: [0] }).verdict).toBe('match')
    expect(compareResults(tiesSwapped, reference, { ordered: true, orderKeys: [0, 1] }).verdict).toBe('wrong-order')
    expect(compareResults(tiesSwapped, reference, { ordered: true, orderKeys: null }).verdict).toBe('wrong-order')
  })

  it('accepts the columns in another order, and says so', () => {
    const swapped = result([txt('b'), txt('a')], [
      ['KOL', 'DEL'],
      ['MUM', 'DEL']
    ])
    const report = compareResults(swapped, pairs)
    expect(report.verdict).toBe('match')
    expect(report.columnMapping).toEqual([1, 0])
    expect(report.summary).toContain('another order')
  })

  it('normalises types: 700 = 700.00 = "700", a midnight timestamp = its date, t = true', () => {
    expect(normalizeCell('700.00', 'number')).toBe(normalizeCell('700', 'text'))
    expect(normalizeCell('0.30000000000000004', 'number')).toBe(normalizeCell('0.3', 'number'))
    expect(normalizeCell('2019-01-01 00:00:00', 'timestamp')).toBe(normalizeCell('2019-01-01', 'date'))
    expect(normalizeCell('t', 'boolean')).toBe(normalizeCell('true', 'boolean'))
    expect(normalizeCell(null, 'text')).not.toBe(normalizeCell('null', 'text'))
    const integers = result([num('n')], [['700'], ['800']])
    const decimals = result([{ name: 'x', type: 'float8', category: 'number' }], [['800.0'], ['700.000']])
    expect(compareResults(decimals, integers).verdict).toBe('match')
  })

  it('a truncated result never matches', () => {
    const cut = { ...pairs, truncated: true }
    expect(compareResults(cut, pairs).verdict).toBe('truncated')
  })
})

describe('checkAgainstReferences', () => {
  const ref = (result: SqlResultSet) => ({ block: 0, statement: 0, result, ordered: false, orderKeys: null })
  it('matches any of several reference answers and names which', () => {
    const count = result([num('count')], [['1']])
    const report = checkAgainstReferences(count, [ref(pairs), ref(count)])
    expect(report).toMatchObject({ verdict: 'match', referenceIndex: 1, referenceCount: 2 })
  })
  it('reports the closest reference when none matches', () => {
    const close = result([txt('a'), txt('b')], [['DEL', 'KOL']])
    const report = checkAgainstReferences(close, [ref(result([num('n')], [['1']])), ref(pairs)])
    expect(report).toMatchObject({ verdict: 'wrong-rows', referenceIndex: 1, missingRows: [['DEL', 'MUM']] })
  })
  it('is null without references', () => {
    expect(checkAgainstReferences(pairs, [])).toBeNull()
  })
})

describe('orderByOf', () => {
  it('reads the final top-level ORDER BY, not the ones in windows or subqueries', () => {
    expect(orderByOf('select a, sum(x) over (partition by a order by b) from t', ['a', 'sum'])).toEqual({ ordered: false, keys: null })
    expect(orderByOf('select * from (select a from t order by a) order by 1', ['a'])).toEqual({ ordered: true, keys: [0] })
    expect(orderByOf('select team, lag_winner, cond, match_id from x order by 1, match_id desc', ['team', 'lag_winner', 'cond', 'match_id'])).toEqual({
      ordered: true,
      keys: [0, 3]
    })
    expect(orderByOf('select a from t order by lower(a)', ['a'])).toEqual({ ordered: true, keys: null })
    expect(orderByOf('select a from t order by a fetch first 3 rows only', ['a'])).toEqual({ ordered: true, keys: [0] })
  })
})
