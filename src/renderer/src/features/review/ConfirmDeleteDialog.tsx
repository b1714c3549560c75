import { useState } from 'react'
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material'
import { messageOf } from '@shared/errors'

interface ConfirmDeleteDialogProps {
  /** Null: closed. */
  target: { title: string; description: string } | null
  onCancel: () => void
  onConfirm: () => Promise<void>
}

/** Asks before anything is deleted, naming exactly what goes. */
export function ConfirmDeleteDialog({ target, onCancel, onConfirm }: ConfirmDeleteDialogProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog open={target !== null} onClose={busy ? undefined : onCancel} aria-labelledby="confirm-delete-title" aria-describedby="confirm-delete-text">
      <DialogTitle id="confirm-delete-title">{target?.title}</DialogTitle>
      <DialogContent>
        <DialogContentText id="confirm-delete-text">{target?.description}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={() => void confirm()} disabled={busy}>
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  )
}
