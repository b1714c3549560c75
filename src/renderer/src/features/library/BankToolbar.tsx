import { useRef, useState } from 'react'
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  TextField,
  Typography
} from '@mui/material'
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline'
import DriveFileRenameOutlineIcon from '@mui/icons-material/DriveFileRenameOutline'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import type { Bank } from '@shared/banks/types'
import { api } from '../../lib/api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useAsyncAction } from '../../lib/use-async-action'
import { useImport } from './BankImport'
import { useLibrary } from './library-context'

/** The selected bank: its file and count, and what can be done with it (rename, re-import, remove). */
export function BankToolbar({ bank, onRemoved }: { bank: Bank; onRemoved: () => void }) {
  const { setLibrary } = useLibrary()
  const { chooseFiles, busy } = useImport()
  const [dialog, setDialog] = useState<'rename' | 'remove' | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const imported = bank.source === 'imported'

  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 2 }} data-testid="bank-toolbar">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }} noWrap title={bank.title}>
            {bank.title}
          </Typography>
          <Typography variant="body2" color="text.secondary" noWrap>
            {bank.file} · {bank.questionCount} questions · {imported ? 'imported' : 'built in'}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button size="small" startIcon={<DriveFileRenameOutlineIcon />} onClick={() => setDialog('rename')}>
            Rename
          </Button>
          {imported && (
            <>
              <input
                ref={fileRef}
                type="file"
                hidden
                accept=".md,.markdown,.txt,text/markdown,text/plain"
                data-testid="bank-reimport-input"
                onChange={(e) => {
                  const files = e.currentTarget.files ? [...e.currentTarget.files] : []
                  e.currentTarget.value = ''
                  if (files.length > 0) void chooseFiles(files.slice(0, 1), { replaceBankId: bank.id })
                }}
              />
              <Button size="small" startIcon={<UploadFileIcon />} disabled={busy !== null} onClick={() => fileRef.current?.click()}>
                Re-import…
              </Button>
              <Button size="small" color="error" startIcon={<DeleteOutlineIcon />} onClick={() => setDialog('remove')}>
                Remove…
              </Button>
            </>
          )}
        </Stack>
      </Stack>
      {bank.warnings.length > 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {bank.warnings.join(' · ')}
        </Alert>
      )}
      <RenameDialog
        bank={bank}
        open={dialog === 'rename'}
        onClose={() => setDialog(null)}
        onSave={async (title) => {
          setLibrary(await api.renameBank({ bankId: bank.id, title }))
          setDialog(null)
        }}
      />
      <RemoveDialog
        bank={bank}
        open={dialog === 'remove'}
        onClose={() => setDialog(null)}
        onRemove={async () => {
          const next = await api.removeBank({ bankId: bank.id })
          setDialog(null)
          onRemoved()
          setLibrary(next)
        }}
      />
    </Paper>
  )
}

function RenameDialog({ bank, open, onClose, onSave }: { bank: Bank; open: boolean; onClose: () => void; onSave: (title: string) => Promise<void> }) {
  const [title, setTitle] = useState(bank.title)
  const { busy, error, run, reset } = useAsyncAction()
  const valid = title.trim().length > 0 && title.trim().length <= 200
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby="rename-bank-title"
      TransitionProps={{
        onEnter: () => {
          setTitle(bank.title)
          reset()
        }
      }}
    >
      <DialogTitle id="rename-bank-title">Rename the bank</DialogTitle>
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault()
          if (valid) void run(() => onSave(title.trim()))
        }}
      >
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>The name shown in the Library and Practice. The file ({bank.file}) and its questions stay as they are.</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label="Bank name"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={!valid}
            helperText={valid ? ' ' : 'Between 1 and 200 characters.'}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !valid}>
            Save
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}

function RemoveDialog({ bank, open, onClose, onRemove }: { bank: Bank; open: boolean; onClose: () => void; onRemove: () => Promise<void> }) {
  return (
    <ConfirmDialog
      open={open}
      title={`Remove “${bank.title}”?`}
      description={`Its ${bank.questionCount} question${bank.questionCount === 1 ? '' : 's'} leave the Library and Practice, and the imported copy of ${bank.file} is deleted (the file you imported from is not touched). Answers you gave to its questions stay in History, with their question text.`}
      confirmLabel="Remove bank"
      idPrefix="remove-bank"
      onCancel={onClose}
      onConfirm={onRemove}
    />
  )
}
