import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** The rolling copies of db.json: `<data>/backups/auto/db-<time>.json`, newest five kept. */
export const AUTO_BACKUP_KEEP = 5

export function autoBackupDir(dataDir: string): string {
  return join(dataDir, 'backups', 'auto')
}

const stampOf = (now: Date): string => now.toISOString().replace(/[:.]/g, '-')
const isAutoBackup = (name: string): boolean => /^db-\d{4}-\d\d-\d\dT[\d-]+Z(-\d+)?\.json$/.test(name)

/**
 * Copies db.json, byte for byte, before anything rewrites it (at start, before a migration,
 * and before a restore). A copy identical to the newest one is not made again, so restarting
 * five times does not push out the only copy of last week's data.
 */
export async function rollDbBackup(dataDir: string, now: Date, keep = AUTO_BACKUP_KEEP): Promise<string | null> {
  const source = join(dataDir, 'db.json')
  const bytes = await readFile(source).catch(() => null) // no db.json yet: nothing to back up
  if (!bytes || bytes.length === 0) return null
  const dir = autoBackupDir(dataDir)
  await mkdir(dir, { recursive: true })
  const existing = (await readdir(dir)).filter(isAutoBackup).sort()
  const newest = existing.at(-1)
  if (newest && (await readFile(join(dir, newest))).equals(bytes)) return null
  let name = `db-${stampOf(now)}.json`
  for (let n = 2; existing.includes(name); n++) name = `db-${stampOf(now)}-${n}.json`
  await copyFile(source, join(dir, name))
  const all = [...existing, name].sort()
  await Promise.all(all.slice(0, Math.max(0, all.length - keep)).map((old) => rm(join(dir, old), { force: true })))
  return join(dir, name)
}

export async function listAutoBackups(dataDir: string): Promise<Array<{ file: string; bytes: number; createdAt: string }>> {
  const dir = autoBackupDir(dataDir)
  const names = (await readdir(dir).catch(() => [] as string[])).filter(isAutoBackup).sort().reverse() // no backups folder yet: nothing to prune
  return Promise.all(
    names.map(async (file) => {
      const info = await stat(join(dir, file))
      return { file, bytes: info.size, createdAt: info.mtime.toISOString() }
    })
  )
}
