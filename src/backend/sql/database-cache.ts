import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { oraclePrelude } from '@shared/sql/translate-oracle'

/** Starting PGlite with the Oracle prelude from an initialised database kept on disk, for SqlEngine (sql-engine.ts). */

export function cacheFileName(): string {
  // A new PGlite or a new prelude makes a new file, so a stale database is never loaded.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
  const preludeHash = createHash('sha256').update(oraclePrelude).digest('hex').slice(0, 12)
  return `pglite-${version}-${preludeHash}.tar.gz`
}

/**
 * `seedDir` is a read-only copy made at build time (scripts/prepare-sql-engine.ts writes
 * vendor/sql-engine/), so even a new data folder skips initdb; `cacheDir` is the user's own.
 */
export async function startDatabase(cacheDir: string | undefined, seedDir?: string): Promise<PGlite> {
  const name = cacheFileName()
  const file = cacheDir ? join(cacheDir, name) : null
  for (const candidate of [file, seedDir ? join(seedDir, name) : null]) {
    if (!candidate || !existsSync(candidate)) continue
    try {
      const db = await PGlite.create({ loadDataDir: new Blob([readFileSync(candidate)]) })
      await db.query('select dummy from dual')
      return db
    } catch {
      // A damaged or partial file: try the next, or start from scratch below (which rewrites the cache).
    }
  }
  const db = await PGlite.create()
  await db.exec(oraclePrelude)
  if (file) {
    try {
      const dump = await db.dumpDataDir('gzip')
      mkdirSync(dirname(file), { recursive: true })
      const temporary = `${file}.${process.pid}.tmp`
      writeFileSync(temporary, new Uint8Array(await dump.arrayBuffer()))
      renameSync(temporary, file)
    } catch {
      // Only a cache: the engine runs without it, and the next start tries again.
    }
  }
  return db
}
