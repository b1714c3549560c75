import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultInterviewerVoice, defaultSettings, SettingsPatchSchema } from '@shared/settings'
import { openStore } from './store'

/** The interviewer-voice settings were added to schema version 1 with defaults, not a migration. */
describe('interviewer voice settings in the data file', () => {
  const { interviewerVoice: _added, ...settingsBefore } = defaultSettings

  it('loads a data file written before they existed, with the defaults filled in and nothing moved aside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-voice-'))
    writeFileSync(
      join(dir, 'db.json'),
      JSON.stringify({ schemaVersion: 1, settings: { ...settingsBefore, theme: 'dark' }, notices: [], sessions: [], answers: [] })
    )
    const { store, recovery } = await openStore({ dataDir: dir })
    expect(recovery).toBeNull()
    expect(store.read().settings.theme).toBe('dark')
    expect(store.read().settings.interviewerVoice).toEqual(defaultInterviewerVoice)
  })

  it('keeps a chosen voice when a patch changes something else', () => {
    expect(SettingsPatchSchema.parse({ theme: 'light' })).toEqual({ theme: 'light' })
    expect(SettingsPatchSchema.parse({ interviewerVoice: { enabled: false, voiceURI: 'x', rate: 1.5 } })).toEqual({
      interviewerVoice: { enabled: false, voiceURI: 'x', rate: 1.5 }
    })
    expect(() => SettingsPatchSchema.parse({ interviewerVoice: { enabled: true, voiceURI: null, rate: 5 } })).toThrow()
  })
})
