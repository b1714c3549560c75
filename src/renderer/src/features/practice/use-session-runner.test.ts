// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSession, createTimer, startTimer, timerStatus, type Session } from '@shared/session'

/** The backend as the hook sees it, through the renderer's api module. */
const backend = vi.hoisted(() => ({
  getSession: vi.fn(),
  listAnswers: vi.fn(),
  updateSession: vi.fn(),
  saveSessionItem: vi.fn(),
  saveTypedAnswer: vi.fn()
}))
const navigate = vi.hoisted(() => vi.fn())

vi.mock('../../lib/api', () => ({ api: backend, onEvent: () => () => undefined }))
vi.mock('../../lib/settings-context', () => ({ useSettings: () => ({ settings: { warningSound: false, autoRecord: false } }) }))
vi.mock('react-router', () => ({ useNavigate: () => navigate }))
vi.mock('../library', () => ({ useQuestion: (id: string | null) => ({ question: id ? { id } : null, loading: false }) }))
vi.mock('./play-warning-beep', () => ({ playWarningBeep: vi.fn() }))

const { useSessionRunner } = await import('./use-session-runner')

const phases = [
  { id: 'prep', label: 'Prepare', durationMs: 60_000 },
  { id: 'answer', label: 'Answer', durationMs: 120_000 }
]
const fresh = createSession({
  id: 's1',
  createdAt: '2026-11-30T10:00:00.000Z',
  type: 'behavioral',
  items: [
    { questionId: 'q1', phases },
    { questionId: 'q2', phases }
  ]
})
const entry = (questionId: string) => ({ questionId, answerId: `a-${questionId}`, notes: '', skipped: false })

/** A promise the test settles itself, to hold a write in flight. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** The backend echoes what it is given, as the real one does after saving. */
beforeEach(() => {
  let stored: Session = fresh
  backend.getSession.mockImplementation(() => Promise.resolve(stored))
  backend.listAnswers.mockResolvedValue([])
  backend.updateSession.mockImplementation((patch: Partial<Session>) => {
    stored = { ...stored, ...patch }
    return Promise.resolve(stored)
  })
  backend.saveSessionItem.mockImplementation(({ questionId }: { questionId: string }) => {
    if (!stored.answers.some((a) => a.questionId === questionId)) stored = { ...stored, answers: [...stored.answers, entry(questionId)] }
    return Promise.resolve(stored)
  })
})
// Unmounting stops the clock's interval, which would otherwise tick on after the test's DOM is gone.
afterEach(() => {
  cleanup()
  vi.resetAllMocks()
})

async function startRunner() {
  const hook = renderHook(() => useSessionRunner('s1'))
  await waitFor(() => expect(hook.result.current.answer?.answerId).toBe('a-q1'))
  return hook
}

