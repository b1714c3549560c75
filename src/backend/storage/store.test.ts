import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION, migrate } from './db-schema'
import { openStore } from './store'
import { defaultSettings } from '../../shared/settings'

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
    ['a version from the future', JSON.stringify({ schemaVersion: 99 })],
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
