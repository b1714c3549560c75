import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { zipSync } from 'fflate'
import { createBackend, type Backend } from '../create-backend'
import { rollDbBackup } from './rolling-backup'

const appRoot = join(__dirname, '..', '..', '..')
const open: Backend[] = []
const dirs: string[] = []

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mockroom-backup-'))
  dirs.push(dir)
  return dir
}

async function backendAt(dataDir: string): Promise<Backend> {
  const backend = await createBackend({ dataDir, appRoot, host: 'test' })
  open.push(backend)
  return backend
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Uploads a zip the way the renderer does: base64 chunks in order. */
async function upload(backend: Backend, bytes: Uint8Array, uploadId = 'upload-0001', chunk = 64 * 1024): Promise<string> {
  for (let seq = 0, at = 0; at < bytes.length || seq === 0; seq++, at += chunk) {
    await backend.api.uploadBackupChunk({ uploadId, seq, base64: Buffer.from(bytes.subarray(at, at + chunk)).toString('base64') })
  }
  return uploadId
}

const bankText = '# Imported bank\n\n## Q1: What is a data contract?\n\nAn agreement between producer and consumer.\n'

describe('backup and restore', () => {
  it('exports everything to one zip and restores it into an emptied data folder, byte for byte', async () => {
    const dataDir = tempDir()
    const first = await backendAt(dataDir)
    const library = await first.api.getLibrary({})
    const question = library.questions.find((q) => q.kind === 'behavioral')!
    const typed = await first.api.saveTypedAnswer({ sessionId: null, questionId: question.id, text: 'Situation: a slow job. I rebuilt it; it now runs in 5 minutes.' })
    await first.api.importBanks({ files: [{ name: 'contracts.md', base64: Buffer.from(bankText).toString('base64') }] })
    await first.api.setFavorite({ questionId: question.id, favorite: true })
    mkdirSync(join(dataDir, 'audio'), { recursive: true })
    const audio = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256))
    writeFileSync(join(dataDir, 'audio', `${typed.id}.wav`), audio)

    const exported = await first.api.exportBackup({})
    expect(exported.counts).toMatchObject({ answers: 1, audioFiles: 1, banks: 1, favorites: 1 })
    expect(first.mediaFile(exported.mediaPath!)).toBe(exported.path)
    const zip = readFileSync(exported.path)
    await first.close()
    open.splice(open.indexOf(first), 1)

    // A new machine: nothing but the zip.
    rmSync(dataDir, { recursive: true, force: true })
    const second = await backendAt(dataDir)
    expect(await second.api.listAnswers({})).toEqual([])
    const uploadId = await upload(second, zip)
    const preview = await second.api.previewRestore({ uploadId })
    expect(preview.backup).toMatchObject({ answers: 1, audioFiles: 1, banks: 1, favorites: 1 })
    expect(preview.current).toMatchObject({ answers: 0, audioFiles: 0, banks: 0 })
    expect(preview.warnings).toEqual([])
    // Previewing changed nothing.
    expect(await second.api.listAnswers({})).toEqual([])

    const result = await second.api.restoreBackup({ uploadId })
    expect(result.movedAsideTo).toBeNull()
    expect((await second.api.listAnswers({})).map((a) => [a.id, a.text])).toEqual([[typed.id, typed.text]])
    expect(readFileSync(join(dataDir, 'audio', `${typed.id}.wav`)).equals(audio)).toBe(true)
    const restoredLibrary = await second.api.getLibrary({})
    expect(restoredLibrary.banks.some((b) => b.source === 'imported' && b.file === 'contracts.md')).toBe(true)
    expect((await second.api.getPractice({})).favorites).toEqual([question.id])
    // The staged upload is gone once restored.
    expect(existsSync(join(dataDir, 'restore-staging', `${uploadId}.zip`))).toBe(false)
  }, 60_000)

  it('moves the data it replaces aside, and refuses damaged or foreign zips without touching anything', async () => {
    const dataDir = tempDir()
    const backend = await backendAt(dataDir)
    const library = await backend.api.getLibrary({})
    const q = library.questions[0]!
    await backend.api.saveTypedAnswer({ sessionId: null, questionId: q.id, text: 'kept in the backup' })
    const zip = readFileSync((await backend.api.exportBackup({})).path)
    const later = await backend.api.saveTypedAnswer({ sessionId: null, questionId: q.id, text: 'given after the backup' })

    const notZip = await upload(backend, new TextEncoder().encode('hello'), 'upload-notzip')
    await expect(backend.api.previewRestore({ uploadId: notZip })).rejects.toThrow(/not a zip/)
    const foreign = await upload(backend, zipSync({ 'readme.txt': new TextEncoder().encode('hi') }), 'upload-foreign')
    await expect(backend.api.previewRestore({ uploadId: foreign })).rejects.toThrow(/not a mockroom backup/)
    await expect(backend.api.uploadBackupChunk({ uploadId: 'upload-gap', seq: 3, base64: '' })).rejects.toThrow(/expected chunk 0/)

    const uploadId = await upload(backend, zip)
    const preview = await backend.api.previewRestore({ uploadId })
    expect(preview.current.answers).toBe(2)
    expect(preview.backup.answers).toBe(1)
    const result = await backend.api.restoreBackup({ uploadId })
    expect(result.movedAsideTo).toMatch(/before-restore-/)
    const aside = JSON.parse(readFileSync(join(result.movedAsideTo!, 'db.json'), 'utf8')) as { answers: Array<{ id: string }> }
    expect(aside.answers.map((a) => a.id)).toContain(later.id)
    expect((await backend.api.listAnswers({})).map((a) => a.text)).toEqual(['kept in the backup'])
  }, 60_000)
})

describe('rolling db.json backups', () => {
  it('keeps the newest five distinct copies', async () => {
    const dataDir = tempDir()
    let t = Date.UTC(2025, 0, 1)
    for (let i = 0; i < 8; i++) {
      writeFileSync(join(dataDir, 'db.json'), JSON.stringify({ version: i }))
      await rollDbBackup(dataDir, new Date((t += 60_000)))
      await rollDbBackup(dataDir, new Date((t += 60_000))) // unchanged: no new copy
    }
    const names = readdirSync(join(dataDir, 'backups', 'auto')).sort()
    expect(names).toHaveLength(5)
    expect(names.map((n) => JSON.parse(readFileSync(join(dataDir, 'backups', 'auto', n), 'utf8')).version)).toEqual([3, 4, 5, 6, 7])
  })

  it('copies db.json at start, before the store rewrites it', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'db.json'), JSON.stringify({ schemaVersion: 1, settings: {}, notices: [], sessions: [], answers: [] }))
    const before = readFileSync(join(dataDir, 'db.json'))
    await backendAt(dataDir)
    const [copy] = readdirSync(join(dataDir, 'backups', 'auto'))
    expect(readFileSync(join(dataDir, 'backups', 'auto', copy!)).equals(before)).toBe(true)
  })
})