describe('useSessionRunner', () => {
  it('enters the first question: gives it an answer entry and starts and saves its clock', async () => {
    const { result } = await startRunner()
    expect(result.current.index).toBe(0)
    expect(result.current.item?.questionId).toBe('q1')
    expect(backend.saveSessionItem).toHaveBeenCalledWith({ sessionId: 's1', questionId: 'q1' })
    const savedTimer = backend.updateSession.mock.calls[0]?.[0]
    expect(savedTimer).toMatchObject({ id: 's1', currentIndex: 0, status: 'in-progress' })
    expect(timerStatus(savedTimer.timer)).toBe('running')
    expect(result.current.display?.snapshot.phaseIndex).toBe(0)
  })

  it('moves through the phases, then to the next question, saving the time each phase took', async () => {
    const { result } = await startRunner()
    act(() => result.current.startAnswering())
    expect(result.current.display?.snapshot.phaseIndex).toBe(1)

    await act(() => result.current.next())
    const left = backend.saveSessionItem.mock.calls.find(([input]) => input.phaseUsage)?.[0]
    expect(left).toMatchObject({ sessionId: 's1', questionId: 'q1' })
    expect(left.phaseUsage.map((usage: { phaseId: string }) => usage.phaseId)).toEqual(['prep', 'answer'])
    expect(left.skipped).toBeUndefined()
    expect(result.current.index).toBe(1)
    expect(result.current.item?.questionId).toBe('q2')
    expect(backend.updateSession).toHaveBeenLastCalledWith(expect.objectContaining({ currentIndex: 1, status: 'in-progress' }))
    await waitFor(() => expect(result.current.answer?.answerId).toBe('a-q2'))
  })

  it('skipping the last question finishes the session, saves it, and opens its review', async () => {
    const { result } = await startRunner()
    await act(() => result.current.next())
    await waitFor(() => expect(result.current.answer?.answerId).toBe('a-q2'))
    await act(() => result.current.skip())
    expect(backend.saveSessionItem).toHaveBeenCalledWith(expect.objectContaining({ questionId: 'q2', skipped: true }))
    expect(backend.updateSession).toHaveBeenLastCalledWith({ id: 's1', currentIndex: 2, timer: null, status: 'finished' })
    expect(result.current.session?.status).toBe('finished')
    expect(navigate).toHaveBeenCalledWith('/review?session=s1')
  })

  it('saves one write after another: a later save waits for the one before it', async () => {
    const { result } = await startRunner()
    const held = deferred<Session>()
    backend.updateSession.mockImplementationOnce(() => held.promise)
    act(() => result.current.togglePause())
    const saving = result.current.saveItem({ notes: 'use a queue' })
    await new Promise((r) => setTimeout(r, 20))
    expect(backend.saveSessionItem).not.toHaveBeenCalledWith(expect.objectContaining({ notes: 'use a queue' }))
    await act(async () => {
      held.resolve(fresh)
      await saving
    })
    expect(backend.saveSessionItem).toHaveBeenLastCalledWith({ sessionId: 's1', questionId: 'q1', notes: 'use a queue' })
  })

  it('says when progress could not be saved, and keeps going', async () => {
    const { result } = await startRunner()
    backend.updateSession.mockRejectedValueOnce(new Error('disk full.'))
    act(() => result.current.togglePause())
    await waitFor(() => expect(result.current.saveError).toMatch(/could not be saved: disk full\. Check that mockroom is still running/))
    expect(result.current.display?.snapshot.status).toBe('paused')
    act(() => result.current.dismissSaveError())
    expect(result.current.saveError).toBeNull()
  })

  it('Next question stays on the question when leaving it cannot be saved (the backend is down)', async () => {
    const { result } = await startRunner()
    backend.saveSessionItem.mockRejectedValueOnce(new Error('Cannot reach mockroom.'))
    await act(() => result.current.next())
    expect(result.current.index).toBe(0)
    expect(result.current.item?.questionId).toBe('q1')
    expect(result.current.saveError).toMatch(/could not be saved: Cannot reach mockroom\./)
    // Once it can save, Next works.
    await act(() => result.current.next())
    expect(result.current.index).toBe(1)
  })

  it('Next question stays when an edit on the page cannot be saved, and says so', async () => {
    const { result } = await startRunner()
    const unregister = result.current.registerFlush(async () => false)
    await act(() => result.current.next())
    expect(result.current.index).toBe(0)
    expect(backend.saveSessionItem).not.toHaveBeenCalledWith(expect.objectContaining({ phaseUsage: expect.anything() }))
    expect(result.current.saveError).toMatch(/could not be saved, so the question stays open with your work on screen/)
    unregister()
  })

  it('Finish session is shown finished only once the backend saved it so', async () => {
    const { result } = await startRunner()
    backend.updateSession.mockRejectedValueOnce(new Error('401: the token is stale.'))
    await act(() => result.current.finishSession())
    expect(result.current.session?.status).toBe('in-progress')
    expect(navigate).not.toHaveBeenCalled()
    expect(result.current.saveError).toMatch(/could not be saved/)
    await act(() => result.current.finishSession())
    expect(result.current.session?.status).toBe('finished')
    expect(navigate).toHaveBeenCalledWith('/review?session=s1')
  })

  it('resumes where the session was: the same question, its running clock, and the answer typed so far', async () => {
    const at = Date.now() - 30_000
    const timer = startTimer(createTimer({ phases }, at), at)
    const resumed: Session = { ...fresh, currentIndex: 1, timer, answers: [entry('q1'), entry('q2')] }
    backend.getSession.mockResolvedValue(resumed)
    const typedTake = { id: 't1', state: 'typed', text: 'a first draft' }
    backend.listAnswers.mockResolvedValue([{ id: 'a-q2', takes: [typedTake] }])

    const { result } = renderHook(() => useSessionRunner('s1'))
    await waitFor(() => expect(result.current.session).not.toBeNull())
    expect(result.current.index).toBe(1)
    expect(result.current.item?.questionId).toBe('q2')
    expect(result.current.answer?.answerId).toBe('a-q2')
    expect(result.current.display?.snapshot.status).toBe('running')
    expect(result.current.typedAnswers.get('a-q2')).toEqual({ takeId: 't1', text: 'a first draft' })
    // Nothing is created or restarted: the answer entry and the clock already exist.
    expect(backend.saveSessionItem).not.toHaveBeenCalled()
    expect(backend.updateSession).not.toHaveBeenCalled()
  })
})
