import type * as FsPromises from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { startSecurityServer, type SecurityServer } from './harness'

/**
 * A failed write used to be reported failed but kept: `store.update` set the in-memory data
 * before writing, so after ENOSPC or EROFS the "failed" answer was served and persisted by the
 * next write, and a full disk kept `db.json.*.tmp` files. Replayed on the real server, with
 * simulated failures always and with a real 256 KB tmpfs where this machine lets us mount one.
 */
const faults = vi.hoisted(() => ({ open: null as string | null, write: null as string | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  const failure = (code: string) => Object.assign(new Error(`${code}: simulated failure`), { code })
  const isDataTemp = (path: unknown) => /db\.json\..*\.tmp$/.test(String(path))
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      if (faults.open && isDataTemp(args[0])) throw failure(faults.open)
      const handle = await actual.open(...args)
      if (!faults.write || !isDataTemp(args[0])) return handle
      const code = faults.write
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile') {
            return async (data: string) => {
              await target.write(data.slice(0, 100))
              throw failure(code)
            }
          }
          const value = Reflect.get(target, property) as unknown
          return typeof value === 'function' ? value.bind(target) : value
        }
      })
    }
  }
})

const servers: SecurityServer[] = []
afterEach(() => {
  faults.open = faults.write = null
})
afterAll(async () => {
  for (const server of servers) await server.close()
})

const typedAnswer = (id: string, text = 'An answer typed while the disk was failing.') => ({ id, sessionId: null, questionId: 'q-storage', text })
const answersOnDisk = (dataDir: string) => (JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8')) as { answers: Array<{ id: string }> }).answers.map((a) => a.id)
const leftovers = (dataDir: string) => readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))

describe.each([
  ['ENOSPC (disk full, write stops half-way)', 'write', 'ENOSPC', /disk is full/],
  ['EROFS (read-only disk)', 'open', 'EROFS', /read-only/]
] as const)('simulated %s', (_name, where, code, message) => {
  it('the failed answer is reported, never served, never persisted later, and no temporary file stays', async () => {
    const server = await startSecurityServer()
    servers.push(server)
    expect(await server.call('saveTypedAnswer', typedAnswer('kept'))).toMatchObject({ ok: true })

    faults[where] = code
    const failed = await server.call('saveTypedAnswer', typedAnswer('lost'))
    expect(failed).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED', message: expect.stringMatching(message) } })
    const settings = await server.call('updateSettings', { theme: 'dark' })
    expect(settings).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } })
    expect(leftovers(server.dataDir)).toEqual([])
    faults[where] = null

    const listed = await server.call<Array<{ id: string }>>('listAnswers', {})
    expect(listed.ok && listed.value.map((a) => a.id)).toEqual(['kept'])
    expect(await server.call('getSettings')).toMatchObject({ ok: true, value: { theme: 'system' } })
    // The next successful write carries only what succeeded.
    expect(await server.call('updateSettings', { autoRecord: false })).toMatchObject({ ok: true })
    expect(answersOnDisk(server.dataDir)).toEqual(['kept'])
    expect(server.logs).toEqual([])
  })
})

/** A real, tiny filesystem: only where we may mount one (root on Linux); skipped elsewhere. */
function mountTinyTmpfs(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null
  const dir = mkdtempSync(join(tmpdir(), 'mockroom-tmpfs-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]).status === 0
  if (!mounted) rmSync(dir, { recursive: true, force: true })
  return mounted ? dir : null
}

const tinyDisk = mountTinyTmpfs()

describe.runIf(tinyDisk)('a real 256 KB tmpfs', () => {
  afterAll(async () => {
    if (!tinyDisk) return
    // Close the server on it first, so nothing holds the mount busy.
    for (const server of servers.filter((s) => s.dataDir === tinyDisk)) {
      servers.splice(servers.indexOf(server), 1)
      await server.close()
    }
    spawnSync('mount', ['-o', 'remount,rw', tinyDisk])
    spawnSync('umount', [tinyDisk])
    rmSync(tinyDisk, { recursive: true, force: true })
  })

  it('filling it up fails the write cleanly; remounted read-only, writes fail with EROFS; nothing is lost', async () => {
    const server = await startSecurityServer({ dataDir: tinyDisk! })
    servers.push(server)
    // One answer of 100,000 characters fits; the second one needs db.json and its temporary
    // copy side by side, which this disk cannot hold.
    expect(await server.call('saveTypedAnswer', typedAnswer('first', 'a'.repeat(100_000)))).toMatchObject({ ok: true })
    const full = await server.call('saveTypedAnswer', typedAnswer('second', 'b'.repeat(100_000)))
    expect(full).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED', message: expect.stringMatching(/disk is full/) } })
    expect(leftovers(tinyDisk!)).toEqual([])
    const listed = await server.call<Array<{ id: string }>>('listAnswers', {})
    expect(listed.ok && listed.value.map((a) => a.id)).toEqual(['first'])

    expect(spawnSync('mount', ['-o', 'remount,ro', tinyDisk!]).status).toBe(0)
    try {
      const readOnly = await server.call('updateSettings', { theme: 'dark' })
      expect(readOnly).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED', message: expect.stringMatching(/read-only/) } })
      expect(await server.call('getSettings')).toMatchObject({ ok: true, value: { theme: 'system' } })
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', tinyDisk!])
    }
    expect(await server.call('updateSettings', { theme: 'dark' })).toMatchObject({ ok: true })
    expect(answersOnDisk(tinyDisk!)).toEqual(['first'])
  })
})
