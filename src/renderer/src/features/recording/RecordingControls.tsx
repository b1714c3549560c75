import { useEffect, useRef, useState } from 'react'
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Link,
  Stack,
  TextField,
  Typography
} from '@mui/material'
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord'
import StopIcon from '@mui/icons-material/Stop'
import PauseIcon from '@mui/icons-material/Pause'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import KeyboardIcon from '@mui/icons-material/Keyboard'
import type { AnswerRecord } from '../../../../shared/answers'
import { useSettings } from '../../app/settings-context'
import { api } from '../../lib/api'
import { audioUrlOf } from '../../lib/media-url'
import { formatDuration } from './format-duration'
import { useAnswer } from './use-answer'
import { useRecorder } from './use-recorder'

export interface RecordingControlsProps {
  answerId: string
  sessionId: string | null
  questionId: string
  keyTerms: string[]
  timeBoxMs?: number
  /** Starts recording when this turns true (the answer phase began), unless there is an answer already. */
  autoStart?: boolean
  /** A window event that toggles record/stop (the runner's Space shortcut). */
  toggleEventName?: string
}

/** What the browser can send in one request in browser mode (the server caps bodies at 16 MB). */
const MAX_IMPORT_BYTES = 11 * 1024 * 1024

export const NO_WORDS_MESSAGE = 'No words were recognised — check the microphone or type your answer'

function hasContent(answer: AnswerRecord | null): boolean {
  return Boolean(answer && (answer.audioFile || answer.text.trim()))
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'))
    reader.readAsDataURL(file)
  })
}

function StatusLine({ answer, progress, recorderState, elapsedMs }: {
  answer: AnswerRecord | null
  progress: number | null
  recorderState: string
  elapsedMs: number
}) {
  if (recorderState === 'starting') return <>Opening the microphone…</>
  if (recorderState === 'recording') return <>Recording · {formatDuration(elapsedMs)}</>
  if (recorderState === 'paused') return <>Paused at {formatDuration(elapsedMs)}</>
  if (recorderState === 'stopping') return <>Saving the last second…</>
  if (!answer) return <>Press Record when you are ready to answer.</>
  if (answer.status === 'recording') return <>Recording…</>
  if (answer.status === 'transcribing') return <>Transcribing… {progress ?? 0}%</>
  if (answer.status === 'failed') return <>Transcription failed.</>
  if (answer.source === 'typed') return <>Typed answer saved.</>
  if (!answer.transcript && answer.recovered) return <>Recovered after an interruption ({formatDuration(answer.durationMs ?? 0)}). Transcribe it to review it.</>
  if (!answer.transcript) return <>Audio saved ({formatDuration(answer.durationMs ?? 0)}), not transcribed yet.</>
  if (!answer.transcript.text.trim() && !answer.edited) return <span data-testid="no-words">{NO_WORDS_MESSAGE}</span>
  return <>Transcript ready{answer.edited ? ' (corrected)' : ''} · {formatDuration(answer.durationMs ?? 0)}</>
}

/**
 * Record an answer (with pause, a level meter and the elapsed time), watch its transcript come
 * in, retry or cancel transcription, import a WAV instead, or type the answer.
 */
