import { useRef } from 'react'
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography
} from '@mui/material'
import BackupIcon from '@mui/icons-material/Backup'
import RestoreIcon from '@mui/icons-material/Restore'
import type { BackupCounts, BackupExport, RestorePreview, RestoreResult } from '@shared/backup-schema'
import { backupUrlOf } from '../../lib/media-url'
import { useBackup } from './use-backup'

const countRows: Array<[keyof BackupCounts, string]> = [
  ['answers', 'Answers'],
  ['sessions', 'Sessions'],
  ['audioFiles', 'Recordings'],
  ['banks', 'Imported banks'],
  ['whiteboards', 'Whiteboards and diagrams'],
  ['favorites', 'Favorites']
]

const sizeOf = (bytes: number) => (bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })

/** Export everything to one zip; restore from one after a preview and an explicit confirm. */
export function BackupCard() {
  const fileInput = useRef<HTMLInputElement>(null)
  const backup = useBackup(() => {
    if (fileInput.current) fileInput.current.value = ''
  })
  const { status, exporting, exported, uploading, restoring, restored, error, setError } = backup

  const latestAuto = status?.automatic[0]
  return (
    <Card variant="outlined" component="section" aria-labelledby="backup-title">
      <CardContent>
        <Typography variant="h6" component="h2" id="backup-title" gutterBottom>
          Backup and restore
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          One zip holds everything you made: answers and sessions (db.json), recordings, imported banks and whiteboards. Models are not
          included (download them again). A copy of db.json is also kept automatically at each start (the last five).
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <Button variant="contained" startIcon={<BackupIcon />} disabled={exporting} onClick={() => void backup.exportNow()}>
            {exporting ? 'Writing backup…' : 'Export backup'}
          </Button>
          <Button variant="outlined" startIcon={<RestoreIcon />} disabled={uploading !== null || restoring} onClick={() => fileInput.current?.click()}>
            Restore from a backup…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".zip,application/zip"
            hidden
            data-testid="restore-file"
            onChange={(event) => void backup.chooseFile(event.target.files?.[0])}
          />
        </Stack>
        {exporting && <LinearProgress aria-label="Writing backup" sx={{ mb: 2 }} />}
        {uploading !== null && <LinearProgress variant="determinate" value={uploading * 100} aria-label="Reading the backup" sx={{ mb: 2 }} />}
        {error && (
          <Alert severity="error" onClose={() => setError(null)} sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {exported && <ExportedNote exported={exported} />}
        {restored && <RestoredNote restored={restored} />}
        <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
          {status
            ? `Backups folder: ${status.backupsDir}. ${latestAuto ? `Latest automatic copy of db.json: ${when(latestAuto.createdAt)} (${status.automatic.length} kept).` : 'No automatic copy yet.'}`
            : ' '}
        </Typography>
      </CardContent>

      <RestoreDialog preview={backup.preview} restoring={restoring} onCancel={backup.cancel} onConfirm={() => void backup.confirm()} />
    </Card>
  )
}

function ExportedNote({ exported }: { exported: BackupExport }) {
  return (
    <Alert severity="success" sx={{ mb: 2 }} data-testid="backup-exported">
      Backup written ({sizeOf(exported.bytes)}: {exported.counts.answers} answers, {exported.counts.audioFiles} recordings, {exported.counts.banks} imported
      banks).{' '}
      {exported.mediaPath !== null && (
        <Link href={backupUrlOf(exported.mediaPath)} download={exported.file}>
          Download {exported.file}
        </Link>
      )}
      <Box component="span" sx={{ display: 'block', wordBreak: 'break-all' }}>
        Also saved at {exported.path}
      </Box>
    </Alert>
  )
}

function RestoredNote({ restored }: { restored: RestoreResult }) {
  return (
    <Alert severity="success" sx={{ mb: 2 }} data-testid="backup-restored">
      Restored {restored.restored.answers} answers, {restored.restored.audioFiles} recordings and {restored.restored.banks} imported banks.
      {restored.movedAsideTo ? ` The data it replaced was moved, unchanged, to ${restored.movedAsideTo}.` : ''}{' '}
      <Link component="button" onClick={() => window.location.reload()}>
        Reload mockroom
      </Link>{' '}
      to see it everywhere.
    </Alert>
  )
}

interface RestoreDialogProps {
  preview: RestorePreview | null
  restoring: boolean
  onCancel: () => void
  onConfirm: () => void
}

/** What the backup holds against what is here now; replacing needs an explicit confirm. */
function RestoreDialog({ preview, restoring, onCancel, onConfirm }: RestoreDialogProps) {
  return (
    <Dialog open={preview !== null} onClose={restoring ? undefined : onCancel} aria-labelledby="restore-title" maxWidth="sm" fullWidth>
      <DialogTitle id="restore-title">Restore this backup?</DialogTitle>
      {preview && (
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Made {when(preview.createdAt)} by mockroom {preview.appVersion} ({sizeOf(preview.bytes)}). Restoring replaces what is in your data folder now; the current data is
            moved aside to a “before-restore” folder, not deleted.
          </DialogContentText>
          <Table size="small" aria-label="What the backup holds and what is here now">
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell align="right">In the backup</TableCell>
                <TableCell align="right">Here now</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {countRows.map(([key, label]) => (
                <TableRow key={key}>
                  <TableCell>{label}</TableCell>
                  <TableCell align="right">{preview.backup[key]}</TableCell>
                  <TableCell align="right">{preview.current[key]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {preview.warnings.map((w) => (
            <Alert key={w} severity="warning" sx={{ mt: 2 }}>
              {w}
            </Alert>
          ))}
          {restoring && <LinearProgress sx={{ mt: 2 }} aria-label="Restoring" />}
        </DialogContent>
      )}
      <DialogActions>
        <Button onClick={onCancel} disabled={restoring} autoFocus>
          Cancel
        </Button>
        <Button color="warning" variant="contained" onClick={onConfirm} disabled={restoring}>
          Replace my data with this backup
        </Button>
      </DialogActions>
    </Dialog>
  )
}
