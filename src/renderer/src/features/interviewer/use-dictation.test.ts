// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Microphone from '../../lib/microphone'

/** The backend as the hook sees it, through the renderer's api module. */
const backend = vi.hoisted(() => ({ transcribeClip: vi.fn(), cancelClip: vi.fn() }))
vi.mock('../../lib/api', () => ({ api: backend }))
vi.mock('../../lib/microphone', async (original) => ({
  ...(await original<typeof Microphone>()),
  openMicrophone: async () => ({ getTracks: () => [{ stop: () => undefined }] })
}))

/** The recorder's worklet as far as the hook uses it: chunks come in, "flush" is answered. */
class FakeWorkletNode {
  static last: FakeWorkletNode | null = null
  readonly listeners: Array<(event: { data: { type: string } }) => void> = []
  readonly port = {
    onmessage: null as ((event: { data: { type: string; pcm?: ArrayBuffer } }) => void) | null,
    addEventListener: (_type: string, listener: (event: { data: { type: string } }) => void) => this.listeners.push(listener),
    postMessage: (message: { type: string }) => {
      if (message.type === 'flush') queueMicrotask(() => this.listeners.forEach((listener) => listener({ data: { type: 'flushed' } })))
    }
  }
  constructor() {
    FakeWorkletNode.last = this
  }
  connect<T>(next: T): T {
    return next
  }
  disconnect(): void {}
  /** The worklet sends `seconds` of 16 kHz PCM. */
  speak(seconds: number): void {
    this.port.onmessage?.({ data: { type: 'chunk', pcm: new ArrayBuffer(seconds * 32_000) } })
  }
}

class FakeAudioContext {
  readonly audioWorklet = { addModule: async () => undefined }
  readonly destination = {}
  createMediaStreamSource = () => ({ connect: <T>(next: T) => next })
  createGain = () => ({ gain: { value: 1 }, connect: <T>(next: T) => next })
  close = async () => undefined
}

/** A promise the test settles itself, to hold a transcription in flight. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((settle) => (resolve = settle))
  return { promise, resolve }
}

const { useDictation } = await import('./use-dictation')

beforeEach(() => {
  vi.stubGlobal('AudioContext', FakeAudioContext)
  vi.stubGlobal('AudioWorkletNode', FakeWorkletNode)
  backend.transcribeClip.mockReset()
  backend.cancelClip.mockReset().mockResolvedValue({ cancelled: true })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A dictation hook that is recording, with two seconds of speech captured. */
async function recording(keyTerms?: readonly string[]) {
  const onText = vi.fn()
  const hook = renderHook(() => useDictation({ purpose: 'clarify', microphoneId: null, keyTerms, onText }))
  await act(() => hook.result.current.start())
  expect(hook.result.current.state).toBe('recording')
  act(() => FakeWorkletNode.last?.speak(2))
  return { hook, onText }
}

describe('useDictation', () => {
  it('Stop sends the clip once, named, with the key terms, and hands back the words', async () => {
    backend.transcribeClip.mockResolvedValue({ text: ' how many users? ' })
    const { hook, onText } = await recording(['DAU', 'Kafka'])
    await act(() => hook.result.current.stop())
    expect(backend.transcribeClip).toHaveBeenCalledTimes(1)
    const [sent] = backend.transcribeClip.mock.calls[0] as [{ pcmBase64: string; purpose: string; clipId: string; keyTerms: string[] }]
    expect(sent).toMatchObject({ purpose: 'clarify', keyTerms: ['DAU', 'Kafka'], clipId: expect.stringMatching(/^clip-/) })
    expect(atob(sent.pcmBase64)).toHaveLength(64_000)
    expect(onText).toHaveBeenCalledWith('how many users?')
    expect(hook.result.current.state).toBe('idle')
    expect(backend.cancelClip).not.toHaveBeenCalled()
  })

  it('Escape while transcribing cancels that clip on the backend and ignores its late answer', async () => {
    const answer = deferred<{ text: string }>()
    backend.transcribeClip.mockReturnValue(answer.promise)
    const { hook, onText } = await recording()
    let stopping: Promise<void> = Promise.resolve()
    act(() => {
      stopping = hook.result.current.stop()
    })
    expect(hook.result.current.state).toBe('transcribing')
    await waitFor(() => expect(backend.transcribeClip).toHaveBeenCalledTimes(1))
    act(() => hook.result.current.cancel())
    const [sent] = backend.transcribeClip.mock.calls[0] as [{ clipId: string }]
    expect(backend.cancelClip).toHaveBeenCalledWith({ clipId: sent.clipId })
    expect(hook.result.current.state).toBe('idle')
    await act(async () => {
      answer.resolve({ text: 'too late' })
      await stopping
    })
    expect(onText).not.toHaveBeenCalled()
    expect(hook.result.current.note).toBeNull()
  })

  it('a cancel while the microphone closes sends nothing at all', async () => {
    const { hook } = await recording()
    await act(async () => {
      const stopping = hook.result.current.stop()
      hook.result.current.cancel()
      await stopping
    })
    expect(backend.transcribeClip).not.toHaveBeenCalled()
    expect(backend.cancelClip).not.toHaveBeenCalled()
    expect(hook.result.current.state).toBe('idle')
  })

  it('Escape while recording drops the clip: nothing is sent', async () => {
    const { hook } = await recording()
    act(() => hook.result.current.cancel())
    expect(hook.result.current.state).toBe('idle')
    expect(backend.transcribeClip).not.toHaveBeenCalled()
  })
})
