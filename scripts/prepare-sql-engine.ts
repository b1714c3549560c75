import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cacheFileName, startDatabase } from '../src/backend/sql/sql-engine'

/**
 * Run before every build (`prebuild`): writes the SQL drills' initialised database (PGlite
 * after initdb and the Oracle prelude, ~5 MB gzipped) to vendor/sql-engine/, so the engine's
 * first start in a new data folder loads it instead of running initdb (about four times
 * faster). Does nothing when the file for this PGlite and prelude is already there.
 */
const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'vendor', 'sql-engine')
if (existsSync(join(dir, cacheFileName()))) {
  console.log(`sql engine: vendor/sql-engine/${cacheFileName()} is up to date`)
} else {
  const started = Date.now()
  const db = await startDatabase(dir)
  await db.close()
  console.log(`sql engine: wrote vendor/sql-engine/${cacheFileName()} in ${Math.round((Date.now() - started) / 1000)} s`)
}
