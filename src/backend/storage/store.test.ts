import type * as FsPromises from 'node:fs/promises'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CURRENT_SCHEMA_VERSION, migrate } from './db-schema'
import { openStore } from './store'
import { defaultSettings } from '@shared/settings'

/**
 * Simulated disk failures on the data file's temporary files: `open` refusing (read-only
 * disk), a write that stops half-way (disk full), `rename` refusing.
 */
const faults = vi.hoisted(() => ({ open: null as string | null, write: null as string | null, rename: null as string | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  const failure = (code: string) => Object.assign(new Error(`${code}: simulated failure`), { code })
  const isTemp = (path: unknown) => String(path).endsWith('.tmp')
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      if (faults.open && isTemp(args[0])) throw failure(faults.open)
      const handle = await actual.open(...args)
      if (!faults.write || !isTemp(args[0])) return handle
      const code = faults.write
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile') {
            return async (data: string) => {
              await target.write(data.slice(0, 10))
              throw failure(code)
            }
          }
          const value = Reflect.get(target, property) as unknown
          return typeof value === 'function' ? value.bind(target) : value
        }
      })
    },
    rename: async (...args: Parameters<typeof actual.rename>) => {
      if (faults.rename && isTemp(args[0])) throw failure(faults.rename)
      return actual.rename(...args)
    }
  }
})
afterEach(() => {
  faults.open = faults.write = faults.rename = null
})

const fixedNow = () => new Date('2026-11-22T10:11:12.345Z')
const freshDir = () => mkdtempSync(join(tmpdir(), 'mockroom-store-'))

