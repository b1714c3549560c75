import { describe, expect, it } from 'vitest'
import { splitStatements } from './split-statements'
import { lineAndColumn, tokenize } from './tokenize'
import { sourceOffsetOf, translateOracleScript } from './translate-oracle'

const sqlOf = (script: string, role: 'setup' | 'query' = 'query') => translateOracleScript(script, role).statements.map((s) => s.sql)

describe('tokenize and split', () => {
  it('never splits inside quotes, comments or dollar quotes', () => {
    const script = "select ';' as a -- it's; fine\nfrom t; /* ; */ select $$ ; $$, q'[it's;]', \"x;y\" from u;"
    expect(splitStatements(script).statements).toHaveLength(2)
  })
  it('takes SQL*Plus slash lines as statement ends, but not division', () => {
    const { statements, usedSlashTerminators } = splitStatements('select 4 / 2 from dual\n/\nselect 1 from dual\n/')
    expect(statements).toHaveLength(2)
    expect(usedSlashTerminators).toBe(true)
  })
  it('keeps every character: tokens concatenate back to the input', () => {
    const text = "select a.b, 'x''y', 1.5e3, :bind, x::int from t where a <> -1 -- end"
    expect(tokenize(text).map((t) => t.text).join('')).toBe(text)
  })
})

describe('translateOracleScript', () => {
  it('leaves PostgreSQL alone', () => {
    const script = 'with recursive t(n) as (select 1 union all select n + 1 from t where n < 3) select * from t'
    expect(sqlOf(script)).toEqual([script])
    expect(translateOracleScript(script, 'query').rules).toEqual([])
  })
  it('types only in type position: a column called number stays a column', () => {
    expect(sqlOf('create table t (number number(5), row_number number)')).toEqual(['create table t (number numeric(5), row_number numeric)'])
    expect(sqlOf('select number from t')).toEqual(['select number from t'])
    expect(sqlOf('select 1 as number')).toEqual(['select 1 as number'])
  })
  it('adds RECURSIVE only to a WITH that refers to itself', () => {
    expect(sqlOf('with t(n) as (select 1 from dual union all select n + 1 from t where n < 3) select * from t')[0]).toMatch(/^with recursive t\(n\)/)
    // Oracle needs a column list for recursion: without one, the inner name is the table.
    expect(sqlOf('with orders as (select * from orders) select * from orders')[0]).not.toContain('recursive')
    expect(sqlOf('with a as (select 1 x), b as (select x from a) select * from b')[0]).not.toContain('recursive')
    expect(sqlOf('select * from t with check option')[0]).not.toContain('recursive')
  })
  it('drops DROP TABLE from setups only', () => {
    expect(sqlOf('drop table t; create table t (a int)', 'setup')).toEqual(['create table t (a int)'])
    expect(sqlOf('drop table t', 'query')).toEqual(['drop table t'])
  })
  it('turns INSERT ALL with a real subquery into INSERT … SELECT', () => {
    expect(sqlOf('insert all into a (x) values (n) into b values (n, 1) select n from src')).toEqual([
      'insert into a (x) select n from (select n from src) as oracle_insert_all_source',
      'insert into b select n, 1 from (select n from src) as oracle_insert_all_source'
    ])
  })
  it('never rewrites inside strings or comments', () => {
    const script = "select 'nvl(a,b) from dual minus' -- sysdate\nfrom t"
    expect(sqlOf(script)).toEqual([script])
  })
  it('explains Oracle constructs it cannot translate', () => {
    const { notes } = translateOracleScript('select * from a, b where a.id = b.id(+) and rownum <= 3 and x = :x', 'query')
    expect(notes.join(' ')).toMatch(/ROWNUM/)
    expect(notes.join(' ')).toMatch(/\(\+\)/)
    expect(notes.join(' ')).toMatch(/Bind variables/)
  })
  it('maps a position in the translated SQL back to what was typed', () => {
    const script = "select nvl(a, 'x'),\n  bad_column\nfrom t"
    const [statement] = translateOracleScript(script, 'query').statements
    const at = statement!.sql.indexOf('bad_column')
    expect(lineAndColumn(script, sourceOffsetOf(statement!, at))).toEqual({ line: 2, column: 3 })
    // Inside replaced text, the position falls on the construct it replaced.
    expect(sourceOffsetOf(statement!, statement!.sql.indexOf('coalesce') + 3)).toBe(script.indexOf('nvl'))
  })
})
