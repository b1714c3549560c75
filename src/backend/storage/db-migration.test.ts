import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerView } from '@shared/answers'
import { defaultSettings } from '@shared/settings'
import { CURRENT_SCHEMA_VERSION, NewerDataFileError, interviewerThreadsMigration, migrate } from './db-schema'
import { openStore } from './store'

const transcript = { text: 'we used kafka', segments: [], words: [], durationMs: 2000, model: 'ggml-tiny.en.bin' }

/** Answers as mockroom wrote them before takes (schema version 1). */
const v1 = {
  schemaVersion: 1,
  settings: defaultSettings,
  notices: [],
  sessions: [],
  answers: [
    {
      id: 'rec',
      sessionId: 's1',
      questionId: 'q1',
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:05:00.000Z',
      source: 'recorded',
      status: 'ready',
      recovered: false,
      audioFile: 'audio/rec.wav',
      durationMs: 2000,
      timeBoxMs: 180000,
      transcript,
      text: 'we used Kafka and Flink',
      edited: true,
      error: null
    },
    {
      id: 'typed',
      sessionId: null,
      questionId: 'q2',
      createdAt: '2026-11-01T11:00:00.000Z',
      updatedAt: '2026-11-01T11:00:00.000Z',
      source: 'typed',
      status: 'ready',
      recovered: false,
      audioFile: null,
      durationMs: null,
      timeBoxMs: null,
      transcript: null,
      text: 'my typed answer',
      edited: false,
      error: null
    },
    {
      id: 'cut',
      sessionId: null,
      questionId: 'q3',
      createdAt: '2026-11-01T12:00:00.000Z',
      updatedAt: '2026-11-01T12:00:00.000Z',
      source: 'recorded',
      status: 'recording',
      recovered: false,
      audioFile: 'audio/cut.wav',
      durationMs: 0,
      timeBoxMs: null,
      transcript: null,
      text: '',
      edited: false,
      error: null
    }
  ]
}

describe('migration to takes', () => {
  it('turns each version-1 answer into an answer whose only take holds everything it had', () => {
    const db = migrate(structuredClone(v1))
    expect(db.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    const [rec, typed, cut] = db.answers.map(answerView)
    expect(rec).toMatchObject({
      currentTakeId: 't1',
      lastTakeNumber: 1,
      state: 'corrected',
      source: 'recorded',
      audioFile: 'audio/rec.wav',
      transcript,
      text: 'we used Kafka and Flink',
      edited: true,
      durationMs: 2000,
      timeBoxMs: 180000
    })
    expect(rec!.takes).toHaveLength(1)
    expect(typed).toMatchObject({ state: 'typed', status: 'ready', source: 'typed', text: 'my typed answer' })
    // Left mid-recording: still recording, for the start-up recovery to finish.
    expect(cut).toMatchObject({ state: 'recording', audioFile: 'audio/cut.wav' })
  })

  it('is idempotent: an answer that already has takes is left as it is', () => {
    const once = migrate(structuredClone(v1))
    const again = migrate({ ...structuredClone(once), schemaVersion: 1 })
    expect(again.answers).toEqual(once.answers)
  })
})

describe('a data file from a newer mockroom', () => {
  it('is refused with one line naming the version, and left untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-newer-'))
    const bytes = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 7, settings: {}, answers: [{ something: 'new' }] })
    writeFileSync(join(dir, 'db.json'), bytes)
    const opening = openStore({ dataDir: dir })
    await expect(opening).rejects.toThrow(`data version ${CURRENT_SCHEMA_VERSION + 7}`)
    const error = (await opening.then(
      () => null,
      (e: unknown) => e
    )) as Error
    expect(error.message).not.toContain('\n')
    expect(error.message).toMatch(/newer mockroom.*Update mockroom/)
    expect(error.cause).toBeInstanceOf(NewerDataFileError)
    expect(readFileSync(join(dir, 'db.json'), 'utf8')).toBe(bytes)
    expect(readdirSync(dir)).toEqual(['db.json'])
  })
})

describe('migration to interviewer threads', () => {
  it('gives every answer empty clarifications and follow-ups, and keeps the ones an answer has', () => {
    const db = migrate(structuredClone(v1))
    for (const answer of db.answers) expect(answer).toMatchObject({ clarifications: [], followUps: [] })
    const asked = { asked: 'What scale?', reply: 'Your call — state your assumption.', kind: 'your-call', section: null, at: '2026-11-30T12:00:00.000Z' }
    const withThread = { ...structuredClone(db), schemaVersion: 4, answers: db.answers.map((a) => ({ ...a, clarifications: [asked] })) }
    const again = interviewerThreadsMigration(5).up(withThread as unknown as Record<string, unknown>)
    expect((again.answers as Array<{ clarifications: unknown[] }>).every((a) => a.clarifications.length === 1)).toBe(true)
  })
})
