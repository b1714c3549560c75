import { describe, expect, it } from 'vitest'
import { RESUME_EXPIRY_MS, isResumable, lastTouchedAt } from './resumable'
import { createSession } from './session-schema'

const day = 24 * 60 * 60 * 1000
const session = createSession({
  id: 's1',
  createdAt: '2026-11-01T10:00:00.000Z',
  type: 'behavioral',
  items: [{ questionId: 'q1', phases: [{ id: 'answer', label: 'Answer', durationMs: 60_000 }] }]
})
const created = Date.parse(session.createdAt)

describe('the Resume list', () => {
  it('offers a session in progress for 14 days after it was last touched, then no more', () => {
    expect(isResumable(session, created + 13 * day)).toBe(true)
    expect(isResumable(session, created + RESUME_EXPIRY_MS)).toBe(false)
    const touched = { ...session, updatedAt: new Date(created + 10 * day).toISOString() }
    expect(isResumable(touched, created + 20 * day)).toBe(true)
    expect(isResumable(touched, created + 25 * day)).toBe(false)
  })

  it('counts a whiteboard saved later as a touch, and never offers a finished or abandoned session', () => {
    const drawn = {
      ...session,
      answers: [{ questionId: 'q1', answerId: 'a1', notes: '', skipped: false, whiteboard: { sceneJson: '{}', updatedAt: new Date(created + 12 * day).toISOString() } }]
    }
    expect(lastTouchedAt(drawn)).toBe(created + 12 * day)
    expect(isResumable(drawn, created + 20 * day)).toBe(true)
    expect(isResumable({ ...session, status: 'abandoned' }, created)).toBe(false)
    expect(isResumable({ ...session, status: 'finished' }, created)).toBe(false)
  })
})
