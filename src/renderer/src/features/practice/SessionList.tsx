import { useState } from 'react'
import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography
} from '@mui/material'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import { Link as RouterLink } from 'react-router'
import type { Session } from '@shared/session'
import { api } from '../../lib/api'
import { sessionTypeLabels } from './session-labels'
import { messageOf } from '@shared/errors'

function summary(session: Session, resumable: boolean): string {
  const answered = session.answers.filter((a) => !a.skipped).length
  const skipped = session.answers.filter((a) => a.skipped).length
  const when = new Date(session.createdAt).toLocaleString()
  const parts = [`${session.items.length} questions`, when]
  if (resumable) parts.unshift(`at question ${Math.min(session.currentIndex + 1, session.items.length)} of ${session.items.length}`)
  else parts.unshift(`${answered} answered${skipped ? `, ${skipped} skipped` : ''}`)
  return parts.join(' · ')
}

function statusLabel(session: Session, resumable: boolean): string {
  if (session.status !== 'in-progress') return session.status === 'abandoned' ? 'discarded' : session.status
  return resumable ? 'in progress' : 'left unfinished'
}

interface SessionListProps {
  title: string
  sessions: Session[]
  label: string
  /** Sessions here can be resumed or discarded; otherwise they are reviewed. */
  resumable?: boolean
  /** After a session was discarded or deleted. */
  onChanged?: () => void
}

/** Sessions in progress (to resume or discard) or past (to review), newest first. */
export function SessionList({ title, sessions, label, resumable = false, onChanged }: SessionListProps) {
  const [discarding, setDiscarding] = useState<Session | null>(null)

  return (
    <Paper variant="outlined" component="section" aria-label={label}>
      <Typography variant="overline" component="h2" sx={{ px: 2, pt: 1, display: 'block' }}>
        {title}
      </Typography>
      <List disablePadding aria-label={label}>
        {sessions.map((session) => (
          <ListItem
            key={session.id}
            divider
            data-testid="session-row"
            secondaryAction={
              resumable ? (
                <Stack direction="row" spacing={1}>
                  <Button
                    size="small"
                    color="inherit"
                    onClick={() => setDiscarding(session)}
                    data-testid="discard-session"
                  >
                    Discard
                  </Button>
                  <Button variant="contained" size="small" startIcon={<PlayArrowIcon />} component={RouterLink} to={`/practice/session/${encodeURIComponent(session.id)}`}>
                    Resume
                  </Button>
                </Stack>
              ) : (
                <Button size="small" component={RouterLink} to={`/review?session=${encodeURIComponent(session.id)}`}>
                  Review
                </Button>
              )
            }
          >
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <span>{sessionTypeLabels[session.type]}</span>
                  <Chip size="small" variant="outlined" label={statusLabel(session, resumable)} />
                </Stack>
              }
              secondary={summary(session, resumable)}
              sx={{ pr: resumable ? 22 : 12 }}
            />
          </ListItem>
        ))}
      </List>
      <DiscardDialog session={discarding} onClose={() => setDiscarding(null)} onDiscarded={onChanged} />
    </Paper>
  )
}

/** Confirms discarding a session (it can no longer be resumed), optionally deleting its answers too. */
function DiscardDialog({ session, onClose, onDiscarded }: { session: Session | null; onClose: () => void; onDiscarded?: () => void }) {
  const [alsoDelete, setAlsoDelete] = useState(false)
  // Each opening starts with "also delete" unticked.
  const [openedFor, setOpenedFor] = useState(session)
  if (session !== openedFor) {
    setOpenedFor(session)
    if (session) setAlsoDelete(false)
  }
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const answered = session ? session.answers.filter((a) => !a.skipped).length : 0

  const discard = async () => {
    if (!session) return
    setBusy(true)
    setError(null)
    try {
      if (alsoDelete) await api.deleteSession({ id: session.id })
      else await api.updateSession({ id: session.id, status: 'abandoned', timer: null })
      onClose()
      onDiscarded?.()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog open={session !== null} onClose={busy ? undefined : onClose} aria-labelledby="discard-title">
      <DialogTitle id="discard-title">Discard this session?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          It leaves this list and cannot be resumed.{' '}
          {answered > 0
            ? `Its ${answered === 1 ? 'answer stays' : `${answered} answers stay`} in Review, unless you delete ${answered === 1 ? 'it' : 'them'} too.`
            : 'It has no answers yet.'}
        </DialogContentText>
        {answered > 0 && (
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={alsoDelete} onChange={(event) => setAlsoDelete(event.target.checked)} data-testid="discard-also-delete" />}
            label={`Also delete ${answered === 1 ? 'its answer' : `its ${answered} answers`} and recordings (cannot be undone)`}
          />
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} autoFocus>
          Keep it
        </Button>
        <Button color={alsoDelete ? 'error' : 'primary'} variant="contained" onClick={() => void discard()} disabled={busy} data-testid="confirm-discard">
          {alsoDelete ? 'Discard and delete' : 'Discard'}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
