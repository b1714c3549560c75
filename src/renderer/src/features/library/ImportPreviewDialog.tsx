import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography
} from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import { bankLayouts } from '@shared/banks/bank-layouts'
import type { ImportPreview } from '@shared/contract'
import { difficultyLabels, kindLabels } from './kind-labels'
import type { PendingImport } from './use-bank-import'

interface ImportPreviewDialogProps {
  pending: PendingImport | null
  onCancel: () => void
  onConfirm: () => void
}

/** What an import would add, before anything is stored: Import or Cancel. */
export function ImportPreviewDialog({ pending, onCancel, onConfirm }: ImportPreviewDialogProps) {
  const previews = pending?.previews ?? []
  const importable = previews.filter((p) => p.error === null)
  const questions = importable.reduce((n, p) => n + p.questionCount, 0)
  const [only] = previews
  const single = previews.length === 1
  const title = single && only ? `Import ${only.file}?` : `Import ${previews.length} files?`
  return (
    <Dialog open={pending !== null} onClose={onCancel} maxWidth="md" fullWidth aria-labelledby="import-preview-title" data-testid="import-preview">
      <DialogTitle id="import-preview-title">{title}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={3}>
          {previews.map((preview) => (
            <FilePreview key={preview.file} preview={preview} showQuestions={single} />
          ))}
          {importable.length === 0 && <UnderstoodLayouts />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus={importable.length === 0}>
          Cancel
        </Button>
        <Button variant="contained" onClick={onConfirm} disabled={importable.length === 0} autoFocus={importable.length > 0}>
          {importable.length === 0
            ? 'Nothing to import'
            : `Import ${questions} question${questions === 1 ? '' : 's'}${importable.length > 1 ? ` from ${importable.length} files` : ''}`}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

function FilePreview({ preview, showQuestions }: { preview: ImportPreview; showQuestions: boolean }) {
  if (preview.error !== null) {
    return (
      <Alert severity="error">
        <AlertTitle>{preview.file} cannot be imported</AlertTitle>
        {preview.error}
      </Alert>
    )
  }
  const [main, ...others] = preview.layouts
  const more = preview.questionCount - preview.questions.length
  return (
    <Box>
      {!showQuestions && (
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {preview.file}
        </Typography>
      )}
      <Typography data-testid="import-preview-summary">
        <strong>{preview.questionCount}</strong> question{preview.questionCount === 1 ? '' : 's'} for the bank <strong>{preview.title}</strong>
        {main ? `, laid out as “${main.name}”` : ' (a rubric only)'}
        {others.length > 0 ? ` and ${others.map((o) => `“${o.name}” (${o.count})`).join(', ')}` : ''}.
      </Typography>
      {preview.replaces && (
        <Alert severity="info" sx={{ mt: 1 }}>
          Replaces the bank “{preview.replaces.title}”: {preview.replaces.unchanged} question{preview.replaces.unchanged === 1 ? '' : 's'} unchanged (their answers
          stay with them), {preview.replaces.added} new, {preview.replaces.removed} dropped (answers given to those stay in History).
        </Alert>
      )}
      {preview.warnings.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          <AlertTitle>{preview.warnings.length === 1 ? 'One thing to check' : `${preview.warnings.length} things to check`}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </Box>
        </Alert>
      )}
      {showQuestions && preview.questions.length > 0 && <PreviewQuestions questions={preview.questions} />}
      {showQuestions && more > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          …and {more} more.
        </Typography>
      )}
    </Box>
  )
}

/** The first questions the file gives, with their kind and whether an answer comes with them. */
function PreviewQuestions({ questions }: { questions: ImportPreview['questions'] }) {
  return (
    <Table size="small" sx={{ mt: 2 }} aria-label="First questions">
      <TableHead>
        <TableRow>
          <TableCell>Question</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>Answer</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {questions.map((q, i) => (
          <TableRow key={i} data-testid="import-preview-question">
            <TableCell>
              {q.title}
              {q.difficulty && <Chip size="small" variant="outlined" label={difficultyLabels[q.difficulty]} sx={{ ml: 1 }} />}
            </TableCell>
            <TableCell>
              <Chip size="small" label={kindLabels[q.kind]} />
            </TableCell>
            <TableCell>
              {q.hasAnswer ? (
                <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                  <CheckIcon fontSize="small" color="success" aria-hidden />
                  <span>attached</span>
                </Stack>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  none
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

/** When nothing could be read: every layout mockroom understands, with a short example. */
function UnderstoodLayouts() {
  return (
    <Box data-testid="understood-layouts">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        Layouts mockroom reads
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' }, gap: 1.5 }}>
        {bankLayouts.map((layout) => (
          <Box key={layout.id}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {layout.name}
            </Typography>
            <Box
              component="pre"
              sx={{ m: 0, mt: 0.5, p: 1, fontSize: 12, fontFamily: 'ui-monospace, Menlo, monospace', bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap' }}
            >
              {layout.example}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  )
}
