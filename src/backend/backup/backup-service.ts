import { createHash } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { unzipSync, ZipDeflate, ZipPassThrough } from 'fflate'
import { z } from 'zod'
import { AppError } from '@shared/api/result'
import type { BackupCounts, BackupExport, BackupStatus, RestorePreview, RestoreResult } from '@shared/backup-schema'
import { DbSchema, migrate, MigrationError, type Db } from '../storage/db-schema'
import type { Store } from '../storage/store'
import { BACKUP_FOLDERS, DB_ENTRY, folderOfEntry, MANIFEST } from './backup-entries'
import { listAutoBackups, rollDbBackup } from './rolling-backup'
import { ZipFileWriter } from './zip-file-writer'

const ManifestSchema = z.object({
  app: z.literal('mockroom'),
  format: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() }))
})
type Manifest = z.infer<typeof ManifestSchema>

export interface BackupServiceOptions {
  dataDir: string
  store: Store
  appVersion: string
  now: () => Date
  /** Why a restore cannot run now (a recording in progress), or null. */
  busyReason: () => string | null
  /** After a restore: reload the banks, rebuild the cards. */
  afterRestore: () => Promise<void>
}

const exportNamePattern = /^mockroom-backup-[0-9TZ-]+\.zip$/
const MAX_UPLOAD_BYTES = 8 * 1024 ** 3

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')
const stampOf = (now: Date): string => now.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z')

async function filesUnder(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true }).catch(() => []) // a missing folder has no entries
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await filesUnder(root, relative)))
    else if (entry.isFile() && !entry.name.endsWith('.tmp') && !entry.name.startsWith('.')) files.push(relative)
  }
  return files
}

function countsOf(db: Pick<Db, 'answers' | 'sessions' | 'practice'>, files: readonly string[]): BackupCounts {
  return {
    answers: db.answers.length,
    sessions: db.sessions.length,
    audioFiles: files.filter((f) => f.startsWith('audio/')).length,
    banks: files.filter((f) => f.startsWith('banks/')).length,
    whiteboards:
      db.sessions.reduce((n, s) => n + s.answers.filter((a) => a.whiteboard?.svg || a.mermaid?.source.trim()).length, 0) +
      files.filter((f) => f.startsWith('whiteboards/')).length,
    favorites: db.practice.favorites.length
  }
}

/**
 * Backup and restore of everything the user made: db.json, recordings, imported banks and
 * whiteboards, in one zip with a manifest of sizes and SHA-256 sums. A restore is uploaded,
 * previewed, confirmed; it checks every file before touching anything, and moves the data it
 * replaces aside (never deletes it).
 */
export class BackupService {
  private readonly uploads = new Map<string, { nextSeq: number; bytes: number }>()

  constructor(private readonly options: BackupServiceOptions) {}

  get backupsDir(): string {
    return join(this.options.dataDir, 'backups')
  }

  private get stagingDir(): string {
    return join(this.options.dataDir, 'restore-staging')
  }

  /** The file behind `backups/<name>.zip`, for the media route (download), or null. */
  exportFile(name: string): string | null {
    return exportNamePattern.test(name) ? join(this.backupsDir, name) : null
  }

