import { useState } from 'react'
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography
} from '@mui/material'
import type { AnswerRecord, Take } from '@shared/answers'
import { api } from '../../lib/api'
import { formatDuration } from './format-duration'
import { messageOf } from '@shared/errors'

const sourceLabels: Record<Take['source'], string> = { recorded: 'recorded', imported: 'imported WAV', typed: 'typed' }

/** One line about a take: how it was made, how long, and how it starts. */
export function describeTake(take: Take): string {
  const parts = [sourceLabels[take.source]]
  if (take.durationMs) parts.push(formatDuration(take.durationMs))
  if (take.edited) parts.push('corrected')
  if (take.recovered) parts.push('recovered')
  return parts.join(' · ')
}

function preview(take: Take): string {
  if (take.state === 'recording') return 'Recording…'
  if (take.state === 'transcribing' && !take.text.trim()) return 'Transcribing…'
  if (take.state === 'failed' && !take.text.trim()) return take.error?.message ?? 'Transcription failed.'
  const text = take.text.trim()
  if (!text) return take.source === 'typed' ? '(empty)' : 'No words were recognised.'
  return text.length > 90 ? `“${text.slice(0, 90)}…”` : `“${text}”`
}

/**
 * Every take of an answer, newest first: the current one marked, any other can be made current
 * again or deleted (after a confirm). Recording again never replaces a take; this is where the
 * candidate chooses.
 */
export function TakeList({ answer }: { answer: AnswerRecord }) {
  const [deleting, setDeleting] = useState<Take | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (answer.takes.length < 2) return null
  const recording = answer.takes.some((take) => take.state === 'recording')

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      return true
    } catch (e) {
      setError(messageOf(e))
      return false
    } finally {
      setBusy(false)
    }
  }

  const number = (take: Take) => take.id.slice(1)
  return (
    <Box sx={{ mt: 1.5 }} data-testid="take-list">
      <Typography variant="overline" component="h3" color="text.secondary">
        Takes ({answer.takes.length})
      </Typography>
      <List dense disablePadding aria-label="Takes of this answer">
        {[...answer.takes].reverse().map((take) => {
          const current = take.id === answer.currentTakeId
          return (
            <ListItem
              key={take.id}
              disableGutters
              data-testid="take-row"
              data-take-id={take.id}
              data-current={current}
              secondaryAction={
                current ? (
                  <Chip size="small" color="primary" variant="outlined" label="current" />
                ) : (
                  <Stack direction="row" spacing={0.5}>
                    <Button
                      size="small"
                      onClick={() => void run(() => api.restoreTake({ answerId: answer.id, takeId: take.id }))}
                      disabled={busy || recording}
                      aria-label={`Make take ${number(take)} the current one`}
                      data-testid="restore-take"
                    >
                      Restore
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      onClick={() => setDeleting(take)}
                      disabled={busy || take.state === 'recording'}
                      aria-label={`Delete take ${number(take)}`}
                      data-testid="delete-take"
                    >
                      Delete
                    </Button>
                  </Stack>
                )
              }
              sx={{ pr: current ? 10 : 20 }}
            >
              <ListItemText
                primary={`Take ${number(take)} · ${describeTake(take)}`}
                secondary={preview(take)}
                slotProps={{ secondary: { sx: { overflowWrap: 'anywhere' } } }}
              />
            </ListItem>
          )
        })}
      </List>
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} aria-labelledby="delete-take-title">
        <DialogTitle id="delete-take-title">Delete take {deleting ? number(deleting) : ''}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {deleting
              ? `This deletes take ${number(deleting)} (${describeTake(deleting)})${deleting.audioFile ? ' and its recording' : ''}. The other takes stay. It cannot be undone.`
              : ''}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(null)} autoFocus>
            Keep it
          </Button>
          <Button
            color="error"
            variant="contained"
            disabled={busy}
            data-testid="confirm-delete-take"
            onClick={() => {
              const take = deleting
              if (!take) return
              void run(() => api.deleteTake({ answerId: answer.id, takeId: take.id })).then(() => setDeleting(null))
            }}
          >
            Delete take
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  )
}
