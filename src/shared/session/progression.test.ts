import { describe, expect, it } from 'vitest'
import { finishSessionState, leaveQuestion } from './progression'
import { createSession } from './session-schema'
import { advancePhase, createTimer, startTimer, timerStatus } from './timer'

const phases = [
  { id: 'clarify', label: 'Clarify', durationMs: 300_000 },
  { id: 'answer', label: 'Design', durationMs: 600_000 }
]
const base = createSession({
  id: 's1',
  createdAt: '2026-11-30T10:00:00.000Z',
  type: 'system-design',
  items: [
    { questionId: 'q1', phases },
    { questionId: 'q2', phases }
  ]
})
const t0 = Date.parse('2026-11-30T10:00:00.000Z')

describe('leaveQuestion', () => {
  it('records the time each phase took, and starts the next question’s clock', () => {
    // 2 minutes clarifying, then 5 minutes designing.
    const timer = advancePhase(startTimer(createTimer({ phases }, t0), t0), t0 + 120_000)
    const left = leaveQuestion({ ...base, timer }, t0 + 420_000)
    expect(left.phaseUsage).toEqual([
      { phaseId: 'clarify', usedMs: 120_000 },
      { phaseId: 'answer', usedMs: 300_000 }
    ])
    expect(left.finished).toBe(false)
    expect(left.session.currentIndex).toBe(1)
    expect(left.session.timer?.startedAt).toBe(t0 + 420_000)
    expect(timerStatus(left.session.timer!)).toBe('running')
    expect(left.session.status).toBe('in-progress')
  })

  it('finishes the session after the last question, with no clock left', () => {
    const timer = startTimer(createTimer({ phases }, t0), t0)
    const left = leaveQuestion({ ...base, currentIndex: 1, timer }, t0 + 60_000)
    expect(left.finished).toBe(true)
    expect(left.phaseUsage).toEqual([{ phaseId: 'clarify', usedMs: 60_000 }])
    expect(left.session).toMatchObject({ status: 'finished', currentIndex: 2, timer: null })
  })

  it('reports no usage for a question whose clock never started', () => {
    expect(leaveQuestion(base, t0).phaseUsage).toEqual([])
    expect(finishSessionState(base)).toMatchObject({ status: 'finished', currentIndex: 2, timer: null })
  })
})
