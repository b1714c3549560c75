import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { AnswerRecord } from '@shared/answers'
import { api } from '../../lib/api'
import { PCM_SAMPLE_RATE as SAMPLE_RATE, describeMicError, openMicrophone, toBase64 } from '../../lib/microphone'
import { messageOf } from '@shared/errors'
import { defined } from '@shared/defined'

export type RecorderState = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping'

export interface RecordingTarget {
  answerId: string
  sessionId: string | null
  questionId: string
  keyTerms: string[]
  timeBoxMs?: number
}

interface Capture {
  stream: MediaStream
  context: AudioContext
  node: AudioWorkletNode
  /** The take the backend opened for this recording; every chunk names it. */
  takeId: string
  /** Chunks go out one at a time, in order: the backend refuses gaps. */
  sending: Promise<void>
  seq: number
  failed: boolean
  /** When the last chunk went out, so a pause can keep the take alive. */
  lastSentAt: number
  keepAlive: ReturnType<typeof setInterval>
}

/**
 * The backend closes a take that hears nothing for 10 s (its page is taken to be gone), so
 * while paused the recorder says it is still there with an empty chunk every few seconds.
 */
const KEEP_ALIVE_MS = 3000

/**
 * The microphone, captured through an AudioWorklet as 16 kHz mono PCM and streamed to the
 * backend a second at a time (`appendAudio`). Elapsed time counts the audio actually sent, so
 * it stops while paused and matches the saved WAV.
 */
export function useRecorder(microphoneId: string | null) {
  const [state, setState] = useState<RecorderState>('idle')
  const [level, setLevel] = useState(0)
  const [elapsedMs, setElapsedMs] = useState(0)
  const [error, setError] = useState<string | null>(null)
  /** How much audio the backend confirmed it has on disk for this take. */
  const [acknowledgedMs, setAcknowledgedMs] = useState(0)
  const capture = useRef<Capture | null>(null)
  const target = useRef<RecordingTarget | null>(null)
  const samplesSent = useRef(0)

  const { release, releaseRef } = useRelease(capture, setLevel)

  /** Opens the microphone and a new take; resolves with the answer as the backend has it then. */
  const start = useCallback(
    async (next: RecordingTarget): Promise<AnswerRecord | null> => {
      if (capture.current) return null
      setError(null)
      setState('starting')
      let stream: MediaStream | null = null
      let context: AudioContext | null = null
      try {
        stream = await openMicrophone(microphoneId)
        context = new AudioContext()
        const { node, connect } = await openRecorderNode(context, stream)
        const opened = await api.startRecording({
          answerId: next.answerId,
          sessionId: next.sessionId,
          questionId: next.questionId,
          keyTerms: next.keyTerms,
          ...(next.timeBoxMs ? { timeBoxMs: next.timeBoxMs } : {})
        })
        const takeId = defined(opened.currentTakeId, 'the take the recording just started')
        const { current, send } = streamToBackend({ stream, context, node }, { answerId: next.answerId, takeId }, setAcknowledgedMs, (e) => {
          // The backend closed the take (restarted, the file failed, or it heard nothing for too
          // long): stop capturing; what reached the disk is kept and is transcribed.
          setError(`Recording stopped: ${messageOf(e)}`)
          target.current = null
          void releaseRef.current().then(() => setState('idle'))
        })
        capture.current = current
        target.current = next
        samplesSent.current = 0
        setElapsedMs(0)
        setAcknowledgedMs(0)
        listenToWorklet(node, setLevel, (pcm) => {
          samplesSent.current += pcm.byteLength / 2
          setElapsedMs(Math.round((samplesSent.current * 1000) / SAMPLE_RATE))
          send(pcm)
        })
        // Connected only now, so the audio starts when the backend has the file open and the
        // status says "Recording".
        connect()
        setState('recording')
        return opened
      } catch (e) {
        await closeAudio(stream, context)
        capture.current = null
        setError(describeMicError(e))
        setState('idle')
        return null
      }
    },
    [microphoneId, releaseRef]
  )

  // Pausing stops the worklet sending; the take stays open (kept alive by empty chunks).
  const pause = useCallback(() => tellWorklet(capture.current, 'pause', () => setState('paused')), [])
  const resume = useCallback(() => tellWorklet(capture.current, 'resume', () => setState('recording')), [])

  /** Sends the last audio and closes the take; resolves with the answer as the backend has it then. */
  const stop = useCallback(async (): Promise<AnswerRecord | null> => {
    const current = capture.current
    const recording = target.current
    if (!current || !recording) return null
    setState('stopping')
    await flushWorklet(current.node)
    await current.sending
    await release()
    const saved = await api
      .stopRecording({ answerId: recording.answerId, takeId: current.takeId, keyTerms: recording.keyTerms, chunks: current.seq })
      .catch((e: unknown) => {
        setError(messageOf(e))
        return null
      })
    target.current = null
    setState('idle')
    return saved
  }, [release])

  useStopWhenLeaving(stop, capture, target)

  return { state, level, elapsedMs, acknowledgedMs, error, start, pause, resume, stop, clearError: () => setError(null) }
}

/**
 * Leaving the page mid-answer keeps what was said: unmounting stops the take rather than drop it;
 * the page going away (reload, tab closed) tells the backend at once rather than let it wait for
 * the silence (what was sent is kept either way).
 */
