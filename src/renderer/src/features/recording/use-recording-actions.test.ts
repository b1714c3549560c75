// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnswerRecord } from '@shared/answers'

/** The backend as the hook sees it, through the renderer's api module. */
const backend = vi.hoisted(() => ({
  getAnswer: vi.fn(),
  updateAnswerText: vi.fn(),
  transcribeAnswer: vi.fn(),
  cancelTranscription: vi.fn(),
  importAnswerAudio: vi.fn()
}))
/** The microphone side: which calls the hook makes, and the state it reports. */
const recorder = vi.hoisted(() => ({
  state: 'idle' as string,
  level: 0,
  elapsedMs: 0,
  acknowledgedMs: 0,
  error: null as string | null,
  start: vi.fn(),
  stop: vi.fn(),
  pause: vi.fn(),
  resume: vi.fn(),
  clearError: vi.fn()
}))

vi.mock('../../lib/api', () => {
  class ApiError extends Error {
    constructor(
      readonly code: string,
      message: string
    ) {
      super(message)
    }
  }
  return { api: backend, ApiError, onEvent: () => () => undefined }
})
vi.mock('./use-recorder', () => ({ useRecorder: () => recorder }))

const { useRecordingActions } = await import('./use-recording-actions')
const { ApiError } = await import('../../lib/api')

const target = { answerId: 'a1', sessionId: 's1', questionId: 'q1', keyTerms: ['kafka'], timeBoxMs: 60_000, microphoneId: null }

/** An answer whose current take t1 is a finished recording with a transcript. */
function recordedAnswer(): AnswerRecord {
  const transcript = { text: 'I would use Kafka', segments: [] }
  return {
    id: 'a1',
    currentTakeId: 't1',
    takes: [{ id: 't1', source: 'recorded', state: 'ready', transcript, text: transcript.text }],
    state: 'ready',
    status: 'ready',
    source: 'recorded',
    recovered: false,
    audioFile: 'audio/a1.t1.wav',
    durationMs: 3000,
    transcript,
    text: transcript.text,
    edited: false,
    error: null,
    updatedAt: '2026-01-01T00:00:00.000Z'
  } as unknown as AnswerRecord
}

beforeEach(() => {
  recorder.state = 'idle'
  recorder.start.mockResolvedValue(null)
  recorder.stop.mockResolvedValue(null)
})
afterEach(() => vi.resetAllMocks())

describe('useRecordingActions', () => {
  it('auto-starts once when the answer phase begins and the backend says the answer is empty', async () => {
    backend.getAnswer.mockRejectedValue(new ApiError('NOT_FOUND', 'no answer yet'))
    const { result, rerender } = renderHook((props: { autoStart: boolean }) => useRecordingActions({ ...target, ...props }), {
      initialProps: { autoStart: true }
    })
    await waitFor(() => expect(result.current.loaded).toBe(true))
    expect(recorder.start).toHaveBeenCalledTimes(1)
    expect(recorder.start).toHaveBeenCalledWith({ answerId: 'a1', sessionId: 's1', questionId: 'q1', keyTerms: ['kafka'], timeBoxMs: 60_000 })
    rerender({ autoStart: true })
    expect(recorder.start).toHaveBeenCalledTimes(1)
  })

  it('never auto-starts over an answer that already holds a take, nor before the backend answered', async () => {
    let answer: (record: AnswerRecord) => void = () => undefined
    backend.getAnswer.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const { result } = renderHook(() => useRecordingActions({ ...target, autoStart: true }))
    // Still loading: an answer not known yet must not look empty.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(recorder.start).not.toHaveBeenCalled()
    await act(async () => answer(recordedAnswer()))
    await waitFor(() => expect(result.current.loaded).toBe(true))
    expect(result.current.answer?.currentTakeId).toBe('t1')
    expect(recorder.start).not.toHaveBeenCalled()
  })

  it('toggle records when idle and stops when recording (the runner’s record key)', async () => {
    backend.getAnswer.mockResolvedValue(recordedAnswer())
    const { result, rerender } = renderHook(() => useRecordingActions(target))
    await waitFor(() => expect(result.current.loaded).toBe(true))
    act(() => result.current.toggle())
    expect(recorder.start).toHaveBeenCalledTimes(1)
    expect(recorder.stop).not.toHaveBeenCalled()
    recorder.state = 'recording'
    rerender()
    act(() => result.current.toggle())
    expect(recorder.stop).toHaveBeenCalledTimes(1)
    expect(recorder.start).toHaveBeenCalledTimes(1)
  })

  it('saves a correction to the take it was started on and shows the returned record', async () => {
    backend.getAnswer.mockResolvedValue(recordedAnswer())
    const corrected = { ...recordedAnswer(), state: 'corrected', text: 'I would use Kafka with three replicas', edited: true, updatedAt: '2026-01-01T00:00:05.000Z' }
    backend.updateAnswerText.mockResolvedValue(corrected)
    const { result } = renderHook(() => useRecordingActions(target))
    await waitFor(() => expect(result.current.loaded).toBe(true))
    let saved = false
    await act(async () => {
      saved = await result.current.saveCorrection('t1', corrected.text)
    })
    expect(saved).toBe(true)
    expect(backend.updateAnswerText).toHaveBeenCalledWith({ id: 'a1', takeId: 't1', text: corrected.text })
    expect(result.current.answer?.text).toBe(corrected.text)
  })

  it('reports a failed correction in words and says it was not saved', async () => {
    backend.getAnswer.mockResolvedValue(recordedAnswer())
    backend.updateAnswerText.mockRejectedValue(new Error('the take is still recording: stop it first'))
    const { result } = renderHook(() => useRecordingActions(target))
    await waitFor(() => expect(result.current.loaded).toBe(true))
    let saved = true
    await act(async () => {
      saved = await result.current.saveCorrection('t1', 'words')
    })
    expect(saved).toBe(false)
    expect(result.current.error).toBe('the take is still recording: stop it first')
  })
})
