import { useEffect, useRef, useState } from 'react'
import { Alert, Box, Button, LinearProgress, Link, Stack, TextField, Typography } from '@mui/material'
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord'
import StopIcon from '@mui/icons-material/Stop'
import PauseIcon from '@mui/icons-material/Pause'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import EditIcon from '@mui/icons-material/Edit'
import type { AnswerRecord } from '@shared/answers'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { audioUrlOf } from '../../lib/media-url'
import { formatDuration } from './format-duration'
import { TakeList } from './TakeList'
import { useAnswer } from './use-answer'
import { useRecorder } from './use-recorder'

export interface RecordingControlsProps {
  answerId: string
  sessionId: string | null
  questionId: string
  keyTerms: string[]
  timeBoxMs?: number
  /** Starts recording when this turns true (the answer phase began), once the answer is known to have no take yet. */
  autoStart?: boolean
  /** A window event that toggles record/stop (the runner's Space shortcut). */
  toggleEventName?: string
}

/** What the browser can send in one request in browser mode (the server caps bodies at 16 MB). */
const MAX_IMPORT_BYTES = 11 * 1024 * 1024

export const NO_WORDS_MESSAGE = 'No words were recognised — check the microphone or type your answer'

function hasTakes(answer: AnswerRecord | null): boolean {
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
  if (!answer || answer.state === 'empty') return <>Press Record when you are ready to answer.</>
  if (answer.status === 'recording') {
    return <span data-testid="interrupted-recording">A recording of this answer was cut off (its page went away). It is being finished with everything it got; this takes a few seconds.</span>
  }
  if (answer.status === 'transcribing') return <>Transcribing… {progress ?? 0}%</>
  if (answer.status === 'failed') return <>Transcription failed.</>
  if (answer.source === 'typed') return <>Your typed answer is the current take.</>
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
  const { answer, loaded, progress, accept } = useAnswer(answerId)
  const [typing, setTyping] = useState(false)
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const active = recorder.state !== 'idle'
  const target = { answerId, sessionId, questionId, keyTerms, timeBoxMs }
  // The records these calls return are applied at once: the event saying the same may come later.
  const begin = () => void recorder.start(target).then(accept)
  const stop = () => recorder.stop().then(accept)

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

  // Recording again adds a take; the current one stays and can be restored, so no confirm.
  const requestRecord = begin

  // Keep the latest handlers for the effects below without re-subscribing on every render.
  const latest = useRef({ requestRecord, stop, active, answer })
  useEffect(() => {
    latest.current = { requestRecord, stop, active, answer }
  })

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
    latest.current.requestRecord()
  }, [autoStart, loaded])

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

  /** The correction goes to the take it was started on, even if another becomes current meanwhile. */
  const [correcting, setCorrecting] = useState<string | null>(null)
  const saveText = () =>
    run(async () => {
      if (!correcting) return
      accept(await api.updateAnswerText({ id: answerId, takeId: correcting, text: draft }))
      setTyping(false)
    })

  const status = answer?.status
  const showTranscript = Boolean(answer && answer.source !== 'typed' && answer.text.trim() && !typing)
  const canTranscribe = Boolean(answer?.audioFile && !active && status !== 'transcribing' && status !== 'recording')
  const canCorrect = Boolean(answer?.audioFile && answer.source !== 'typed' && status !== 'recording' && !active)
  const playable = Boolean(answer?.audioFile && (answer.durationMs ?? 0) > 0 && !active && status !== 'recording')

  return (
    <Box data-testid="recording-controls">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {!active ? (
          <Button variant="contained" color="error" startIcon={<FiberManualRecordIcon />} onClick={requestRecord} disabled={busy || !loaded} data-testid="record-button">
            {hasTakes(answer) ? 'Record again' : 'Record'}
          </Button>
        ) : (
          <Button variant="contained" startIcon={<StopIcon />} onClick={() => void stop()} disabled={recorder.state === 'starting' || recorder.state === 'stopping'} data-testid="stop-button">
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
          <Typography
            variant="body2"
            sx={{ fontVariantNumeric: 'tabular-nums' }}
            data-testid="elapsed"
            data-sent-ms={recorder.elapsedMs}
            data-acknowledged-ms={recorder.acknowledgedMs}
          >
            {formatDuration(recorder.elapsedMs)}
            {timeBoxMs ? ` / ${formatDuration(timeBoxMs)}` : ''}
          </Typography>
        )}
        {!active && (
          <>
            <Button variant="text" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()} disabled={busy || !loaded} data-testid="import-wav-button">
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
            {canCorrect && (
              <Button
                variant="text"
                startIcon={<EditIcon />}
                onClick={() => {
                  setDraft(answer?.text ?? '')
                  setCorrecting(answer?.currentTakeId ?? null)
                  setTyping(true)
                }}
                data-testid="type-instead-button"
              >
                Correct the transcript
              </Button>
            )}
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
            label="Your answer (the original transcript is kept)"
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
      {playable && answer?.audioFile && (
        <Box
          component="audio"
          key={`${answer.audioFile}:${answer.durationMs}`}
          controls
          preload="metadata"
          src={audioUrlOf(answer.audioFile)}
          sx={{ mt: 1, width: '100%', maxWidth: 480 }}
          data-testid="answer-audio"
        />
      )}

      {answer && !active && <TakeList answer={answer} />}
    </Box>
  )
}
