import { useEffect, useState } from 'react'
import { Box, TextField, Typography } from '@mui/material'
import type { StarScaffold as StarScaffoldValue } from '@shared/session'
import { useAutosave } from '../../lib/use-autosave'

const parts: { key: keyof StarScaffoldValue; label: string; hint: string }[] = [
  { key: 'situation', label: 'Situation', hint: 'Where, when, what was at stake' },
  { key: 'task', label: 'Task', hint: 'Your responsibility' },
  { key: 'action', label: 'Action', hint: 'What you did, with "I"' },
  { key: 'result', label: 'Result', hint: 'Numbers, and what you learned' }
]

const empty: StarScaffoldValue = { situation: '', task: '', action: '', result: '' }

interface StarScaffoldProps {
  initial: StarScaffoldValue | undefined
  onSave: (value: StarScaffoldValue) => Promise<void>
  registerFlush: (flush: () => Promise<unknown>) => () => void
}

/** Four short boxes to sketch a STAR story while thinking; saved with the answer. */
export function StarScaffold({ initial, onSave, registerFlush }: StarScaffoldProps) {
  const [value, setValue] = useState<StarScaffoldValue>(initial ?? empty)
  const { flush } = useAutosave(value, JSON.stringify(value), onSave)
  useEffect(() => registerFlush(flush), [registerFlush, flush])
  return (
    <Box>
      <Typography variant="overline" component="h2">
        STAR scaffold
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr', lg: 'repeat(4, 1fr)' }, gap: 1 }}>
        {parts.map((part) => (
          <TextField
            key={part.key}
            label={part.label}
            placeholder={part.hint}
            size="small"
            multiline
            minRows={2}
            value={value[part.key]}
            onChange={(event) => setValue((current) => ({ ...current, [part.key]: event.target.value }))}
          />
        ))}
      </Box>
    </Box>
  )
}
