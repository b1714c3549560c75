import { useEffect, useRef, type RefObject } from 'react'
import { Alert, Box, Button, CircularProgress, IconButton, Link, Stack, Tooltip, Typography } from '@mui/material'
import MicIcon from '@mui/icons-material/Mic'
import StopIcon from '@mui/icons-material/Stop'
import { formatClock } from '@shared/session/timer-display'
import type { Dictation } from './use-dictation'

interface SpeakControlProps {
  dictation: Dictation
  /** The accessible name and tooltip: "Speak your question", "Speak your reply". */
  label: string
  /** The field the words go into: it takes the focus when they arrive, to be checked and edited. */
  field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>
  disabled?: boolean
}

/**
 * The mic button beside a text field: click (or Enter/Space) to speak, Stop (or Enter on it) to
 * transcribe, Escape to cancel. While recording it shows the elapsed time; then "Transcribing…".
 */
export function SpeakControl({ dictation, label, field, disabled }: SpeakControlProps) {
  const { state, elapsedMs, settled } = dictation
  const micButton = useRef<HTMLButtonElement>(null)
  const stopButton = useRef<HTMLButtonElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const { cancel } = dictation

  useEffect(() => {
    if (state === 'recording') stopButton.current?.focus()
    else if (state === 'transcribing') cancelButton.current?.focus()
  }, [state])
  // Escape cancels wherever the focus is (the candidate may have clicked into the field meanwhile).
  useEffect(() => {
    if (state !== 'recording' && state !== 'transcribing') return
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      cancel()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [state, cancel])
  useEffect(() => {
    if (!settled) return
    if (settled.focus === 'button') return micButton.current?.focus()
    const input = field.current
    input?.focus()
    input?.setSelectionRange(input.value.length, input.value.length)
  }, [settled, field])

  if (state === 'idle' || state === 'starting') {
    return (
      <Tooltip title={label}>
        <span>
          <IconButton ref={micButton} aria-label={label} onClick={() => void dictation.start()} disabled={disabled || state === 'starting'} data-testid="speak-button">
            {state === 'starting' ? <CircularProgress size={20} aria-label="Opening the microphone" /> : <MicIcon />}
          </IconButton>
        </span>
      </Tooltip>
    )
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0 }} data-testid="speak-control" data-state={state}>
      {state === 'recording' ? (
        <>
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: 'error.main', animation: 'mockroom-pulse 1.2s ease-in-out infinite', '@keyframes mockroom-pulse': { '50%': { opacity: 0.3 } }, '@media (prefers-reduced-motion: reduce)': { animation: 'none' } }} />
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="speak-elapsed">
              <Box component="span" sx={visuallyHidden}>Listening, </Box>
              {formatClock(elapsedMs)}
            </Typography>
          </Box>
          <Button ref={stopButton} size="small" variant="contained" color="error" startIcon={<StopIcon />} onClick={() => void dictation.stop()}>
            Stop
          </Button>
        </>
      ) : (
        <>
          <CircularProgress size={18} aria-hidden />
          <Typography variant="body2" role="status">
            Transcribing…
          </Typography>
        </>
      )}
      <Button ref={cancelButton} size="small" onClick={cancel} aria-keyshortcuts="Escape">
        Cancel
      </Button>
    </Stack>
  )
}

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const

/** What a dictation that put no words in the field has to say; nothing when all went well. */
export function DictationNotice({ dictation }: { dictation: Dictation }) {
  const { note } = dictation
  if (!note) return null
  return (
    <Alert severity={note.severity} onClose={dictation.dismissNote} data-testid="dictation-note">
      {note.text}
      {note.settingsLink && (
        <>
          {' '}
          <Link href="#/settings">Open Settings → Models</Link>
        </>
      )}
    </Alert>
  )
}
