import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqlDrillOf } from '@shared/sql/sql-drill'
import { loadBankLibrary } from '../banks/load-bank-files'
import { SqlEngine } from './sql-engine'

/**
 * The acceptance list: every built-in SQL question with a setup script, whether its setup and
 * its reference answer run here (after the Oracle translation), and how many rows each
 * reference query returns. The list is printed, so a run shows it.
 */
let engine: SqlEngine
beforeAll(async () => {
  engine = await SqlEngine.start({ seedDir: join(__dirname, '..', '..', '..', 'vendor', 'sql-engine') })
}, 240_000)
afterAll(() => engine?.close())

interface Row {
  title: string
  setupRuns: boolean
  referenceRuns: boolean
  referenceRows: number[]
  why: string | null
}

describe('built-in SQL drills', () => {
  it('runs the setup and the reference answer of at least 90 % of them; the rest say why', async () => {
    const library = await loadBankLibrary({ builtInDir: join(__dirname, '..', '..', '..', 'question-banks') })
    const rows: Row[] = []
    for (const question of library.questions) {
      const drill = sqlDrillOf(question)
      if (!drill) continue
      const prepared = await engine.prepare(drill.setup, drill.references)
      const failed = prepared.referenceErrors.find((error) => error !== null)
      const referenceRuns = prepared.setup.ok && drill.references.length > 0 && !failed
      rows.push({
        title: question.title,
        setupRuns: prepared.setup.ok,
        referenceRuns,
        referenceRows: prepared.references.map((r) => r.result.rows.length),
        why: referenceRuns ? null : (drill.referenceUnavailable ?? prepared.setup.error?.message ?? failed?.message ?? 'unknown')
      })
    }
    console.log(
      ['question | setup | reference | rows per reference query | why not', ...rows.map((r) => `${r.title} | ${r.setupRuns ? 'runs' : 'fails'} | ${r.referenceRuns ? 'runs' : 'does not run'} | ${r.referenceRows.join(', ') || '-'} | ${r.why ?? ''}`)].join('\n')
    )
    expect(rows).toHaveLength(11)
    const running = rows.filter((r) => r.setupRuns && r.referenceRuns)
    expect(running.length / rows.length).toBeGreaterThanOrEqual(0.9)
    for (const row of rows.filter((r) => !r.referenceRuns)) expect(row.why).toBeTruthy()
    // Row counts checked by hand against the data (see each question's setup).
    expect(Object.fromEntries(rows.map((r) => [r.title, r.referenceRows]))).toEqual({
      'Distance between two cities': [2],
      'Employee timesheets': [1, 4],
      'Batsman Outscoring Himself': [6],
      'Begin and End Price': [5, 5],
      'Consecutive winning streak': [34],
      'Users were active in the month of January.': [4],
      'Worst case and Best case with joins': [],
      'Three consecutive seats availability in theatres.': [3],
      'Create all combinations of teams from one table.': [6],
      'Frequently brought products in a table.': [6],
      'SQL for Merge SCD2 Type': [6]
    })
    expect(rows.find((r) => r.title.startsWith('Worst case'))?.why).toContain('7, 8, 8, 9, 20')
  }, 240_000)

  it('the setup of “Worst case and Best case with joins” gives the counts its answer states', async () => {
    const library = await loadBankLibrary({ builtInDir: join(__dirname, '..', '..', '..', 'question-banks') })
    const drill = sqlDrillOf(library.questions.find((q) => q.title.startsWith('Worst case'))!)!
    const joins = ['inner join tb2 using(pk)', 'left outer join tb2 using(pk)', 'right outer join tb2 using(pk)', 'full outer join tb2 using(pk)', 'cross join tb2']
    const counts = []
    for (const join of joins) counts.push((await engine.run(drill.setup, `select * from tb1 ${join}`)).result?.rows.length)
    expect(counts).toEqual([7, 8, 8, 9, 20])
  }, 120_000)
})
