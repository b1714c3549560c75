import { useState } from 'react'
import { Alert, Box, Button, Checkbox, Chip, LinearProgress, List, ListItem, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material'
import CompareArrowsIcon from '@mui/icons-material/CompareArrows'
import { Link as RouterLink, useNavigate } from 'react-router'
import { useLibrary } from '../library'
import { formatAttemptTime } from './format-attempt'
import { useAttempts } from './use-attempts'

const scoreColor = (score: number) => (score >= 70 ? 'success' : score >= 40 ? 'warning' : 'default')

/**
 * Every attempt at a question, newest first; tick two to open them side by side. On an
 * answer's review, that answer is ticked to begin with.
 */
export function AttemptsList({ questionId, currentAnswerId }: { questionId: string; currentAnswerId?: string }) {
  const { library } = useLibrary()
  const { rows, error } = useAttempts(questionId, library)
  const navigate = useNavigate()
  const [picked, setPicked] = useState<string[]>(currentAnswerId ? [currentAnswerId] : [])

  if (error) return <Alert severity="error">Your attempts could not be listed: {error}</Alert>
  if (!rows) return <LinearProgress aria-label="Loading attempts" />
  if (rows.length === 0) {
    return <Typography color="text.secondary">No attempts yet. Practise this question and each answer is listed here to compare.</Typography>
  }
  const toggle = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2)))
  const compare = () => {
    const [a, b] = [...picked].sort((x, y) => {
      const at = (id: string) => rows.find((r) => r.attempt.answerId === id)?.attempt.at ?? ''
      return at(x).localeCompare(at(y))
    })
    if (!a || !b) return // the Compare button is enabled only with two picked
    void navigate(`/review/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`)
  }
  return (
    <Box>
      <List dense aria-label="Attempts" disablePadding>
        {rows.map(({ attempt, summary }, i) => {
          const checked = picked.includes(attempt.answerId)
          const label = `Attempt ${rows.length - i} · ${formatAttemptTime(attempt.at)}`
          return (
            <ListItem key={attempt.answerId} disablePadding data-testid="attempt-row">
              <ListItemIcon sx={{ minWidth: 40 }}>
                <Checkbox edge="start" checked={checked} onChange={() => toggle(attempt.answerId)} slotProps={{ input: { 'aria-label': `Compare ${label}` } }} />
              </ListItemIcon>
              <ListItemButton component={RouterLink} to={`/review/answer/${encodeURIComponent(attempt.answerId)}`} selected={attempt.answerId === currentAnswerId}>
                <ListItemText
                  primary={label}
                  secondary={[attempt.source, attempt.answerId === currentAnswerId ? 'this answer' : '', attempt.pending ? 'being transcribed…' : ''].filter(Boolean).join(' · ')}
                />
                {summary ? <Chip size="small" label={`${summary.overall}/100`} color={scoreColor(summary.overall)} /> : <Chip size="small" variant="outlined" label="not scored" />}
              </ListItemButton>
            </ListItem>
          )
        })}
      </List>
      {rows.length > 1 && (
        <Button sx={{ mt: 1 }} startIcon={<CompareArrowsIcon />} variant="outlined" disabled={picked.length !== 2} onClick={compare}>
          {picked.length === 2 ? 'Compare side by side' : `Tick two attempts to compare (${picked.length}/2)`}
        </Button>
      )}
    </Box>
  )
}
