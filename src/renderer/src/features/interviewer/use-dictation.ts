import { useCallback, useEffect, useRef, useState } from 'react'
import { CLIP_MAX_MS } from '@shared/contract'
import { api } from '../../lib/api'
import { PCM_SAMPLE_RATE, describeMicError, openMicrophone, toBase64 } from '../../lib/microphone'
import { NO_WORDS_RECOGNISED, joinPcm, noteForTranscribeError, typeInstead, type DictationNote, type DictationPurpose } from './dictation'

export type DictationState = 'idle' | 'starting' | 'recording' | 'transcribing'

export interface DictationOptions {
  purpose: DictationPurpose
  microphoneId: string | null
  keyTerms?: readonly string[]
  /** The recognised words (never empty); the caller appends them to its field. */
  onText: (text: string) => void
}

interface Capture {
  stream: MediaStream
  context: AudioContext
  node: AudioWorkletNode
  chunks: ArrayBuffer[]
}

/** Asks the worklet for what it still holds of the last second; gives up after a second. */
function flushWorklet(node: AudioWorkletNode): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1000)
    node.port.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
      if (event.data.type !== 'flushed') return
      clearTimeout(timer)
      resolve()
    })
    node.port.postMessage({ type: 'flush' })
  })
}

/** Opens the microphone and the recorder's worklet (16 kHz mono PCM), collecting chunks in `chunks`. */
async function openCapture(microphoneId: string | null, onSamples: (total: number) => void): Promise<Capture> {
  const stream = await openMicrophone(microphoneId)
  const context = new AudioContext()
  try {
    await context.audioWorklet.addModule(new URL('recorder-worklet.js', document.baseURI).href)
    const source = context.createMediaStreamSource(stream)
    const node = new AudioWorkletNode(context, 'mockroom-recorder', { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1 })
    // A silent path to the output keeps the graph pulling in every browser.
    const mute = context.createGain()
    mute.gain.value = 0
    const capture: Capture = { stream, context, node, chunks: [] }
    let samples = 0
    node.port.onmessage = (event: MessageEvent<{ type: string; pcm?: ArrayBuffer }>) => {
      if (event.data.type !== 'chunk' || !event.data.pcm) return
      capture.chunks.push(event.data.pcm)
      samples += event.data.pcm.byteLength / 2
      onSamples(samples)
    }
    source.connect(node).connect(mute).connect(context.destination)
    return capture
  } catch (error) {
    for (const track of stream.getTracks()) track.stop()
    await context.close().catch(() => undefined) // the open failure is what the user sees
    throw error
  }
}

async function closeCapture(capture: Capture): Promise<void> {
  capture.node.port.onmessage = null
  capture.node.disconnect()
  for (const track of capture.stream.getTracks()) track.stop()
  await capture.context.close().catch(() => undefined) // closing a closed context is harmless
}

/** Names one clip for `cancelClip`; unique within the running app is enough. */
const newClipId = (): string => `clip-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/** The clip to `transcribeClip`, named `clipId`, with the question's key terms when it has some. */
function sendClip(chunks: ArrayBuffer[], purpose: DictationPurpose, keyTerms: readonly string[] | undefined, clipId: string) {
  return api.transcribeClip({ pcmBase64: toBase64(joinPcm(chunks)), purpose, clipId, ...(keyTerms?.length ? { keyTerms: [...keyTerms] } : {}) })
}

/**
 * A short spoken clip (a clarifying question, a follow-up reply) turned into text: the microphone
 * through the recorder's worklet, held in memory, sent once on Stop to `transcribeClip`. Nothing
 * is stored; cancelling (Escape) drops the clip, or stops the transcription still running.
 */
export function useDictation({ purpose, microphoneId, keyTerms, onText }: DictationOptions) {
  const [state, setState] = useState<DictationState>('idle')
  const [elapsedMs, setElapsedMs] = useState(0)
  const [note, setNote] = useState<DictationNote | null>(null)
  /** Where focus goes when a dictation ends: the field with the words, or back to the mic button. */
  const [settled, setSettled] = useState<{ focus: 'field' | 'button'; count: number } | null>(null)
  const settle = useCallback((focus: 'field' | 'button') => setSettled((previous) => ({ focus, count: (previous?.count ?? 0) + 1 })), [])
  const capture = useRef<Capture | null>(null)
  /** Bumped by every start and cancel: a transcription that comes back to an older attempt is ignored. */
  const attempt = useRef(0)
  /** The clip being transcribed, so a cancel can stop whisper instead of leaving it to run. */
  const pendingClip = useRef<string | null>(null)
  const latest = useRef({ purpose, keyTerms, onText })
  latest.current = { purpose, keyTerms, onText }

  const stop = useCallback(async () => {
    const current = capture.current
    if (!current) return
    capture.current = null
    const mine = attempt.current
    setState('transcribing')
    await flushWorklet(current.node)
    await closeCapture(current)
    // Cancelled while the microphone closed: nothing is sent.
    if (mine !== attempt.current) return
    const { purpose: what, keyTerms: terms, onText: deliver } = latest.current
    const clipId = newClipId()
    pendingClip.current = clipId
    try {
      const { text } = await sendClip(current.chunks, what, terms, clipId)
      if (mine !== attempt.current) return
      if (text.trim()) {
        deliver(text.trim())
        settle('field')
      } else {
        setNote({ severity: 'info', text: NO_WORDS_RECOGNISED })
        settle('button')
      }
    } catch (error) {
      if (mine !== attempt.current) return
      setNote(noteForTranscribeError(error, what))
      settle('button')
    } finally {
      if (pendingClip.current === clipId) pendingClip.current = null
      if (mine === attempt.current) setState('idle')
    }
  }, [settle])

  const start = useCallback(async () => {
    if (capture.current || state !== 'idle') return
    const mine = ++attempt.current
    setNote(null)
    setElapsedMs(0)
    setState('starting')
    try {
      const opened = await openCapture(microphoneId, (samples) => setElapsedMs(Math.round((samples * 1000) / PCM_SAMPLE_RATE)))
      if (mine !== attempt.current) return void closeCapture(opened)
      capture.current = opened
      setState('recording')
    } catch (error) {
      if (mine !== attempt.current) return
      setNote({ severity: 'warning', text: describeMicError(error, typeInstead(latest.current.purpose)) })
      setState('idle')
      settle('button')
    }
  }, [microphoneId, state, settle])

  /** Drops the clip being recorded, or the transcription still running. What is typed stays. */
  const drop = useCallback(() => {
    attempt.current++
    const current = capture.current
    capture.current = null
    if (current) void closeCapture(current)
    const clipId = pendingClip.current
    pendingClip.current = null
    // Whisper stops; the answer to the cancelled request is ignored either way.
    if (clipId) void api.cancelClip({ clipId }).catch(() => undefined)
    setState('idle')
  }, [])

  /** Escape or Cancel: the candidate changed their mind; focus goes back to the mic button. */
  const cancel = useCallback(() => {
    drop()
    settle('button')
  }, [drop, settle])

  // The backend refuses clips over two minutes: stop there and transcribe what was said.
  useEffect(() => {
    if (state === 'recording' && elapsedMs >= CLIP_MAX_MS) void stop()
  }, [state, elapsedMs, stop])

  // Leaving (next question, another page) closes the microphone; the clip is dropped.
  useEffect(() => drop, [drop])

  return { state, elapsedMs, note, settled, start, stop, cancel, dismissNote: () => setNote(null) }
}

export type Dictation = ReturnType<typeof useDictation>