  async exportBackup(): Promise<BackupExport> {
    const { dataDir, store, now } = this.options
    await mkdir(this.backupsDir, { recursive: true })
    const at = now()
    const existing = new Set(await readdir(this.backupsDir))
    let fileName = `mockroom-backup-${stampOf(at)}.zip`
    for (let n = 2; existing.has(fileName); n++) fileName = `mockroom-backup-${stampOf(at)}-${n}.zip`
    const path = join(this.backupsDir, fileName)
    const partial = `${path}.tmp`
    const db = structuredClone(store.read())
    const dbBytes = new TextEncoder().encode(JSON.stringify(db, null, 2))
    const files = (await Promise.all(BACKUP_FOLDERS.map((folder) => filesUnder(dataDir, folder)))).flat().filter((f) => folderOfEntry(f) !== null)
    const manifest: Manifest = {
      app: 'mockroom',
      format: 1,
      createdAt: at.toISOString(),
      appVersion: this.options.appVersion,
      schemaVersion: db.schemaVersion,
      files: [{ path: DB_ENTRY, bytes: dbBytes.length, sha256: sha256(dbBytes) }]
    }
    const writer = new ZipFileWriter(partial)
    try {
      const dbEntry = new ZipDeflate(DB_ENTRY, { level: 6 })
      writer.zip.add(dbEntry)
      dbEntry.push(dbBytes, true)
      for (const relative of files) {
        // Recordings hardly compress; storing them keeps export fast.
        const entry = relative.startsWith('audio/') ? new ZipPassThrough(relative) : new ZipDeflate(relative, { level: 6 })
        writer.zip.add(entry)
        const hash = createHash('sha256')
        let bytes = 0
        const handle = await open(join(dataDir, relative), 'r')
        try {
          const buffer = Buffer.alloc(1024 * 1024)
          for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
            if (bytesRead === 0) break
            const chunk = new Uint8Array(buffer.subarray(0, bytesRead))
            hash.update(chunk)
            bytes += bytesRead
            entry.push(chunk.slice(), false)
            await writer.drain()
          }
        } finally {
          await handle.close()
        }
        entry.push(new Uint8Array(0), true)
        manifest.files.push({ path: relative, bytes, sha256: hash.digest('hex') })
      }
      const manifestEntry = new ZipDeflate(MANIFEST, { level: 6 })
      writer.zip.add(manifestEntry)
      manifestEntry.push(new TextEncoder().encode(JSON.stringify(manifest, null, 2)), true)
      await writer.end()
      await rename(partial, path)
    } catch (error) {
      writer.abort()
      await rm(partial, { force: true })
      throw error
    }
    const info = await stat(path)
    return { file: fileName, path, bytes: info.size, createdAt: at.toISOString(), mediaPath: `backups/${fileName}`, counts: countsOf(db, files) }
  }

  async status(): Promise<BackupStatus> {
    const names = (await readdir(this.backupsDir).catch(() => [] as string[])).filter((n) => exportNamePattern.test(n)).sort().reverse() // no backups folder yet: no backups
    const exports = await Promise.all(
      names.map(async (file) => {
        const info = await stat(join(this.backupsDir, file))
        return { file, bytes: info.size, createdAt: info.mtime.toISOString(), mediaPath: `backups/${file}` }
      })
    )
    const automatic = (await listAutoBackups(this.options.dataDir)).map((b) => ({ ...b, mediaPath: null }))
    return { backupsDir: this.backupsDir, automatic, exports }
  }

  private uploadFile(uploadId: string): string {
    return join(this.stagingDir, `${uploadId}.zip`)
  }

  async uploadChunk(uploadId: string, seq: number, base64: string): Promise<{ receivedBytes: number }> {
    const state = this.uploads.get(uploadId)
    const expected = seq === 0 ? 0 : (state?.nextSeq ?? -1)
    if (seq !== expected) {
      throw new AppError('VALIDATION', `Backup upload ${uploadId}: expected chunk ${state?.nextSeq ?? 0}, got ${seq}. Choose the file again to restart the upload.`)
    }
    const bytes = Buffer.from(base64, 'base64')
    const received = (state && seq !== 0 ? state.bytes : 0) + bytes.length
    if (received > MAX_UPLOAD_BYTES) throw new AppError('VALIDATION', 'This file is larger than any backup mockroom makes (8 GB).')
    await mkdir(this.stagingDir, { recursive: true })
    await writeFile(this.uploadFile(uploadId), bytes, { flag: seq === 0 ? 'w' : 'a' })
    this.uploads.set(uploadId, { nextSeq: seq + 1, bytes: received })
    return { receivedBytes: received }
  }

  private async readUpload(uploadId: string): Promise<{ zip: Uint8Array; manifest: Manifest; db: Db; warnings: string[] }> {
    const zip = await readFile(this.uploadFile(uploadId)).catch(() => null) // missing: reported just below
    if (!zip) throw new AppError('NOT_FOUND', 'The uploaded backup is gone. Choose the file again.')
    let entries: Record<string, Uint8Array>
    try {
      entries = unzipSync(zip, { filter: (file) => file.name === MANIFEST || file.name === DB_ENTRY })
    } catch {
      throw new AppError('VALIDATION', 'This file is not a zip archive. Choose a backup exported by mockroom (mockroom-backup-….zip).')
    }
    const manifestBytes = entries[MANIFEST]
    const dbBytes = entries[DB_ENTRY]
    if (!manifestBytes || !dbBytes) throw new AppError('VALIDATION', 'This zip is not a mockroom backup: it has no manifest.json or db.json.')
    const manifest = ManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(manifestBytes)))
    if (!manifest.success) throw new AppError('VALIDATION', 'This zip is not a mockroom backup: its manifest.json is not one mockroom writes.')
    const dbEntry = manifest.data.files.find((f) => f.path === DB_ENTRY)
    if (!dbEntry || dbEntry.sha256 !== sha256(dbBytes)) throw new AppError('VALIDATION', 'The backup is damaged: its db.json does not match its manifest.')
    let db: Db
    try {
      db = migrate(JSON.parse(new TextDecoder().decode(dbBytes)))
    } catch (error) {
      const reason = error instanceof MigrationError || error instanceof SyntaxError ? error.message : String(error)
      throw new AppError('VALIDATION', `The backup's data cannot be read by this mockroom: ${reason}.`)
    }
    const warnings: string[] = []
    const ignored = manifest.data.files.filter((f) => f.path !== DB_ENTRY && folderOfEntry(f.path) === null)
    if (ignored.length > 0) warnings.push(`${ignored.length} file(s) in the backup are not data mockroom restores and will be skipped: ${ignored.slice(0, 3).map((f) => f.path).join(', ')}.`)
    const inZip = new Set(manifest.data.files.map((f) => f.path))
    const missingAudio = db.answers.flatMap((a) => a.takes).filter((t) => t.audioFile && !inZip.has(t.audioFile)).length
    if (missingAudio > 0) warnings.push(`${missingAudio} recording(s) named in the backup are not in it; those answers keep their text but cannot be played.`)
    return { zip, manifest: manifest.data, db, warnings }
  }

  private async currentCounts(): Promise<BackupCounts> {
    const files = (await Promise.all(BACKUP_FOLDERS.map((folder) => filesUnder(this.options.dataDir, folder)))).flat()
    return countsOf(this.options.store.read(), files)
  }

  async preview(uploadId: string): Promise<RestorePreview> {
    const { zip, manifest, db, warnings } = await this.readUpload(uploadId)
    const files = manifest.files.map((f) => f.path).filter((p) => folderOfEntry(p) !== null)
    return {
      uploadId,
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      backup: countsOf(db, files),
      current: await this.currentCounts(),
      bytes: zip.length,
      warnings
    }
  }

  async restore(uploadId: string): Promise<RestoreResult> {
    const busy = this.options.busyReason()
    if (busy) throw new AppError('CONFLICT', `Cannot restore now: ${busy}`)
    const { dataDir, store, now } = this.options
    const { zip, manifest, db } = await this.readUpload(uploadId)
    const stage = join(this.stagingDir, uploadId)
    await rm(stage, { recursive: true, force: true })
    try {
      // Every file is extracted and checked before the current data is touched.
      for (const file of manifest.files) {
        if (file.path === DB_ENTRY || folderOfEntry(file.path) === null) continue
        const bytes = unzipSync(zip, { filter: (entry) => entry.name === file.path })[file.path]
        if (!bytes || bytes.length !== file.bytes || sha256(bytes) !== file.sha256) {
          throw new AppError('VALIDATION', `The backup is damaged: ${file.path} does not match its manifest. Nothing was changed.`)
        }
        await mkdir(dirname(join(stage, file.path)), { recursive: true })
        await writeFile(join(stage, file.path), bytes)
      }
    } catch (error) {
      await rm(stage, { recursive: true, force: true })
      throw error
    }

    await rollDbBackup(dataDir, now())
    const current = await this.currentCounts()
    const hasData = current.answers + current.sessions + current.audioFiles + current.banks + current.whiteboards + current.favorites > 0
    let movedAsideTo: string | null = null
    if (hasData) {
      movedAsideTo = join(dataDir, `before-restore-${stampOf(now())}`)
      await mkdir(movedAsideTo, { recursive: true })
      await writeFile(join(movedAsideTo, DB_ENTRY), JSON.stringify(store.read(), null, 2))
    }
    for (const folder of BACKUP_FOLDERS) {
      const live = join(dataDir, folder)
      if (movedAsideTo) await rename(live, join(movedAsideTo, folder)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
      else await rm(live, { recursive: true, force: true })
      const staged = join(stage, folder)
      if (await stat(staged).catch(() => null)) await rename(staged, live) // not staged: nothing to move
      else if (folder !== 'whiteboards') await mkdir(live, { recursive: true })
    }
    await store.update((draft) => {
      const restored = DbSchema.parse(db)
      for (const key of Object.keys(draft) as Array<keyof Db>) delete draft[key]
      Object.assign(draft, restored)
    })
    await rm(stage, { recursive: true, force: true })
    await this.discard(uploadId)
    await this.options.afterRestore()
    const files = (await Promise.all(BACKUP_FOLDERS.map((folder) => filesUnder(dataDir, folder)))).flat()
    return { restored: countsOf(store.read(), files), movedAsideTo }
  }

  async discard(uploadId: string): Promise<{ discarded: true }> {
    this.uploads.delete(uploadId)
    await rm(this.uploadFile(uploadId), { force: true })
    return { discarded: true }
  }

  /** Uploads left by a window closed mid-restore. */
  async clearStaging(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true })
  }
}
