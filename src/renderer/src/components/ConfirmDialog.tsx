import type { ReactNode } from 'react'
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material'
import { useAsyncAction } from '../lib/use-async-action'

interface ConfirmDialogProps {
  open: boolean
  /** The question asked, which names the dialog: "Delete this answer?" */
  title: ReactNode
  /** What exactly goes, and what stays. */
  description: ReactNode
  /** The destructive button: "Delete", "Remove bank". */
  confirmLabel: string
  /** Prefix of the ids that label the dialog (unique on the page). */
  idPrefix: string
  onCancel: () => void
  /** Runs the deletion; a failure shows in the dialog, which stays open to try again. */
  onConfirm: () => Promise<void>
}

/** Asks before anything is deleted or removed, naming exactly what goes; Cancel has the focus. */
export function ConfirmDialog({ open, title, description, confirmLabel, idPrefix, onCancel, onConfirm }: ConfirmDialogProps) {
  const { busy, error, run } = useAsyncAction()

  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby={`${idPrefix}-title`} aria-describedby={`${idPrefix}-text`}>
      <DialogTitle id={`${idPrefix}-title`}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${idPrefix}-text`}>{description}</DialogContentText>
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
        <Button color="error" variant="contained" onClick={() => void run(onConfirm)} disabled={busy}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
