import { useEffect, useState } from 'react'
import { TextField } from '@mui/material'
import { useAutosave } from '../../lib/use-autosave'

interface NotesFieldProps {
  initial: string
  onSave: (notes: string) => Promise<void>
  registerFlush: (flush: () => Promise<unknown>) => () => void
}

/** Scratch notes for the question (requirements, numbers to remember); not scored. */
export function NotesField({ initial, onSave, registerFlush }: NotesFieldProps) {
  const [notes, setNotes] = useState(initial)
  const { flush } = useAutosave(notes, notes, onSave)
  useEffect(() => registerFlush(flush), [registerFlush, flush])
  return (
    <TextField
      label="Notes"
      placeholder="Requirements, numbers, things to mention…"
      multiline
      fullWidth
      minRows={2}
      size="small"
      value={notes}
      onChange={(event) => setNotes(event.target.value)}
      onBlur={() => void flush()}
    />
  )
}
