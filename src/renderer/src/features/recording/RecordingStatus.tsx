import { Alert, Button, LinearProgress, Link, Stack, Typography } from '@mui/material'
import type { AnswerRecord } from '@shared/answers'
import { formatDuration } from './format-duration'
import type { RecordingActions } from './use-recording-actions'

export const NO_WORDS_MESSAGE = 'No words were recognised — check the microphone or type your answer'

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
  if (!answer || answer.state === 'empty') return <>Press Record when you are ready to answer, or type it below.</>
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

/** The answer's status line, transcription progress, errors and the retry / transcribe actions. */
export function RecordingStatus({ actions }: { actions: RecordingActions }) {
  const { answer, progress, recorder, active, error } = actions
  const status = answer?.status
  const canTranscribe = Boolean(answer?.audioFile && !active && status !== 'transcribing' && status !== 'recording')
  return (
    <>
      <Typography variant="body2" color="text.secondary" role="status" aria-live="polite" sx={{ mt: 1 }} data-testid="recording-status">
        <StatusLine answer={answer} progress={progress} recorderState={recorder.state} elapsedMs={recorder.elapsedMs} />
      </Typography>
      {status === 'transcribing' && !active && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
          <LinearProgress variant={progress ? 'determinate' : 'indeterminate'} value={progress ?? 0} sx={{ flex: 1, maxWidth: 320 }} />
          <Button size="small" onClick={() => void actions.cancelTranscription()} data-testid="cancel-transcription">
            Cancel
          </Button>
        </Stack>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }} onClose={actions.clearError}>
          {error}
        </Alert>
      )}
      {status === 'failed' && answer?.error && !active && (
        <Alert
          severity={answer.error.code === 'CANCELLED' ? 'info' : 'warning'}
          sx={{ mt: 1 }}
          data-testid="transcription-error"
          action={
            canTranscribe ? (
              <Button color="inherit" size="small" onClick={() => void actions.transcribe()} data-testid="retry-transcription">
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
        <Button size="small" sx={{ mt: 1 }} onClick={() => void actions.transcribe()} data-testid="transcribe-button">
          Transcribe
        </Button>
      )}
    </>
  )
}
