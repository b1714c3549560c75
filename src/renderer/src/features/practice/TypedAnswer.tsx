import { useEffect, useState } from 'react'
import { Box, TextField, Typography } from '@mui/material'
import { useAutosave, type AutosaveStatus } from '../../lib/use-autosave'

const statusText: Record<AutosaveStatus, string> = {
  idle: '',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved'
}

interface TypedAnswerProps {
  /** Follows the answer's state ("Type your answer", "Your typed answer"). */
  label: string
  initial: string
  onSave: (text: string) => Promise<void>
  registerFlush: (flush: () => Promise<unknown>) => () => void
}

/** The answer typed instead of spoken; scored like a transcript. */
export function TypedAnswer({ label, initial, onSave, registerFlush }: TypedAnswerProps) {
  const [text, setText] = useState(initial)
  const { status, error, flush } = useAutosave(text, text, onSave)
  useEffect(() => registerFlush(flush), [registerFlush, flush])
  return (
    <Box sx={{ mt: 1 }}>
      <TextField
        label={label}
        multiline
        fullWidth
        minRows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void flush()}
        slotProps={{ htmlInput: { 'data-testid': 'typed-answer' } }}
      />
      <Typography variant="caption" color={status === 'error' ? 'error' : 'text.secondary'} data-testid="typed-answer-status" aria-live="polite">
        {status === 'error' ? `Not saved: ${error ?? ''}` : statusText[status]}
      </Typography>
    </Box>
  )
}