export function RecordingControls(props: RecordingControlsProps) {
  const { answerId, sessionId, questionId, keyTerms, timeBoxMs, autoStart, toggleEventName } = props
  const { settings } = useSettings()
  const recorder = useRecorder(settings.microphoneId)
  const { answer, progress } = useAnswer(answerId)
  const [confirmReplace, setConfirmReplace] = useState(false)
  const [typing, setTyping] = useState(false)
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const active = recorder.state !== 'idle'
  const target = { answerId, sessionId, questionId, keyTerms, timeBoxMs }
  const begin = () => void recorder.start(target)

  const run = async (action: () => Promise<unknown>) => {
    setActionError(null)
    setBusy(true)
    try {
      await action()
    } catch (error) {
      setActionError(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  const requestRecord = () => {
    if (hasContent(answer)) setConfirmReplace(true)
    else begin()
  }

  // Keep the latest handlers for the effects below without re-subscribing on every render.
  const latest = useRef({ requestRecord, stop: recorder.stop, active, answer })
  useEffect(() => {
    latest.current = { requestRecord, stop: recorder.stop, active, answer }
  })

  const autoStarted = useRef(false)
  useEffect(() => {
    if (!autoStart) {
      autoStarted.current = false
      return
    }
    if (autoStarted.current || latest.current.active || hasContent(latest.current.answer)) return
    autoStarted.current = true
    latest.current.requestRecord()
  }, [autoStart])

  useEffect(() => {
    if (!toggleEventName) return
    const onToggle = () => (latest.current.active ? void latest.current.stop() : latest.current.requestRecord())
    window.addEventListener(toggleEventName, onToggle)
    return () => window.removeEventListener(toggleEventName, onToggle)
  }, [toggleEventName])

  const onImport = async (file: File | undefined) => {
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

  const saveText = () =>
    run(async () => {
      if (!answer || answer.source === 'typed') {
        await api.saveTypedAnswer({ id: answerId, sessionId, questionId, text: draft, ...(timeBoxMs ? { timeBoxMs } : {}) })
      } else {
        await api.updateAnswerText({ id: answerId, text: draft })
      }
      setTyping(false)
    })

  const status = answer?.status
  const showTranscript = Boolean(answer && answer.source !== 'typed' && answer.text.trim() && !typing)
  const canTranscribe = Boolean(answer?.audioFile && !active && status !== 'transcribing' && status !== 'recording')

  return (
    <Box data-testid="recording-controls">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {!active ? (
          <Button variant="contained" color="error" startIcon={<FiberManualRecordIcon />} onClick={requestRecord} disabled={busy || status === 'transcribing'} data-testid="record-button">
            {hasContent(answer) ? 'Record again' : 'Record'}
          </Button>
        ) : (
          <Button variant="contained" startIcon={<StopIcon />} onClick={() => void recorder.stop()} disabled={recorder.state === 'starting' || recorder.state === 'stopping'} data-testid="stop-button">
            Stop
          </Button>
        )}
        {recorder.state === 'recording' && (
          <Button variant="outlined" startIcon={<PauseIcon />} onClick={recorder.pause} data-testid="pause-button">
            Pause
          </Button>
        )}
        {recorder.state === 'paused' && (
          <Button variant="outlined" startIcon={<PlayArrowIcon />} onClick={recorder.resume} data-testid="resume-button">
            Resume
          </Button>
        )}
        {(recorder.state === 'recording' || recorder.state === 'paused') && (
          <Box sx={{ width: 120 }} aria-label="Microphone level">
            <LinearProgress variant="determinate" value={recorder.state === 'paused' ? 0 : recorder.level} color="success" data-testid="level-meter" />
          </Box>
        )}
        {active && (
          <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="elapsed">
            {formatDuration(recorder.elapsedMs)}
            {timeBoxMs ? ` / ${formatDuration(timeBoxMs)}` : ''}
          </Typography>
        )}
        {!active && (
          <>
            <Button variant="text" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()} disabled={busy || status === 'transcribing'} data-testid="import-wav-button">
              Import WAV
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".wav,audio/wav,audio/x-wav"
              hidden
              data-testid="import-wav-input"
              onChange={(event) => {
                void onImport(event.target.files?.[0])
                event.target.value = ''
              }}
            />
            <Button
              variant="text"
              startIcon={<KeyboardIcon />}
              onClick={() => {
                setDraft(answer?.text ?? '')
                setTyping(true)
              }}
              data-testid="type-instead-button"
            >
              {answer && answer.source !== 'typed' && answer.audioFile ? 'Correct the transcript' : 'Type instead'}
            </Button>
          </>
        )}
      </Stack>

      <Typography variant="body2" color="text.secondary" role="status" aria-live="polite" sx={{ mt: 1 }} data-testid="recording-status">
        <StatusLine answer={answer} progress={progress} recorderState={recorder.state} elapsedMs={recorder.elapsedMs} />
      </Typography>
      {status === 'transcribing' && !active && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
          <LinearProgress variant={progress ? 'determinate' : 'indeterminate'} value={progress ?? 0} sx={{ flex: 1, maxWidth: 320 }} />
          <Button size="small" onClick={() => void run(() => api.cancelTranscription({ answerId }))} data-testid="cancel-transcription">
            Cancel
          </Button>
        </Stack>
      )}

      {(recorder.error || actionError) && (
        <Alert severity="error" sx={{ mt: 1 }} onClose={() => (recorder.clearError(), setActionError(null))}>
          {recorder.error ?? actionError}
        </Alert>
      )}
      {status === 'failed' && answer?.error && !active && (
        <Alert
          severity={answer.error.code === 'CANCELLED' ? 'info' : 'warning'}
          sx={{ mt: 1 }}
          data-testid="transcription-error"
          action={
            canTranscribe ? (
              <Button color="inherit" size="small" onClick={() => void run(() => api.transcribeAnswer({ answerId, keyTerms }))} data-testid="retry-transcription">
                Transcribe again
              </Button>
            ) : undefined
          }
        >
          {answer.error.message}
          {answer.error.code === 'MODEL_MISSING' && (
            <>
              {' '}
              <Link href="#/settings">Open Settings → Models</Link>
            </>
          )}
        </Alert>
      )}
      {status === 'ready' && answer && !answer.transcript && canTranscribe && (
        <Button size="small" sx={{ mt: 1 }} onClick={() => void run(() => api.transcribeAnswer({ answerId, keyTerms }))} data-testid="transcribe-button">
          Transcribe
        </Button>
      )}

      {showTranscript && (
        <Typography variant="body1" sx={{ mt: 1, whiteSpace: 'pre-wrap' }} data-testid="live-transcript">
          {answer?.text}
        </Typography>
      )}

      {typing && (
        <Stack spacing={1} sx={{ mt: 1 }}>
          <TextField
            label={answer && answer.source !== 'typed' && answer.audioFile ? 'Your answer (the original transcript is kept)' : 'Your answer'}
            multiline
            minRows={4}
            fullWidth
            autoFocus
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'answer-text-input' } }}
          />
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => void saveText()} disabled={busy} data-testid="save-answer-text">
              Save
            </Button>
            <Button onClick={() => setTyping(false)}>Cancel</Button>
          </Stack>
        </Stack>
      )}
      {!typing && answer?.source === 'typed' && answer.text.trim() && (
        <Typography variant="body1" sx={{ mt: 1, whiteSpace: 'pre-wrap' }} data-testid="typed-text">
          {answer.text}
        </Typography>
      )}

      {answer?.audioFile && !active && status !== 'recording' && (
        <Box component="audio" key={answer.updatedAt} controls preload="metadata" src={audioUrlOf(answerId)} sx={{ mt: 1, width: '100%', maxWidth: 480 }} data-testid="answer-audio" />
      )}

      <Dialog open={confirmReplace} onClose={() => setConfirmReplace(false)}>
        <DialogTitle>Record this answer again?</DialogTitle>
        <DialogContent>
          <DialogContentText>The new recording replaces the current audio and transcript of this answer.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmReplace(false)}>Keep the current one</Button>
          <Button
            color="error"
            onClick={() => {
              setConfirmReplace(false)
              begin()
            }}
            data-testid="confirm-record-again"
          >
            Record again
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  )
}
