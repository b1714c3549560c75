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

  return (
    <Box sx={{ mt: 1.5 }} data-testid="take-list">
      <Typography variant="overline" component="h3" color="text.secondary">
        Takes ({answer.takes.length})
      </Typography>
      <List dense disablePadding aria-label="Takes of this answer">
        {[...answer.takes].reverse().map((take) => (
          <TakeRow
            key={take.id}
            take={take}
            current={take.id === answer.currentTakeId}
            canRestore={!busy && !recording}
            canDelete={!busy && take.state !== 'recording'}
            onRestore={() => void run(() => api.restoreTake({ answerId: answer.id, takeId: take.id }))}
            onDelete={() => setDeleting(take)}
          />
        ))}
      </List>
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <DeleteTakeDialog
        take={deleting}
        busy={busy}
        onClose={() => setDeleting(null)}
        onConfirm={(take) => void run(() => api.deleteTake({ answerId: answer.id, takeId: take.id })).then(() => setDeleting(null))}
      />
    </Box>
  )
}

const number = (take: Take) => take.id.slice(1)

interface TakeRowProps {
  take: Take
  current: boolean
  canRestore: boolean
  canDelete: boolean
  onRestore: () => void
  onDelete: () => void
}

/** One take: what it is, and (unless it is the current one) restoring or deleting it. */
function TakeRow({ take, current, canRestore, canDelete, onRestore, onDelete }: TakeRowProps) {
  return (
    <ListItem
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
              onClick={onRestore}
              disabled={!canRestore}
              aria-label={`Make take ${number(take)} the current one`}
              data-testid="restore-take"
            >
              Restore
            </Button>
            <Button
              size="small"
              color="error"
              onClick={onDelete}
              disabled={!canDelete}
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
}

/** Asks before a take is deleted, naming it and whether its recording goes too. */
function DeleteTakeDialog({ take, busy, onClose, onConfirm }: { take: Take | null; busy: boolean; onClose: () => void; onConfirm: (take: Take) => void }) {
  return (
    <Dialog open={take !== null} onClose={onClose} aria-labelledby="delete-take-title">
      <DialogTitle id="delete-take-title">Delete take {take ? number(take) : ''}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {take
            ? `This deletes take ${number(take)} (${describeTake(take)})${take.audioFile ? ' and its recording' : ''}. The other takes stay. It cannot be undone.`
            : ''}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          Keep it
        </Button>
        <Button
          color="error"
          variant="contained"
          disabled={busy}
          data-testid="confirm-delete-take"
          onClick={() => take && onConfirm(take)}
        >
          Delete take
        </Button>
      </DialogActions>
    </Dialog>
  )
}
