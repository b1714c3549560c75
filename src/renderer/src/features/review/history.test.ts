import { describe, expect, it } from 'vitest'
import type { AnswerRecord } from '@shared/answers'
import type { Session } from '@shared/session'
import { buildHistory, describeAnswerDeletion, describeSessionDeletion } from './history'
import { defined } from '@shared/defined'

function answer(id: string, createdAt: string, sessionId: string | null, extra: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    id,
    sessionId,
    questionId: 'q',
    createdAt,
    updatedAt: createdAt,
    source: 'typed',
    status: 'ready',
    state: 'typed',
    takes: [],
    currentTakeId: null,
    lastTakeNumber: 0,
    clarifications: [],
    followUps: [],
    recovered: false,
    audioFile: null,
    durationMs: null,
    timeBoxMs: null,
    transcript: null,
    text: 'text',
    edited: false,
    error: null,
    ...extra
  }
}

function session(id: string, createdAt: string, answerIds: Array<[string, boolean?]>): Session {
  return {
    id,
    createdAt,
    type: 'system-design',
    status: 'finished',
    items: [],
    currentIndex: 0,
    timer: null,
    answers: answerIds.map(([answerId, skipped]) => ({ questionId: 'q', answerId, notes: '', skipped: skipped ?? false }))
  } as unknown as Session
}

describe('buildHistory', () => {
  const sessions = [session('old', '2025-01-01T00:00:00Z', [['a2'], ['a1']]), session('new', '2025-02-01T00:00:00Z', [['b1'], ['b2', true]])]
  const answers = [
    answer('a1', '2025-01-01T00:02:00Z', 'old'),
    answer('a2', '2025-01-01T00:05:00Z', 'old'),
    answer('b1', '2025-02-01T00:01:00Z', 'new'),
    answer('x', '2025-01-15T00:00:00Z', null),
    answer('y', '2025-03-01T00:00:00Z', null),
    answer('orphan', '2025-02-15T00:00:00Z', 'deleted-session')
  ]
  const history = buildHistory(sessions, answers)

  it('lists sessions newest first with their answers in the order reached', () => {
    expect(history.sessions.map((s) => [s.session.id, s.answers.map((a) => a.id), s.skipped])).toEqual([
      ['new', ['b1'], 1],
      ['old', ['a2', 'a1'], 0]
    ])
  })

  it('lists answers outside sessions (or whose session is gone) newest first', () => {
    expect(history.loose.map((a) => a.id)).toEqual(['y', 'orphan', 'x'])
  })
})

describe('deletion descriptions', () => {
  it('names the session, how many answers and recordings go with it', () => {
    const history = buildHistory(
      [session('s', '2025-01-01T00:00:00Z', [['a'], ['b']])],
      [answer('a', '2025-01-01T00:00:00Z', 's', { audioFile: 'audio/a.wav', source: 'recorded' }), answer('b', '2025-01-01T00:01:00Z', 's')]
    )
    const entry = defined(history.sessions[0], 'the session entry')
    expect(describeSessionDeletion(entry, '1 Jan')).toBe('This deletes the session of 1 Jan and its 2 answers, one recording included. It cannot be undone.')
    expect(describeSessionDeletion({ ...entry, answers: [] }, '1 Jan')).toBe('This deletes the session of 1 Jan (it has no answers). It cannot be undone.')
  })

  it('names every take that goes with an answer', () => {
    const take = { audioFile: 'audio/a.t1.wav' } as AnswerRecord['takes'][number]
    expect(
      describeAnswerDeletion({ audioFile: null, source: 'typed', takes: [take, { ...take, audioFile: 'audio/a.t2.wav' }, { ...take, audioFile: null }] }, 'Why Kafka?', '1 Jan')
    ).toBe('This deletes your answer to “Why Kafka?” of 1 Jan: all 3 takes, 2 recordings included. It cannot be undone.')
  })

  it('leaves out answers whose takes were all deleted', () => {
    const history = buildHistory([], [answer('kept', '2026-01-02', null), answer('emptied', '2026-01-03', null, { state: 'empty' })])
    expect(history.loose.map((a) => a.id)).toEqual(['kept'])
  })

  it('names the answer and its recording', () => {
    expect(describeAnswerDeletion({ audioFile: 'audio/a.wav', source: 'recorded' }, 'Why Kafka?', '1 Jan')).toBe(
      'This deletes your recorded answer to “Why Kafka?” of 1 Jan and its recording. It cannot be undone.'
    )
    expect(describeAnswerDeletion({ audioFile: null, source: 'typed' }, 'Why Kafka?', '1 Jan')).toBe(
      'This deletes your typed answer to “Why Kafka?” of 1 Jan. It cannot be undone.'
    )
  })
})
