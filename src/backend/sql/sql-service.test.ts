import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { SqlService } from './sql-service'

/** The worker thread as the apps run it (here from its TypeScript source, through tsx). */
const workerUrl = pathToFileURL(join(__dirname, 'sql-worker.ts'))
const cacheDir = mkdtempSync(join(tmpdir(), 'mockroom-sql-cache-'))
const service = new SqlService(workerUrl, cacheDir)
afterAll(async () => {
  await service.close()
  rmSync(cacheDir, { recursive: true, force: true })
})

const endless = 'with t(n) as (select 1 from dual union all select n + 1 from t)\nselect count(*) from t'

describe('SqlService', () => {
  it('starts the engine on first use and reports how long that took', async () => {
    const prepared = await service.prepare({ setup: 'create table t (a number);\ninsert into t values (1);', references: ['select a from t'] })
    expect(prepared.engineStartMs).toBeGreaterThan(0)
    expect(prepared.tables).toMatchObject([{ name: 't', rowCount: 1, rows: [['1']] }])
    expect(prepared.references[0]?.result.rows).toEqual([['1']])
    const again = await service.prepare({ setup: '', references: [] })
    expect(again.engineStartMs).toBe(0)
  }, 240_000)

  it('stops an endless recursive WITH at the time limit, then runs the next query on a fresh engine', async () => {
    const began = Date.now()
    const stopped = await service.run({ setup: '', query: endless, limits: { timeLimitMs: 1_500, rowLimit: 1_000 } })
    expect(stopped.ok).toBe(false)
    expect(stopped.error).toMatchObject({ kind: 'timeout', where: 'query' })
    expect(stopped.error?.message).toMatch(/Stopped after 1.5 s/)
    // Stopped by the limit, not by the query finishing (it never would).
    expect(Date.now() - began).toBeLessThan(60_000)
    const next = await service.run({ setup: '', query: 'select 1 as n' })
    expect(next.result?.rows).toEqual([['1']])
  }, 240_000)

  it('keeps the initialised database in its cache folder, and a later engine starts from it', async () => {
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tar.gz'))).toHaveLength(1)
    const later = new SqlService(workerUrl, cacheDir)
    try {
      const outcome = await later.run({ setup: 'create table t (a varchar2(5));', query: 'select dummy from dual' })
      expect(outcome.result?.rows).toEqual([['X']])
    } finally {
      await later.close()
    }
  }, 240_000)
})