function useStopWhenLeaving(stop: () => Promise<unknown>, capture: RefObject<Capture | null>, target: RefObject<RecordingTarget | null>): void {
  const stopRef = useRef(stop)
  useEffect(() => {
    stopRef.current = stop
  }, [stop])
  useEffect(() => () => void stopRef.current(), [])

  useEffect(() => {
    const onPageHide = () => {
      const current = capture.current
      const recording = target.current
      if (!current || !recording) return
      void api.stopRecording({ answerId: recording.answerId, takeId: current.takeId, keyTerms: recording.keyTerms, chunks: current.seq }).catch(() => undefined) // the page is going away; crash recovery closes the take at next start
    }
    window.addEventListener('pagehide', onPageHide)
    return () => window.removeEventListener('pagehide', onPageHide)
  }, [capture, target])
}

/** Releases the microphone and the audio graph of the current capture (the meter drops to 0). */
function useRelease(capture: RefObject<Capture | null>, setLevel: (level: number) => void) {
  const release = useCallback(async () => {
    const current = capture.current
    capture.current = null
    if (!current) return
    clearInterval(current.keepAlive)
    current.node.port.onmessage = null
    current.node.disconnect()
    for (const track of current.stream.getTracks()) track.stop()
    await current.context.close().catch(() => undefined) // closing a closed context is harmless
    setLevel(0)
  }, [capture, setLevel])

  const releaseRef = useRef(release)
  useEffect(() => {
    releaseRef.current = release
  }, [release])
  return { release, releaseRef }
}

/** Closes what a failed start opened; the failure itself is what the user sees, not this. */
async function closeAudio(stream: MediaStream | null, context: AudioContext | null): Promise<void> {
  for (const track of stream?.getTracks() ?? []) track.stop()
  await context?.close().catch(() => undefined)
}

/** Tells the capturing worklet to pause or resume, then `then` (nothing without a capture). */
function tellWorklet(current: Capture | null, type: 'pause' | 'resume', then: () => void): void {
  if (!current) return
  current.node.port.postMessage({ type })
  then()
}

/** The worklet's messages: the level (as the meter shows it) and each chunk of PCM. */
function listenToWorklet(node: AudioWorkletNode, onLevel: (level: number) => void, onPcm: (pcm: ArrayBuffer) => void): void {
  node.port.onmessage = (event: MessageEvent<{ type: string; pcm?: ArrayBuffer; rms?: number; peak?: number }>) => {
    const message = event.data
    if (message.type === 'level') onLevel(meterLevel(message.rms ?? 0))
    else if (message.type === 'chunk' && message.pcm) onPcm(message.pcm)
  }
}

/** The recorder worklet on the microphone; `connect` starts the audio flowing (once the take is open). */
async function openRecorderNode(context: AudioContext, stream: MediaStream) {
  await context.audioWorklet.addModule(new URL('recorder-worklet.js', document.baseURI).href)
  const source = context.createMediaStreamSource(stream)
  const node = new AudioWorkletNode(context, 'mockroom-recorder', { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1 })
  // A silent path to the output keeps the graph pulling in every browser.
  const mute = context.createGain()
  mute.gain.value = 0
  return { node, connect: () => void source.connect(node).connect(mute).connect(context.destination) }
}

/** The worklet sends what it holds of the last second, then says so (or a second passes). */
function flushWorklet(node: AudioWorkletNode): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1000)
    node.port.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
      if (event.data.type === 'flushed') {
        clearTimeout(timer)
        resolve()
      }
    })
    node.port.postMessage({ type: 'flush' })
  })
}

/** An RMS level as dBFS mapped onto 0–100 (−60 dB is the floor of the meter). */
function meterLevel(rms: number): number {
  const db = 20 * Math.log10(Math.max(1e-6, rms))
  return Math.max(0, Math.min(100, ((db + 60) / 60) * 100))
}

/**
 * The capture of one take, and `send`, which streams a chunk of it to the backend after the ones
 * before (an empty chunk keeps a paused take alive). The first failed chunk ends the sending.
 */
function streamToBackend(
  audio: Pick<Capture, 'stream' | 'context' | 'node'>,
  take: { answerId: string; takeId: string },
  onAcknowledged: (receivedMs: number) => void,
  onFailed: (error: unknown) => void
): { current: Capture; send: (pcm: ArrayBuffer) => void } {
  const current: Capture = {
    ...audio,
    takeId: take.takeId,
    sending: Promise.resolve(),
    seq: 0,
    failed: false,
    lastSentAt: Date.now(),
    keepAlive: setInterval(() => {
      if (Date.now() - current.lastSentAt >= KEEP_ALIVE_MS) send(new ArrayBuffer(0))
    }, 1000)
  }
  const send = (pcm: ArrayBuffer) => {
    const seq = current.seq++
    current.lastSentAt = Date.now()
    current.sending = current.sending.then(async () => {
      if (current.failed) return
      try {
        const { receivedMs } = await api.appendAudio({ answerId: take.answerId, takeId: current.takeId, seq, pcmBase64: toBase64(pcm) })
        onAcknowledged(receivedMs)
      } catch (e) {
        current.failed = true
        onFailed(e)
      }
    })
  }
  return { current, send }
}
