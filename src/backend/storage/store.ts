import { open, readFile, rename, rm } from 'node:fs/promises'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { DbSchema, NewerDataFileError, emptyDb, migrate, type Db } from './db-schema'

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
  /** Applies `change` to a copy, validates it, then writes atomically. Writes are serialized. */
  update(change: (draft: Db) => void): Promise<Db>
}

export const DATA_FILE = 'db.json'

let tempCounter = 0

/**
 * lowdb's adapter, made durable: the JSON goes to a uniquely named temporary file that is
 * fsynced and then renamed over the data file, so a crash or power cut leaves either the old
 * or the new file, never half of one, and no two writers ever share a temporary file.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async write(data: T): Promise<void> {
    tempCounter += 1
    const temporary = `${this.file}.${process.pid}-${tempCounter}.tmp`
    const handle = await open(temporary, 'w')
    try {
      await handle.writeFile(JSON.stringify(data, null, 2))
      await handle.datasync()
    } finally {
      await handle.close()
    }
    try {
      await rename(temporary, this.file)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }
}

/**
 * Opens the data file. A file that does not parse or validate is renamed (never rewritten or
 * deleted) to `db.corrupt-<timestamp>.json` and a fresh file is started; the caller tells the
 * user where the old one is.
 */
export async function openStore({ dataDir, now = () => new Date() }: OpenStoreOptions): Promise<{
  store: Store
  recovery: Recovery | null
}> {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, DATA_FILE)
  let initial = emptyDb()
  let recovery: Recovery | null = null

  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (text !== null) {
    try {
      initial = migrate(JSON.parse(text))
    } catch (error) {
      if (error instanceof NewerDataFileError) {
        throw new Error(`${file}: ${error.message}. Update mockroom to open it; the file was left untouched.`, { cause: error })
      }
      const stamp = now().toISOString().replace(/[:.]/g, '-')
      const movedTo = join(dataDir, `db.corrupt-${stamp}.json`)
      await rename(file, movedTo)
      recovery = { movedTo, reason: error instanceof Error ? error.message : String(error) }
    }
  }

  const low = new Low<Db>(new AtomicJsonFile<Db>(file), initial)
  await low.write()

  let queue: Promise<unknown> = Promise.resolve()
  const store: Store = {
    file,
    read: () => low.data,
    update(change) {
      const run = async (): Promise<Db> => {
        const draft = structuredClone(low.data)
        change(draft)
        low.data = DbSchema.parse(draft)
        await low.write()
        return low.data
      }
      const next = queue.then(run, run)
      queue = next.catch(() => undefined)
      return next
    }
  }
  return { store, recovery }
}