describe('openStore', () => {
  it('creates a valid file with defaults in an empty folder', async () => {
    const dir = freshDir()
    const { store, recovery } = await openStore({ dataDir: dir })
    expect(recovery).toBeNull()
    expect(store.read().settings).toEqual(defaultSettings)
    expect(JSON.parse(readFileSync(join(dir, 'db.json'), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
  })

  it('keeps what was written across reopenings', async () => {
    const dir = freshDir()
    const first = await openStore({ dataDir: dir })
    await first.store.update((db) => {
      db.settings.theme = 'dark'
    })
    const second = await openStore({ dataDir: dir })
    expect(second.store.read().settings.theme).toBe('dark')
  })

  it.each([
    ['not JSON', '{"schemaVersion": 1, "settings": '],
    ['not an object', '[1, 2, 3]'],
    ['an invalid setting', JSON.stringify({ schemaVersion: 1, settings: { ...defaultSettings, theme: 'purple' }, notices: [] })],
    ['binary garbage', '\u0000\u00ff\u00fe']
  ])('moves aside a file holding %s, bytes intact, and starts fresh', async (_name, content) => {
    const dir = freshDir()
    const bytes = Buffer.from(content, 'latin1')
    writeFileSync(join(dir, 'db.json'), bytes)
    const { store, recovery } = await openStore({ dataDir: dir, now: fixedNow })
    expect(recovery?.movedTo).toBe(join(dir, 'db.corrupt-2026-11-22T10-11-12-345Z.json'))
    expect(readFileSync(recovery!.movedTo).equals(bytes)).toBe(true)
    expect(store.read().settings).toEqual(defaultSettings)
    expect(readdirSync(dir).sort()).toEqual(['db.corrupt-2026-11-22T10-11-12-345Z.json', 'db.json'])
  })

  it('serializes concurrent updates so none is lost', async () => {
    const { store } = await openStore({ dataDir: freshDir() })
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((db) => {
          db.notices.push({ id: `n${i}`, kind: 'audio-recovered', severity: 'info', message: 'm', path: null, createdAt: 'now' })
        })
      )
    )
    expect(store.read().notices.map((n) => n.id)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`))
  })

  it('refuses an update that would make the data invalid, and keeps the old data', async () => {
    const dir = freshDir()
    const { store } = await openStore({ dataDir: dir })
    await expect(
      store.update((db) => {
        ;(db.settings as { theme: string }).theme = 'purple'
      })
    ).rejects.toThrow()
    expect(store.read().settings.theme).toBe('system')
    expect(JSON.parse(readFileSync(join(dir, 'db.json'), 'utf8')).settings.theme).toBe('system')
    await store.update((db) => {
      db.settings.autoRecord = false
    })
    expect(store.read().settings.autoRecord).toBe(false)
  })
})

describe('store.update when the disk fails', () => {
  it.each([
    ['a full disk (the write stops half-way)', 'write', 'ENOSPC', /disk is full/],
    ['a read-only disk (no temporary file)', 'open', 'EROFS', /read-only/],
    ['a rename refused', 'rename', 'EACCES', /permission denied/]
  ] as const)('%s: reports the failure, keeps the old data in memory and on disk, leaves no temporary file', async (_name, where, code, message) => {
    const dir = freshDir()
    const { store } = await openStore({ dataDir: dir })
    await store.update((db) => {
      db.settings.theme = 'dark'
    })
    const before = readFileSync(join(dir, 'db.json'), 'utf8')
    faults[where] = code
    const failed = store.update((db) => {
      db.settings.theme = 'light'
    })
    await expect(failed).rejects.toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringMatching(message) })
    await expect(failed).rejects.toThrow(/Nothing was changed/)
    expect(store.read().settings.theme).toBe('dark')
    expect(readFileSync(join(dir, 'db.json'), 'utf8')).toBe(before)
    expect(readdirSync(dir)).toEqual(['db.json'])
    // The failed change is not smuggled in by the next write either.
    faults[where] = null
    await store.update((db) => {
      db.settings.autoRecord = false
    })
    const onDisk = JSON.parse(readFileSync(join(dir, 'db.json'), 'utf8')) as { settings: { theme: string; autoRecord: boolean } }
    expect(onDisk.settings).toMatchObject({ theme: 'dark', autoRecord: false })
  })

  it('a data folder that cannot be written at start is a clear error', async () => {
    faults.open = 'EROFS'
    const dir = freshDir()
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringContaining(`Could not write the data file ${join(dir, 'db.json')}: the disk is read-only`)
    })
  })
})

describe('openStore leftovers and odd files', () => {
  it('removes temporary files left by killed writers, and keeps those of a running one', async () => {
    const dir = freshDir()
    const deadPid = 2 ** 22 + 12345 // above Linux's pid_max default: never a running process
    const leftovers = [`db.json.${deadPid}-1.tmp`, `db.json.${deadPid}-2.tmp`, 'db.json.garbage.tmp']
    for (const name of leftovers) writeFileSync(join(dir, name), '{"half":')
    const running = `db.json.${process.ppid}-7.tmp`
    writeFileSync(join(dir, running), '{')
    writeFileSync(join(dir, 'notes.tmp'), 'not ours')
    await openStore({ dataDir: dir })
    expect(readdirSync(dir).sort()).toEqual(['db.json', running, 'notes.tmp'].sort())
  })

  it('moves aside a folder named db.json with a clear reason, contents intact', async () => {
    const dir = freshDir()
    mkdirSync(join(dir, 'db.json'))
    writeFileSync(join(dir, 'db.json', 'inside.txt'), 'keep me')
    const { store, recovery } = await openStore({ dataDir: dir, now: fixedNow })
    expect(recovery).toEqual({ movedTo: join(dir, 'db.corrupt-2026-11-22T10-11-12-345Z.json'), reason: 'db.json is a folder, not a file' })
    expect(readFileSync(join(recovery!.movedTo, 'inside.txt'), 'utf8')).toBe('keep me')
    expect(store.read().settings).toEqual(defaultSettings)
  })
})

describe('migrate', () => {
  it('upgrades a version-0 file (no schemaVersion) and keeps its settings', () => {
    const db = migrate({ settings: { theme: 'light' } })
    expect(db.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(db.settings).toEqual({ ...defaultSettings, theme: 'light' })
    expect(db.notices).toEqual([])
  })

  it('gives a file from before drill times the default SQL/coding and concept times, keeping the times set', () => {
    const before = {
      schemaVersion: 1,
      settings: { ...defaultSettings, defaultTimes: { behavioral: { thinkSec: 5, answerSec: 90 }, systemDesign: { clarifySec: 0, designSec: 600 } } },
      notices: [],
      sessions: [],
      answers: []
    }
    const db = migrate(before)
    expect(db.settings.defaultTimes).toEqual({
      behavioral: { thinkSec: 5, answerSec: 90 },
      systemDesign: { clarifySec: 0, designSec: 600 },
      handsOn: { readSec: 120, answerSec: 600 },
      concept: { thinkSec: 30, answerSec: 120 }
    })
  })

  it('rejects a negative or non-numeric version', () => {
    expect(() => migrate({ schemaVersion: -1 })).toThrow(/version/)
    expect(() => migrate({ schemaVersion: 'one' })).toThrow(/version/)
  })
})
