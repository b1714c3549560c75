import { describe, expect, it } from 'vitest'
import { defaultSettings } from '@shared/settings'
import { addPracticeState, migrate } from './db-schema'

describe('practice migration', () => {
  it('gives a version-1 file empty cards and favorites and keeps everything else', () => {
    const v1 = { schemaVersion: 1, settings: defaultSettings, notices: [], sessions: [], answers: [] }
    const db = migrate(v1)
    expect(db.practice).toEqual({ cards: [], favorites: [] })
    expect(db.settings).toEqual(defaultSettings)
  })

  it('is idempotent: practice data already present is kept', () => {
    const practice = { cards: [], favorites: [{ questionId: 'q', addedAt: '2025-01-01T00:00:00.000Z' }] }
    expect(addPracticeState({ practice }).practice).toEqual(practice)
    expect(addPracticeState(addPracticeState({})).practice).toEqual({ cards: [], favorites: [] })
  })
})
