import { describe, expect, it } from 'vitest'
import { makeQuestion } from '../../../tests/fixtures/question-fixture'
import { planSession } from './plan-session'
import { createSession, SessionSchema } from './session-schema'
import { createTimer, pauseTimer, snapshotTimer, startTimer } from './timer'
import type { Question } from '../banks/types'
import type { Session } from './session-schema'

const questions: Question[] = ['q1', 'q2'].map((id) => makeQuestion({ id, kind: 'behavioral', rubricId: 'star' }))

const T0 = 1_700_000_000_000

function sampleSession(): Session {
  const plan = planSession({ type: 'behavioral', questions, count: 2, order: 'random', seed: 3 })
  const session = createSession({ id: 's1', createdAt: '2025-01-02T03:04:05.000Z', type: 'behavioral', items: plan.items })
  const timer = pauseTimer(startTimer(createTimer({ phases: plan.items[0]!.phases }, T0), T0), T0 + 90_000)
  return {
    ...session,
    timer,
    answers: [
      {
        questionId: plan.items[0]!.questionId,
        answerId: 'a1',
        notes: '',
        starScaffold: { situation: 's', task: 't', action: 'a', result: 'r' },
        whiteboard: { sceneJson: '{"elements":[]}', svg: '<svg/>', updatedAt: '2025-01-02T03:10:00Z' },
        mermaid: { source: 'flowchart LR\n A --> B', updatedAt: '2025-01-02T03:10:00+01:00' },
        skipped: false
      }
    ]
  }
}

describe('SessionSchema', () => {
  it('creates an in-progress session at its first item', () => {
    const session = createSession({ id: 's1', createdAt: '2025-01-02T03:04:05.000Z', type: 'behavioral', items: [] })
    expect(session).toMatchObject({ status: 'in-progress', currentIndex: 0, timer: null, answers: [] })
  })

  it('round-trips a session with a running timer through JSON unchanged', () => {
    const session = sampleSession()
    const restored = SessionSchema.parse(JSON.parse(JSON.stringify(session)))
    expect(restored).toEqual(session)
    expect(snapshotTimer(restored.timer!, T0 + 500_000)).toEqual(snapshotTimer(session.timer!, T0 + 500_000))
  })

  it('rejects what would corrupt the stored file', () => {
    const session = sampleSession()
    const invalid: unknown[] = [
      { ...session, createdAt: 'yesterday' },
      { ...session, status: 'paused' },
      { ...session, currentIndex: 3 },
      { ...session, answers: [{ ...session.answers[0]!, questionId: 'elsewhere' }] },
      { ...session, answers: [{ ...session.answers[0]!, skipped: undefined }] },
      { ...session, timer: { ...session.timer!, phases: [] } },
      { ...session, items: [{ questionId: 'q1', phases: [{ id: 'answer', label: 'Answer', durationMs: 0 }] }] }
    ]
    for (const value of invalid) expect(SessionSchema.safeParse(value).success).toBe(false)
    expect(SessionSchema.safeParse({ ...session, currentIndex: 2, status: 'finished', timer: null }).success).toBe(true)
  })
})
