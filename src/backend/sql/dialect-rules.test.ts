import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialectRules, type DialectRuleId } from '@shared/sql/translate-oracle'
import { SqlEngine } from './sql-engine'

/**
 * Every dialect rule, proven twice: the Oracle statement fails on plain PostgreSQL (so the
 * rule is needed), and runs with the right rows once translated.
 */
let raw: PGlite
let engine: SqlEngine

beforeAll(async () => {
  // The build's initialised database, when there is one, saves an initdb (see SqlEngine.start).
  ;[raw, engine] = await Promise.all([PGlite.create(), SqlEngine.start({ seedDir: join(__dirname, '..', '..', '..', 'vendor', 'sql-engine') })])
}, 240_000)
afterAll(async () => {
  await Promise.all([raw?.close(), engine?.close()])
})

interface Case {
  rule: DialectRuleId
  setup?: string
  query: string
  rows: (string | null)[][]
}

const cases: Case[] = [
  {
    rule: 'drop-before-create',
    setup: "drop table dist ;\ncreate table dist (src varchar(50), dest varchar(50));\ninsert into dist values ('DEL','KOL');",
    query: 'select src, dest from dist',
    rows: [['DEL', 'KOL']]
  },
  { rule: 'sqlplus-slash', setup: 'create table t (a int)\n/\ninsert into t values (1)\n/\n', query: 'select a from t', rows: [['1']] },
  {
    rule: 'insert-all',
    setup: "create table t (a int, b varchar(5));\ninsert all\ninto t values (1, 'x')\ninto t values (2, 'y')\nselect 1 from dual;",
    query: 'select a, b from t order by a',
    rows: [['1', 'x'], ['2', 'y']]
  },
  { rule: 'varchar2', setup: "create table t (a varchar2(10 char), b nvarchar2(5));\ninsert into t values ('abc', 'd');", query: 'select a, b from t', rows: [['abc', 'd']] },
  { rule: 'number-type', setup: 'create table t (a number(10,2), b number);\ninsert into t values (7, 2);', query: 'select a / b, cast(b as number) from t', rows: [['3.5000000000000000', '2']] },
  {
    rule: 'identity-number',
    setup: "create table t (id number generated always as identity, v varchar(5));\ninsert into t (v) values ('a');\ninsert into t (v) values ('b');",
    query: 'select id, v from t order by id',
    rows: [['1', 'a'], ['2', 'b']]
  },
  { rule: 'recursive-with', query: 'with t(n) as (select 1 as n union all select n + 1 from t where n < 3)\nselect * from t', rows: [['1'], ['2'], ['3']] },
  { rule: 'nvl', query: 'select nvl(null, 3)', rows: [['3']] },
  { rule: 'decode', query: "select decode(2, 1, 'one', 2, 'two', 'many'), decode(null, null, 'null matches', 'no')", rows: [['two', 'null matches']] },
  { rule: 'sysdate', query: 'select sysdate - 1 = current_date - 1', rows: [['t']] },
  { rule: 'minus', query: 'select 1 as n union select 2 minus select 2', rows: [['1']] },
  {
    rule: 'merge-where',
    setup:
      "create table d (id int, v varchar(5));\ncreate table s (id int, v varchar(5), flag varchar(1));\ninsert into d values (1, 'old');\ninsert into s values (1, 'new', 'U');\ninsert into s values (2, 'two', 'I');\ninsert into s values (3, 'no', 'U');",
    query:
      "merge into d t using s on (s.id = t.id)\nwhen matched then update set t.v = s.v where s.flag = 'U'\nwhen not matched then insert values (s.id, s.v) where s.flag = 'I';\nselect id, v from d order by id",
    rows: [['1', 'new'], ['2', 'two']]
  },
  { rule: 'dual', query: 'select dummy from dual', rows: [['X']] },
  {
    rule: 'date-functions',
    query: "select trunc(date '2020-03-15', 'YYYY'), add_months(date '2020-01-31', 1), last_day(date '2020-02-10'), trunc(sysdate) = current_date",
    rows: [['2020-01-01', '2020-02-29', '2020-02-29', 't']]
  }
]

describe('Oracle → PostgreSQL rules', () => {
  it('documents every rule exactly once and tests each', () => {
    expect(new Set(dialectRules.map((r) => r.id)).size).toBe(dialectRules.length)
    expect(cases.map((c) => c.rule).sort()).toEqual(dialectRules.map((r) => r.id).sort())
  })

  for (const c of cases) {
    it(`${c.rule}: fails untranslated, runs translated`, async () => {
      const script = `${c.setup ?? ''}\n${c.query}`
      await expect(raw.exec(`begin;\n${script};\nrollback;`).finally(() => raw.exec('rollback'))).rejects.toThrow()
      const outcome = await engine.run(c.setup ?? '', c.query)
      expect(outcome.error).toBeNull()
      expect(outcome.result?.rows).toEqual(c.rows)
    })
  }
})

describe('the engine', () => {
  it('points an error at the line and column the candidate wrote, through the translation', async () => {
    const outcome = await engine.run('create table t (a varchar2(10), b number);', "select nvl(a, 'x'),\n       decode(b, 1, 'one', 'other'),\n  missing_column\nfrom t")
    expect(outcome.error).toMatchObject({ kind: 'sql', where: 'query', line: 3, column: 3 })
    expect(outcome.error?.message).toContain('missing_column')
  })

  it('points a setup error at the setup line', async () => {
    const outcome = await engine.run('create table t (a int);\ninsert into t values (1);\ninsert into nowhere values (2);', 'select 1')
    expect(outcome.error).toMatchObject({ kind: 'sql', where: 'setup', line: 3 })
  })

  it('starts every run from a fresh database', async () => {
    const first = await engine.run('', 'create table leftover (a int); insert into leftover values (1); select * from leftover')
    expect(first.result?.rows).toEqual([['1']])
    const second = await engine.run('', 'select * from leftover')
    expect(second.error?.message).toMatch(/leftover.*does not exist/)
    const dropDual = await engine.run('', 'drop table dual')
    expect(dropDual.ok).toBe(true)
    expect((await engine.run('', 'select dummy from dual')).result?.rows).toEqual([['X']])
  })

  it('refuses statements that would end the run’s transaction', async () => {
    const outcome = await engine.run('', 'create table t (a int);\ncommit;\nselect 1')
    expect(outcome.error).toMatchObject({ kind: 'refused', line: 2 })
    expect((await engine.run('', 'select * from t')).ok).toBe(false)
  })

  it('stops an endless recursive WITH at the row limit', async () => {
    const outcome = await engine.run('', 'with t(n) as (select 1 from dual union all select n + 1 from t) select * from t', { timeLimitMs: 5000, rowLimit: 100 })
    expect(outcome.ok).toBe(true)
    expect(outcome.result?.rows).toHaveLength(100)
    expect(outcome.result?.truncated).toBe(true)
  })

  it('keeps two columns with one name apart and reports types', async () => {
    const outcome = await engine.run('', "select 1 as a, 'x' as a, date '2020-01-02' as d, 1.50::numeric as n")
    expect(outcome.result?.columns.map((c) => [c.name, c.category])).toEqual([
      ['a', 'number'],
      ['a', 'text'],
      ['d', 'date'],
      ['n', 'number']
    ])
    expect(outcome.result?.rows).toEqual([['1', 'x', '2020-01-02', '1.50']])
  })

  it('cannot read the host’s files', async () => {
    const outcome = await engine.run('', "select pg_read_file('/etc/hostname')")
    expect(outcome.ok).toBe(false)
  })
})
