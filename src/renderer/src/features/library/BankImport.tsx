import { createContext, useContext, useRef, useState, type DragEvent, type ReactNode } from 'react'
import { Alert, AlertTitle, Box, Button, LinearProgress, Stack, Typography } from '@mui/material'
import CreateNewFolderIcon from '@mui/icons-material/CreateNewFolder'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import { ImportPreviewDialog } from './ImportPreviewDialog'
import { useBankImport } from './use-bank-import'

type ImportState = ReturnType<typeof useBankImport>
const ImportContext = createContext<ImportState | null>(null)

/** The import state of the page: choose files, preview, import (the bank toolbar re-imports through it). */
export function useImport(): ImportState {
  const value = useContext(ImportContext)
  if (!value) throw new Error('BankImport parts must be inside <BankImport>')
  return value
}

/** The page area that accepts dropped bank files, and the state its buttons and report share. */
export function BankImport({ children }: { children: ReactNode }) {
  const state = useBankImport()
  const [dragging, setDragging] = useState(false)

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const files = [...event.dataTransfer.files]
    if (files.length > 0) void state.chooseFiles(files)
  }

  return (
    <ImportContext.Provider value={state}>
      <Box
        data-testid="bank-drop-zone"
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        sx={{ position: 'relative', minHeight: '60vh', outline: dragging ? '2px dashed' : 'none', outlineColor: 'primary.main', borderRadius: 1 }}
      >
        {dragging && (
          <Box sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', bgcolor: 'action.hover', zIndex: 1, pointerEvents: 'none' }}>
            <Typography variant="h6">Drop markdown files to import them as question banks</Typography>
          </Box>
        )}
        {children}
      </Box>
      <ImportPreviewDialog pending={state.pending} onCancel={state.cancel} onConfirm={() => void state.confirm()} />
    </ImportContext.Provider>
  )
}

function Buttons() {
  const { chooseFiles, busy } = useImport()
  const filesRef = useRef<HTMLInputElement>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const take = (input: HTMLInputElement | null, fromFolder: boolean) => {
    const files = input?.files ? [...input.files] : []
    if (input) input.value = ''
    if (files.length > 0) void chooseFiles(files, { fromFolder })
  }
  return (
    <Stack direction="row" spacing={1}>
      <input ref={filesRef} type="file" multiple accept=".md,.markdown,.txt,text/markdown,text/plain" hidden data-testid="bank-file-input" onChange={(e) => take(e.currentTarget, false)} />
      <input ref={folderRef} type="file" hidden data-testid="bank-folder-input" {...{ webkitdirectory: '' }} onChange={(e) => take(e.currentTarget, true)} />
      <Button variant="contained" startIcon={<UploadFileIcon />} disabled={busy !== null} onClick={() => filesRef.current?.click()}>
        Import files
      </Button>
      <Button variant="outlined" startIcon={<CreateNewFolderIcon />} disabled={busy !== null} onClick={() => folderRef.current?.click()}>
        Import folder
      </Button>
    </Stack>
  )
}

function Report() {
  const { busy, report, clearReport } = useImport()
  if (busy) {
    return (
      <Box sx={{ mb: 2 }}>
        <Typography variant="body2">
          {busy.label} {busy.done} of {busy.total}…
        </Typography>
        <LinearProgress variant="determinate" value={busy.total ? (busy.done / busy.total) * 100 : 0} aria-label="Import progress" />
      </Box>
    )
  }
  if (!report) return null
  return (
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="import-report">
      {report.imported.length > 0 && (
        <Alert severity="success" onClose={clearReport}>
          Imported {report.imported.map((i) => `${i.file} (${i.questionCount} questions)`).join(', ')}.
        </Alert>
      )}
      {report.errors.length > 0 && (
        <Alert severity="error" onClose={clearReport}>
          <AlertTitle>{report.errors.length === 1 ? 'A file was not imported' : `${report.errors.length} files were not imported`}</AlertTitle>
          {report.errors.map((e) => (
            <div key={e.file}>
              <strong>{e.file}</strong>: {e.reason}
            </div>
          ))}
          <Box sx={{ mt: 0.5 }}>The other banks are unaffected.</Box>
        </Alert>
      )}
    </Stack>
  )
}

BankImport.Buttons = Buttons
BankImport.Report = Report
