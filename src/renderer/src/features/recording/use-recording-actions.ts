import { useCallback, useEffect, useRef, useState } from 'react'
import type { AnswerRecord } from '@shared/answers'
import { api } from '../../lib/api'
import { useAnswer } from './use-answer'
import { useRecorder } from './use-recorder'
import { messageOf } from '@shared/errors'

export interface RecordingActionsOptions {
  answerId: string
  sessionId: string | null
  questionId: string
  keyTerms: string[]
  timeBoxMs?: number
  microphoneId: string | null
  /** Starts recording when this turns true (the answer phase began), once the answer is known to have no take yet. */
  autoStart?: boolean
}

/** What the browser can send in one request in browser mode (the server caps bodies at 16 MB). */
const MAX_IMPORT_BYTES = 11 * 1024 * 1024

/** The answer holds something already: a take or typed words. */
export function hasTakes(answer: AnswerRecord | null): boolean {
  return Boolean(answer && (answer.takes.length > 0 || answer.text.trim()))
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'))
    reader.readAsDataURL(file)
  })
}

/**
 * Everything one answer's recording controls can do: record, stop, toggle (the runner's Space
 * key), import a WAV, (re)transcribe, cancel, save a correction. The components only render it.
 */
export function useRecordingActions(options: RecordingActionsOptions) {
  const { answerId, sessionId, questionId, keyTerms, timeBoxMs, microphoneId, autoStart } = options
  const recorder = useRecorder(microphoneId)
  const { answer, loaded, progress, accept } = useAnswer(answerId)
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const active = recorder.state !== 'idle'

  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setActionError(null)
    setBusy(true)
    try {
      await action()
      return true
    } catch (error) {
      setActionError(messageOf(error))
      return false
    } finally {
      setBusy(false)
    }
  }

  // Recording again adds a take; the current one stays and can be restored, so no confirm.
  // The records these calls return are applied at once: the event saying the same may come later.
  const record = () => void recorder.start({ answerId, sessionId, questionId, keyTerms, timeBoxMs }).then(accept)
  const stop = () => recorder.stop().then(accept)

  // The latest handlers, for effects and the stable `toggle` without re-subscribing every render.
  const latest = useRef({ record, stop, active, answer })
  useEffect(() => {
    latest.current = { record, stop, active, answer }
  })

  /** Record if idle, stop if recording: what the runner's record key does. */
  const toggle = useCallback(() => (latest.current.active ? void latest.current.stop() : latest.current.record()), [])

  // Auto-start only once the backend has said what the answer holds, and only if it holds nothing:
  // an answer still loading must never look empty.
  const autoStarted = useRef(false)
  useEffect(() => {
    if (!autoStart) {
      autoStarted.current = false
      return
    }
    if (!loaded || autoStarted.current) return
    autoStarted.current = true
    if (latest.current.active || hasTakes(latest.current.answer)) return
    latest.current.record()
  }, [autoStart, loaded])

  const importFile = async (file: File | undefined) => {
    if (!file) return
    if (file.size > MAX_IMPORT_BYTES) {
      setActionError(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; import WAV files up to 11 MB (about 6 minutes at 16 kHz mono).`)
      return
    }
    await run(async () =>
      api.importAnswerAudio({
        answerId,
        sessionId,
        questionId,
        fileName: file.name,
        base64: await readAsBase64(file),
        keyTerms,
        ...(timeBoxMs ? { timeBoxMs } : {})
      })
    )
  }

  return {
    recorder,
    answer,
    loaded,
    progress,
    busy,
    active,
    error: recorder.error ?? actionError,
    clearError: () => (recorder.clearError(), setActionError(null)),
    record,
    stop,
    toggle,
    importFile,
    transcribe: () => run(() => api.transcribeAnswer({ answerId, keyTerms })),
    cancelTranscription: () => run(() => api.cancelTranscription({ answerId })),
    /** The correction goes to `takeId`, the take it was started on, even if another became current meanwhile. */
    saveCorrection: (takeId: string, text: string) => run(async () => accept(await api.updateAnswerText({ id: answerId, takeId, text })))
  }
}

export type RecordingActions = ReturnType<typeof useRecordingActions>
