import type { ReactNode } from 'react'
import { Box, Button, CircularProgress, LinearProgress, Link, Stack, Typography } from '@mui/material'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import ErrorIcon from '@mui/icons-material/Error'
import MicIcon from '@mui/icons-material/Mic'
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver'
import type { MicrophoneCheck, ModelCheck } from './use-readiness'

type Status = 'ok' | 'problem' | 'pending' | 'idle'

function StatusIcon({ status }: { status: Status }) {
  if (status === 'ok') return <CheckCircleIcon color="success" aria-label="Ready" />
  if (status === 'problem') return <ErrorIcon color="warning" aria-label="Needs attention" />
  if (status === 'pending') return <CircularProgress size={20} aria-label="Checking" />
  return <Box sx={{ width: 24 }} />
}

function Row({ icon, title, status, children, action }: { icon: ReactNode; title: string; status: Status; children: ReactNode; action?: ReactNode }) {
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
      <Box sx={{ pt: 0.25, color: 'text.secondary' }}>{icon}</Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle2" component="h3">
            {title}
          </Typography>
          <StatusIcon status={status} />
        </Stack>
        {children}
      </Box>
      {action}
    </Stack>
  )
}

interface ReadinessPanelProps {
  microphone: MicrophoneCheck
  model: ModelCheck
  onTestMicrophone: () => void
  onCheckModel: () => void
}

/** What a spoken answer needs, checked before the clock starts: a microphone that hears you and a model that hears words. */
export function ReadinessPanel({ microphone, model, onTestMicrophone, onCheckModel }: ReadinessPanelProps) {
  const micStatus: Status =
    microphone.state === 'heard' ? 'ok' : microphone.state === 'failed' || microphone.state === 'silent' ? 'problem' : microphone.state === 'listening' ? 'pending' : 'idle'
  const modelStatus: Status = model.state === 'checking' ? 'pending' : model.state === 'done' && model.result.ready ? 'ok' : 'problem'

  return (
    <Box component="section" aria-labelledby="readiness-title" data-testid="readiness" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
      <Typography variant="overline" component="h2" id="readiness-title" sx={{ lineHeight: 1.5 }}>
        Ready to answer aloud?
      </Typography>
      <Stack spacing={1.5} sx={{ mt: 0.5 }}>
        <Row
          icon={<MicIcon />}
          title="Microphone"
          status={micStatus}
          action={
            microphone.state !== 'listening' && (
              <Button size="small" onClick={onTestMicrophone} sx={{ flexShrink: 0 }}>
                {microphone.state === 'idle' ? 'Test the microphone' : 'Test again'}
              </Button>
            )
          }
        >
          <MicrophoneDetails microphone={microphone} />
        </Row>
        <Row
          icon={<RecordVoiceOverIcon />}
          title="Whisper model"
          status={modelStatus}
          action={
            model.state !== 'checking' && (
              <Button size="small" onClick={onCheckModel} sx={{ flexShrink: 0 }}>
                Test again
              </Button>
            )
          }
        >
          <ModelDetails model={model} />
        </Row>
      </Stack>
    </Box>
  )
}

/** What the microphone test found, in words. */
function MicrophoneDetails({ microphone }: { microphone: MicrophoneCheck }) {
  return (
    <Box data-testid="readiness-microphone" aria-live="polite">
      {microphone.state === 'idle' && (
        <Typography variant="body2" color="text.secondary">
          Test it and say a few words: the level should move.
        </Typography>
      )}
      {microphone.state === 'listening' && (
        <Stack spacing={0.5}>
          <Typography variant="body2" color="text.secondary">
            {microphone.heard ? 'Heard you. Keep talking, or wait a moment.' : 'Listening: say a few words…'}
          </Typography>
          <LinearProgress variant="determinate" value={microphone.level} color="success" aria-label="Microphone level" sx={{ maxWidth: 320, height: 8, borderRadius: 1 }} />
        </Stack>
      )}
      {microphone.state === 'heard' && <Typography variant="body2">The microphone picks up your voice.</Typography>}
      {microphone.state === 'silent' && (
        <Typography variant="body2">
          No sound reached mockroom in 8 seconds. Check that the microphone is not muted and is the one chosen in{' '}
          <Link href="#/settings">Settings</Link>, then test again.
        </Typography>
      )}
      {microphone.state === 'failed' && <Typography variant="body2">{microphone.message}</Typography>}
    </Box>
  )
}

/** What the model test found, in words. */
function ModelDetails({ model }: { model: ModelCheck }) {
  return (
    <Box data-testid="readiness-model" aria-live="polite">
      {model.state === 'checking' && (
        <Typography variant="body2" color="text.secondary">
          Testing the model on a short spoken phrase (a few seconds)…
        </Typography>
      )}
      {model.state === 'failed' && <Typography variant="body2">The model could not be tested: {model.message}</Typography>}
      {model.state === 'done' && model.result.ready && (
        <Typography variant="body2">
          {model.result.model} is ready: it heard “{model.result.heard}”
          {model.result.elapsedMs !== null ? ` in ${(model.result.elapsedMs / 1000).toFixed(1)} s` : ''}.
        </Typography>
      )}
      {model.state === 'done' && model.result.problem && (
        <Typography variant="body2">
          {model.result.problem.message} <Link href="#/settings">Open Settings → Models</Link>
        </Typography>
      )}
    </Box>
  )
}
