import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  Typography
} from '@mui/material'
import type { CatalogueEntry, ModelList } from '@shared/contract'
import { useSettings } from '../../lib/settings-context'
import { api, onEvent } from '../../lib/api'
import { messageOf } from '@shared/errors'
import { CatalogueRow, OwnModelRow } from './ModelRows'

type Confirm = { kind: 'remove'; file: string } | { kind: 'unverified'; id: string; file: string }

/** Settings → Models: what is installed, which one transcribes, downloads and local files. */
export function ModelsCard() {
  const { settings, updateSettings } = useSettings()
  const { models, error, setError, act } = useModels(settings.modelPath)
  const [confirm, setConfirm] = useState<Confirm | null>(null)

  const startDownload = (entry: CatalogueEntry, allowUnverified = false) => {
    if (!entry.sha256 && !allowUnverified) {
      setConfirm({ kind: 'unverified', id: entry.id, file: entry.file })
      return
    }
    void act(() => api.downloadModel({ id: entry.id, ...(allowUnverified ? { allowUnverified } : {}) }))
  }

  const installed = models?.installed ?? []
  const extra = installed.filter((model) => !model.catalogueId)
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          Models
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          Whisper models transcribe your answers on this machine. Downloads come from whisper.cpp’s official files and are checked
          against their published SHA-256.
        </Typography>
        {error && (
          <Alert severity="error" onClose={() => setError(null)} sx={{ my: 1 }}>
            {error}
          </Alert>
        )}
        {models && installed.length === 0 && (
          <Alert severity="warning" sx={{ my: 1 }}>
            No model is installed yet: recordings are kept but cannot be transcribed until you download one or use a model file.
          </Alert>
        )}
        <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="model-list">
          {models?.catalogue.map((entry) => {
            const file = installed.find((model) => model.file === entry.file)
            return (
              <CatalogueRow
                key={entry.id}
                entry={entry}
                file={file}
                active={Boolean(file && models.activePath === file.path)}
                onUse={() => file && void updateSettings({ modelPath: file.path })}
                onRemove={() => file && setConfirm({ kind: 'remove', file: file.file })}
                onStart={() => startDownload(entry)}
                onCancel={() => void act(() => api.cancelModelDownload({ id: entry.id }))}
              />
            )
          })}
          {extra.map((model) => (
            <OwnModelRow
              key={model.file}
              model={model}
              active={models?.activePath === model.path}
              onUse={() => void updateSettings({ modelPath: model.path })}
              onRemove={() => setConfirm({ kind: 'remove', file: model.file })}
            />
          ))}
        </Stack>
        <AddModelFile act={act} />
        {models?.activePath && (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }} data-testid="active-model">
            Transcribing with {models.activePath.split(/[\\/]/).pop()}
          </Typography>
        )}
      </CardContent>
      <ModelConfirmDialog
        confirm={confirm}
        onClose={() => setConfirm(null)}
        onRemove={(file) => void act(() => api.removeModel({ file }))}
        onDownloadAnyway={(id) => {
          const entry = models?.catalogue.find((item) => item.id === id)
          if (entry) startDownload(entry, true)
        }}
      />
    </Card>
  )
}

type Act = (action: () => Promise<ModelList>) => Promise<void>

/** The models (installed and in the catalogue), kept current while downloads run; `act` runs a change and shows its error. */
function useModels(modelPath: string | null) {
  const [models, setModels] = useState<ModelList | null>(null)
  const [error, setError] = useState<string | null>(null)

  const act = useCallback(async (action: () => Promise<ModelList>) => {
    setError(null)
    try {
      setModels(await action())
    } catch (e) {
      setError(messageOf(e))
    }
  }, [])

  useEffect(() => {
    void act(() => api.listModels())
    return onEvent('modelDownload', (state) => {
      setModels((current) =>
        current && {
          ...current,
          catalogue: current.catalogue.map((entry) => (entry.id === state.id ? { ...entry, download: state } : entry))
        }
      )
      if (state.state !== 'downloading') {
        if (state.error) setError(state.error.message)
        void api.listModels().then(setModels, () => undefined)
      }
    })
  }, [act])

  // The chosen model may have changed elsewhere (removed, or settings edited): re-list.
  useEffect(() => {
    void api.listModels().then(setModels, () => undefined)
  }, [modelPath])
  return { models, error, setError, act }
}

/** Adds a model file already on this machine, by its path. */
function AddModelFile({ act }: { act: Act }) {
  const [path, setPath] = useState('')
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'flex-start' }}>
      <TextField
        size="small"
        fullWidth
        label="Use a model file on this machine (absolute path)"
        placeholder="/home/me/models/ggml-base.en.bin"
        value={path}
        onChange={(event) => setPath(event.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'model-path-input' } }}
      />
      <Button
        variant="outlined"
        disabled={!path.trim()}
        onClick={() =>
          void act(async () => {
            const list = await api.importModel({ path: path.trim() })
            setPath('')
            return list
          })
        }
        data-testid="model-path-import"
      >
        Add
      </Button>
    </Stack>
  )
}

interface ConfirmDialogProps {
  confirm: Confirm | null
  onClose: () => void
  onRemove: (file: string) => void
  onDownloadAnyway: (id: string) => void
}

/** Asks before removing a model file, or downloading one whose checksum is not known. */
function ModelConfirmDialog({ confirm, onClose, onRemove, onDownloadAnyway }: ConfirmDialogProps) {
  return (
    <Dialog open={confirm !== null} onClose={onClose}>
      {confirm?.kind === 'remove' && (
        <>
          <DialogTitle>Remove {confirm.file}?</DialogTitle>
          <DialogContent>
            <DialogContentText>The file is deleted from the models folder. Your answers and transcripts stay.</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Keep it</Button>
            <Button
              color="error"
              onClick={() => {
                const file = confirm.file
                onClose()
                onRemove(file)
              }}
            >
              Remove
            </Button>
          </DialogActions>
        </>
      )}
      {confirm?.kind === 'unverified' && (
        <>
          <DialogTitle>Download {confirm.file} without a checksum?</DialogTitle>
          <DialogContent>
            <DialogContentText>
              No SHA-256 is on record for this model, so mockroom cannot check that the file arrived intact and unaltered.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              onClick={() => {
                const id = confirm.id
                onClose()
                onDownloadAnyway(id)
              }}
            >
              Download anyway
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  )
}
