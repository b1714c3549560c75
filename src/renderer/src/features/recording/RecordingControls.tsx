import { useEffect, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react'
import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material'
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord'
import StopIcon from '@mui/icons-material/Stop'
import PauseIcon from '@mui/icons-material/Pause'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import { useSettings } from '../../lib/settings-context'
import { audioUrlOf } from '../../lib/media-url'
import { AnswerEditor } from './AnswerEditor'
import { formatDuration } from './format-duration'
import { RecordingStatus } from './RecordingStatus'
import { TakeList } from './TakeList'
import { hasTakes, useRecordingActions, type RecordingActions } from './use-recording-actions'

/** What the runner may ask of the controls: its record key, and where focus goes after its own actions. */
export interface RecordingHandle {
  /** Record if idle, stop if recording; focus follows to Stop, or to `onStopped`'s choice. */
  toggle: () => void
  /** Focus the Record (or Stop) button. */
  focus: () => void
}

export interface RecordingControlsProps {
  answerId: string
  sessionId: string | null
  questionId: string
  keyTerms: string[]
  timeBoxMs?: number
  /** Starts recording when this turns true (the answer phase began), once the answer is known to have no take yet. */
  autoStart?: boolean
  handleRef?: Ref<RecordingHandle>
  /** Called after the user stopped a recording, to move focus on (e.g. to Finish answer). */
  onStopped?: () => void
  /** The typed-answer box for the one "type or correct" editor, given its label. */
  renderTypedEditor?: (label: string) => ReactNode
  /** The page's flushes: an open transcript correction is saved before it moves on. */
  registerFlush?: (flush: () => Promise<unknown>) => () => void
}

/**
 * Record an answer (with pause, a level meter and the elapsed time), watch its transcript come
 * in, retry or cancel transcription, import a WAV instead, or type / correct the answer.
 * The logic is `useRecordingActions`; this composes its parts.
 */
export function RecordingControls(props: RecordingControlsProps) {
  const { answerId, sessionId, questionId, keyTerms, timeBoxMs, autoStart, handleRef, onStopped, renderTypedEditor, registerFlush } = props
  const { settings } = useSettings()
  const actions = useRecordingActions({ answerId, sessionId, questionId, keyTerms, timeBoxMs, autoStart, microphoneId: settings.microphoneId })
  const primary = useRef<HTMLButtonElement>(null)
  // What focus should do once the recorder settles after a user action.
  const focusNext = useRef<'stop' | 'stopped' | null>(null)
  const onStoppedRef = useRef(onStopped)
  onStoppedRef.current = onStopped

  const state = actions.recorder.state
  const previous = useRef(state)
  useEffect(() => {
    const was = previous.current
    previous.current = state
    // The button that had focus may have been disabled meanwhile (opening the microphone):
    // a recording that started, or failed to, by itself takes focus only if nothing else has it.
    const lost = !document.activeElement || document.activeElement === document.body
    if (state === 'recording' && (focusNext.current === 'stop' || lost)) {
      focusNext.current = null
      primary.current?.focus()
    } else if (state === 'idle' && focusNext.current === 'stopped') {
      focusNext.current = null
      if (onStoppedRef.current) onStoppedRef.current()
      else primary.current?.focus()
    } else if (state === 'idle' && was !== 'idle' && lost) {
      focusNext.current = null
      primary.current?.focus()
    }
  }, [state])

  const record = () => {
    focusNext.current = 'stop'
    actions.record()
  }
  const stop = () => {
    focusNext.current = 'stopped'
    void actions.stop()
  }
  useImperativeHandle(handleRef, () => ({
    toggle: () => {
      focusNext.current = actions.active ? 'stopped' : 'stop'
      actions.toggle()
    },
    focus: () => primary.current?.focus()
  }))

  const { answer } = actions
  const playable = Boolean(answer?.audioFile && (answer.durationMs ?? 0) > 0 && !actions.active && answer.status !== 'recording')
  return (
    <Box data-testid="recording-controls">
      <RecordingButtons actions={actions} timeBoxMs={timeBoxMs} primaryRef={primary} onRecord={record} onStop={stop} />
      <RecordingStatus actions={actions} />
      <AnswerEditor actions={actions} renderTypedEditor={renderTypedEditor} registerFlush={registerFlush} />
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
      {answer && !actions.active && <TakeList answer={answer} />}
    </Box>
  )
}

function RecordingButtons({ actions, timeBoxMs, primaryRef, onRecord, onStop }: {
  actions: RecordingActions
  timeBoxMs?: number
  primaryRef: Ref<HTMLButtonElement>
  onRecord: () => void
  onStop: () => void
}) {
  const { recorder, active, busy, loaded, answer } = actions
  const fileInput = useRef<HTMLInputElement>(null)
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      {!active ? (
        <Button ref={primaryRef} variant="contained" color="error" startIcon={<FiberManualRecordIcon />} onClick={onRecord} disabled={busy || !loaded} data-testid="record-button">
          {hasTakes(answer) ? 'Record again' : 'Record'}
        </Button>
      ) : (
        <Button ref={primaryRef} variant="contained" startIcon={<StopIcon />} onClick={onStop} disabled={recorder.state === 'starting' || recorder.state === 'stopping'} data-testid="stop-button">
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
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="elapsed" data-sent-ms={recorder.elapsedMs} data-acknowledged-ms={recorder.acknowledgedMs}>
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
              void actions.importFile(event.target.files?.[0])
              event.target.value = ''
            }}
          />
        </>
      )}
    </Stack>
  )
}
