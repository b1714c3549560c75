import { describe, expect, it } from 'vitest'
import { answerView } from '@shared/answers'
import { defaultSettings } from '@shared/settings'
import { emptyDrillRecord, type SqlDrillRecord } from '@shared/sql/drill-record'
import { migrate, sqlDrillOnAnswersMigration } from './db-schema'

const at = '2026-11-20T10:00:00.000Z'
const drill = (query: string): SqlDrillRecord => ({ ...emptyDrillRecord(query, true, at), runs: 2, firstMatchAtRun: 2 })
const typedAnswer = (id: string, questionId: string, extra: object = {}) => ({
  id,
  sessionId: 's1',
  questionId,
  createdAt: at,
  updatedAt: at,
  timeBoxMs: null,
  takes: [{ id: 't1', source: 'typed', state: 'typed', createdAt: at, updatedAt: at, recovered: false, audioFile: null, durationMs: null, transcript: null, text: 'I join the table to itself', edited: false, error: null }],
  currentTakeId: 't1',
  lastTakeNumber: 1,
  ...extra
})
const phases = [{ id: 'answer', label: 'Answer', durationMs: 60_000 }]

/** A version-4 file: drills were kept only with the session's items. */
const v4 = () => ({
  schemaVersion: 4,
  settings: defaultSettings,
  notices: [],
  practice: { cards: [], favorites: [] },
  sessions: [
    {
      id: 's1',
      createdAt: at,
      type: 'drill',
      status: 'finished',
      items: [{ questionId: 'q1', phases }, { questionId: 'q2', phases }, { questionId: 'q3', phases }, { questionId: 'q4', phases }],
      currentIndex: 4,
      timer: null,
      answers: [
        { questionId: 'q1', answerId: 'a1', notes: '', skipped: false, sqlDrill: drill('select 1') },
        { questionId: 'q2', answerId: 'a2', notes: '', skipped: false, sqlDrill: drill('select 2') },
        { questionId: 'q3', answerId: 'a3', notes: '', skipped: false },
        { questionId: 'q4', answerId: 'a4', notes: '', skipped: false, sqlDrill: drill('select 4') }
      ]
    }
  ],
  answers: [typedAnswer('a1', 'q1'), typedAnswer('a3', 'q3'), typedAnswer('a4', 'q4', { sqlDrill: drill('kept: the answer’s own') })]
})

describe('migration: SQL drills kept with their answers', () => {
  it('copies each session item’s drill to its answer, and creates the answer a drill-only item never got', () => {
    const db = migrate(v4())
    const byId = new Map(db.answers.map((a) => [a.id, answerView(a)]))
    expect(byId.get('a1')).toMatchObject({ text: 'I join the table to itself', sqlDrill: { query: 'select 1', runs: 2, firstMatchAtRun: 2 } })
    // The candidate ran the query and said nothing: an answer without a take, holding the drill.
    expect(byId.get('a2')).toMatchObject({ sessionId: 's1', questionId: 'q2', takes: [], state: 'empty', sqlDrill: { query: 'select 2' } })
    // No drill: nothing changes (the later interviewer migration adds its empty threads); a drill
    // already on the answer wins.
    expect(db.answers.find((a) => a.id === 'a3')).toEqual({ ...typedAnswer('a3', 'q3'), clarifications: [], followUps: [] })
    expect(byId.get('a4')!.sqlDrill!.query).toBe('kept: the answer’s own')
    // Session items are left as they were.
    expect(db.sessions[0]!.answers).toEqual(v4().sessions[0]!.answers)
  })

  it('is idempotent, whatever number it runs as', () => {
    const step = sqlDrillOnAnswersMigration(9)
    const once = step.up(v4())
    const twice = step.up(once)
    expect(twice.answers).toEqual(once.answers)
    expect(twice.schemaVersion).toBe(9)
    expect((once.answers as unknown[]).length).toBe(4)
  })
})
