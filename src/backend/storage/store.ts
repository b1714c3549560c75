import { open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { AppError } from '@shared/api/result'
import { DbSchema, NewerDataFileError, emptyDb, migrate, type Db } from './db-schema'
import { codeOf, messageOf } from '@shared/errors'

export interface OpenStoreOptions {
  dataDir: string
  /** Injected so tests can name the moved-aside file deterministically. */
  now?: () => Date
}

export interface Recovery {
  /** Where the unreadable file was moved, bytes intact. */
  movedTo: string
  reason: string
}

export interface Store {
  readonly file: string
  read(): Readonly<Db>
  /**
   * Applies `change` to a copy, validates it, writes it atomically and only then makes it the
   * data everyone reads: a write that fails (disk full, read-only disk) changes nothing.
   * Writes are serialized.
   */
  update(change: (draft: Db) => void): Promise<Db>
}

export const DATA_FILE = 'db.json'

/** Temporary files of the data file: `db.json.<pid>-<n>.tmp`. */
const TEMP_FILE = /^db\.json\.(?:(\d+)-\d+|.*)\.tmp$/

let tempCounter = 0

/** An fs error as one line a user can act on (what failed, on which file, what to do). */
export function describeStorageError(error: unknown, action: string, path: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  const hints: Record<string, string> = {
    ENOSPC: 'the disk is full; free some space and try again',
    EDQUOT: 'your disk quota is used up; free some space and try again',
    EROFS: 'the disk is read-only; move the data folder (APP_DATA_DIR) to a writable disk',
    EACCES: 'permission denied; check the permissions of the data folder',
    EPERM: 'the operation is not permitted; check the permissions of the data folder',
    EISDIR: 'it is a folder, not a file',
    EIO: 'the disk reported an input/output error'
  }
  const why = (code && hints[code]) ?? messageOf(error)
  return `Could not ${action} ${path}: ${why}${code && hints[code] ? ` (${code})` : ''}.`
}

/**
 * lowdb's adapter, made durable: the JSON goes to a uniquely named temporary file that is
 * fsynced and then renamed over the data file, so a crash or power cut leaves either the old
 * or the new file, never half of one, and no two writers ever share a temporary file. A
 * write that fails removes its temporary file (a full disk must not fill up further).
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return null
      throw error
    }
  }

  async write(data: T): Promise<void> {
    tempCounter += 1
    const temporary = `${this.file}.${process.pid}-${tempCounter}.tmp`
    try {
      const handle = await open(temporary, 'w')
      try {
        await handle.writeFile(JSON.stringify(data, null, 2))
        await handle.datasync()
      } finally {
        await handle.close()
      }
      await rename(temporary, this.file)
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined) // the write error above is the one reported
      throw error
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return codeOf(error) === 'EPERM'
  }
}

/**
 * Removes temporary files that a killed or failed writer left beside the data file. A file
 * whose writer is still running (another process, or this one) is left alone.
 */
export async function removeStaleTempFiles(dataDir: string): Promise<string[]> {
  const names = await readdir(dataDir).catch(() => [] as string[]) // no data folder yet: nothing to clean
  const removed: string[] = []
  for (const name of names) {
    const match = TEMP_FILE.exec(name)
    if (!match) continue
    const pid = match[1] ? Number(match[1]) : null
    if (pid !== null && (pid === process.pid || isRunning(pid))) continue
    await rm(join(dataDir, name), { force: true, recursive: true }).catch(() => undefined) // a leftover is retried at next start
    removed.push(name)
  }
  return removed
}

/**
 * Opens the data file. A file that does not parse or validate, or a folder where the file
 * should be, is renamed (never rewritten or deleted) to `db.corrupt-<timestamp>.json` and a
 * fresh file is started; the caller tells the user where the old one is.
 */
export async function openStore({ dataDir, now = () => new Date() }: OpenStoreOptions): Promise<{
  store: Store
  recovery: Recovery | null
}> {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, DATA_FILE)
  await removeStaleTempFiles(dataDir)
  let initial = emptyDb()
  let recovery: Recovery | null = null

  const moveAside = async (reason: string) => {
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    const movedTo = join(dataDir, `db.corrupt-${stamp}.json`)
    await rename(file, movedTo).catch((error: unknown) => {
      throw new AppError('STORAGE_FAILED', describeStorageError(error, 'move aside the unreadable data file', file))
    })
    recovery = { movedTo, reason }
  }

  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    if (error.code === 'EISDIR') return { folder: true as const }
    throw new AppError('STORAGE_FAILED', describeStorageError(error, 'read the data file', file))
  })
  if (typeof text === 'object' && text !== null) {
    await moveAside(`${DATA_FILE} is a folder, not a file`)
  } else if (text !== null) {
    try {
      initial = migrate(JSON.parse(text))
    } catch (error) {
      if (error instanceof NewerDataFileError) {
        throw new Error(`${file}: ${error.message}. Update mockroom to open it; the file was left untouched.`, { cause: error })
      }
      await moveAside(messageOf(error))
    }
  }

  const adapter = new AtomicJsonFile<Db>(file)
  const low = new Low<Db>(adapter, initial)
  await low.write().catch((error: unknown) => {
    throw new AppError('STORAGE_FAILED', describeStorageError(error, 'write the data file', file))
  })

  let queue: Promise<unknown> = Promise.resolve()
  const store: Store = {
    file,
    read: () => low.data,
    update(change) {
      const run = async (): Promise<Db> => {
        const draft = structuredClone(low.data)
        change(draft)
        const next = DbSchema.parse(draft)
        // Disk first: if the write fails, readers keep the data that is really on disk.
        await adapter.write(next).catch((error: unknown) => {
          throw new AppError('STORAGE_FAILED', `${describeStorageError(error, 'save to', file)} Nothing was changed.`)
        })
        low.data = next
        return next
      }
      const next = queue.then(run, run)
      queue = next.catch(() => undefined) // the queue only orders writes; the caller gets the failure from `next`
      return next
    }
  }
  return { store, recovery }
}
