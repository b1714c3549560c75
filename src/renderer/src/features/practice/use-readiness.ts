import { useCallback, useEffect, useRef, useState } from 'react'
import type { TranscriberCheck } from '@shared/contract'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { messageOf } from '@shared/errors'

const LISTEN_MS = 8000
/** A voice at arm's length sits well above this; a muted or dead input stays below it. */
const SOUND_DBFS = -50

export type MicrophoneCheck =
  | { state: 'idle' }
  | { state: 'listening'; level: number; heard: boolean }
  | { state: 'heard' }
  | { state: 'silent' }
  | { state: 'failed'; message: string }

export type ModelCheck = { state: 'checking' } | { state: 'done'; result: TranscriberCheck } | { state: 'failed'; message: string }

function describeMicError(error: unknown): string {
  const name = (error as DOMException | undefined)?.name
  if (name === 'NotAllowedError') return 'Microphone access was refused. Allow it for mockroom (in the browser’s address bar or the system’s privacy settings), then test again.'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone found. Plug one in and choose it in Settings, then test again.'
  if (name === 'NotReadableError') return 'The microphone is busy in another application. Close it there, then test again.'
  return `The microphone could not be opened: ${messageOf(error)}`
}

/**
 * Listens to `stream` for LISTEN_MS: reports the level (0–100) ten times a second, then whether a
 * voice was heard. Returns a stop that ends it early (and releases the microphone either way).
 */
function listenForVoice(stream: MediaStream, onLevel: (level: number, heard: boolean) => void, onDone: (heard: boolean) => void): () => void {
  const context = new AudioContext()
  const analyser = context.createAnalyser()
  analyser.fftSize = 2048
  context.createMediaStreamSource(stream).connect(analyser)
  const samples = new Float32Array(analyser.fftSize)
  let heard = false
  let frame = 0
  let shownAt = 0
  const stop = () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
    for (const track of stream.getTracks()) track.stop()
    void context.close().catch(() => undefined) // closing twice is harmless
  }
  const tick = () => {
    analyser.getFloatTimeDomainData(samples)
    let sum = 0
    for (const sample of samples) sum += sample * sample
    const db = 20 * Math.log10(Math.max(1e-6, Math.sqrt(sum / samples.length)))
    heard ||= db > SOUND_DBFS
    // The meter moves ten times a second: enough to see, without redrawing the page per frame.
    const at = performance.now()
    if (at - shownAt >= 100) {
      shownAt = at
      // dBFS onto 0–100 (−60 dB is the floor), like the recorder's meter.
      onLevel(Math.max(0, Math.min(100, ((db + 60) / 60) * 100)), heard)
    }
    frame = requestAnimationFrame(tick)
  }
  const timer = setTimeout(() => {
    stop()
    onDone(heard)
  }, LISTEN_MS)
  tick()
  return stop
}

/**
 * Readiness before a session: the microphone (a level meter for a few seconds, started by the
 * user, or at once where access is already granted) and the Whisper model (the backend's
 * self-test, run once per model file). Each says what to fix in its own words.
 */
export function useReadiness() {
  const { settings } = useSettings()
  const [microphone, setMicrophone] = useState<MicrophoneCheck>({ state: 'idle' })
  const [model, setModel] = useState<ModelCheck>({ state: 'checking' })
  const stopListening = useRef<(() => void) | null>(null)

  const checkModel = useCallback((force = false) => {
    setModel({ state: 'checking' })
    api.checkTranscriber({ force }).then(
      (result) => setModel({ state: 'done', result }),
      (error: unknown) => setModel({ state: 'failed', message: messageOf(error) })
    )
  }, [])

  const testMicrophone = useCallback(async () => {
    stopListening.current?.()
    setMicrophone({ state: 'listening', level: 0, heard: false })
    let stream: MediaStream
    try {
      const deviceId = settings.microphoneId
      stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { ideal: deviceId } } : true })
    } catch (error) {
      setMicrophone({ state: 'failed', message: describeMicError(error) })
      return
    }
    const stop = listenForVoice(stream, (level, heard) => setMicrophone({ state: 'listening', level, heard }), (heard) => {
      stopListening.current = null
      setMicrophone({ state: heard ? 'heard' : 'silent' })
    })
    stopListening.current = () => {
      stop()
      stopListening.current = null
    }
  }, [settings.microphoneId])

  useEffect(() => {
    checkModel()
    // Where the page may already use the microphone, test it without asking for a click.
    let cancelled = false
    void navigator.permissions
      ?.query({ name: 'microphone' as PermissionName })
      .then((status) => {
        if (!cancelled && status.state === 'granted') void testMicrophone()
      })
      .catch(() => undefined) // browsers without this permission name: the button is there
    return () => {
      cancelled = true
      stopListening.current?.()
    }
    // Once per visit of the setup screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const modelReady = model.state === 'done' && model.result.ready
  const microphoneProblem = microphone.state === 'failed' || microphone.state === 'silent'
  return {
    microphone,
    model,
    testMicrophone,
    checkModel,
    /** Something would keep a spoken answer from being recorded or transcribed. */
    hasProblem: microphoneProblem || model.state === 'failed' || (model.state === 'done' && !modelReady)
  }
}
