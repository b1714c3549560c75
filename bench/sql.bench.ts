import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadBankLibrary } from '../src/backend/banks/load-bank-files'
import { SqlEngine } from '../src/backend/sql/sql-engine'
import { sqlDrillOf } from '../src/shared/sql/sql-drill'

const builtInDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'question-banks')

export interface BenchSqlOptions {
  rounds?: number
}

/**
 * The SQL drills' engine (PGlite), as its worker thread runs it: the first start (initdb and
 * the Oracle prelude), a start from the cached initialised database (every start after the
 * first), and one run of a reference answer (setup + query in a fresh transaction) on a
 * started engine. Each figure is the median of `rounds` (5).
 */
export async function benchSql(options: BenchSqlOptions = {}): Promise<Record<string, number | string>> {
  const rounds = options.rounds ?? 5
  const library = await loadBankLibrary({ builtInDir })
  const question = library.questions.find((q) => q.title === 'Distance between two cities')
  const drill = question ? sqlDrillOf(question) : null
  if (!drill) throw new Error('the built-in bank has no "Distance between two cities" drill')
  const reference = drill.references[0]!

  const cacheDir = mkdtempSync(join(tmpdir(), 'mockroom-bench-sql-'))
  try {
    const firstStarts: number[] = []
    for (let i = 0; i < rounds; i++) {
      const started = performance.now()
      const engine = await SqlEngine.start()
      firstStarts.push(performance.now() - started)
      await engine.close()
    }
    // Writes the cache once, then times starts from it.
    await (await SqlEngine.start({ cacheDir })).close()
    const cachedStarts: number[] = []
    for (let i = 0; i < rounds; i++) {
      const started = performance.now()
      const engine = await SqlEngine.start({ cacheDir })
      cachedStarts.push(performance.now() - started)
      await engine.close()
    }
    const engine = await SqlEngine.start({ cacheDir })
    const runs: number[] = []
    let rows = 0
    await engine.run(drill.setup, reference) // warm-up
    for (let i = 0; i < rounds; i++) {
      const started = performance.now()
      const outcome = await engine.run(drill.setup, reference)
      runs.push(performance.now() - started)
      rows = outcome.result?.rows.length ?? 0
    }
    await engine.close()
    return {
      engineFirstStartMedianMs: round(median(firstStarts)),
      engineCachedStartMedianMs: round(median(cachedStarts)),
      referenceRunMedianMs: round(median(runs)),
      referenceRunQuestion: '“Distance between two cities” (setup + reference answer)',
      referenceRows: rows,
      rounds
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true })
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
