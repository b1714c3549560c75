import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Radio,
  Stack,
  TextField,
  Typography
} from '@mui/material'
import type { CatalogueEntry, ModelList } from '@shared/contract'
import { useSettings } from '../../lib/settings-context'
import { api, onEvent } from '../../lib/api'
import { messageOf } from '@shared/errors'

const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`

type Confirm = { kind: 'remove'; file: string } | { kind: 'unverified'; id: string; file: string }

function DownloadLine({ entry, onStart, onCancel }: { entry: CatalogueEntry; onStart: () => void; onCancel: () => void }) {
  const download = entry.download
  if (download?.state === 'downloading') {
    const total = download.totalBytes ?? entry.bytes
    return (
      <Stack spacing={0.5} sx={{ minWidth: 220 }}>
        <LinearProgress variant={download.percent === null ? 'indeterminate' : 'determinate'} value={download.percent ?? 0} data-testid={`download-progress-${entry.id}`} />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="caption" color="text.secondary">
            {megabytes(download.receivedBytes)}
            {total ? ` of ${megabytes(total)}` : ''}
            {download.resumedFromBytes > 0 ? ' (resumed)' : ''}
          </Typography>
          <Button size="small" onClick={onCancel}>
            Cancel
          </Button>
        </Stack>
      </Stack>
    )
  }
  const resume = entry.partialBytes !== null && entry.partialBytes > 0
  return (
    <Button size="small" variant="outlined" onClick={onStart} data-testid={`download-${entry.id}`}>
      {resume ? `Resume (${megabytes(entry.partialBytes ?? 0)} so far)` : 'Download'}
    </Button>
  )
}

/** Settings → Models: what is installed, which one transcribes, downloads and local files. */
export function ModelsCard() {
  const { settings, updateSettings } = useSettings()
  const [models, setModels] = useState<ModelList | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [path, setPath] = useState('')
  const [confirm, setConfirm] = useState<Confirm | null>(null)

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
  }, [settings.modelPath])

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
              <Stack key={entry.id} direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid={`model-${entry.id}`}>
                <Radio
                  size="small"
                  disabled={!file}
                  checked={Boolean(file && models.activePath === file.path)}
                  onChange={() => file && void updateSettings({ modelPath: file.path })}
                  slotProps={{ input: { 'aria-label': `Use ${entry.id}` } }}
                />
                <Stack sx={{ flex: 1, minWidth: 200 }}>
                  <Typography variant="body2">
                    <strong>{entry.id}</strong> · {entry.bytes ? megabytes(entry.bytes) : `about ${entry.approxMegabytes} MB`}
                    {entry.englishOnly ? ' · English only' : ''}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {entry.description}
                  </Typography>
                </Stack>
                {entry.sha256 ? (
                  <Chip size="small" label="SHA-256 known" variant="outlined" />
                ) : (
                  <Chip size="small" label="no checksum" color="warning" variant="outlined" />
                )}
                {file ? (
                  <Button size="small" color="error" onClick={() => setConfirm({ kind: 'remove', file: file.file })}>
                    Remove
                  </Button>
                ) : (
                  <DownloadLine
                    entry={entry}
                    onStart={() => startDownload(entry)}
                    onCancel={() => void act(() => api.cancelModelDownload({ id: entry.id }))}
                  />
                )}
              </Stack>
            )
          })}
          {extra.map((model) => (
            <Stack key={model.file} direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid={`model-file-${model.file}`}>
              <Radio
                size="small"
                checked={models?.activePath === model.path}
                onChange={() => void updateSettings({ modelPath: model.path })}
                slotProps={{ input: { 'aria-label': `Use ${model.file}` } }}
              />
              <Typography variant="body2" sx={{ flex: 1 }}>
                <strong>{model.file}</strong> · {megabytes(model.bytes)} · your own file
              </Typography>
              <Button size="small" color="error" onClick={() => setConfirm({ kind: 'remove', file: model.file })}>
                Remove
              </Button>
            </Stack>
          ))}
        </Stack>
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
        {models?.activePath && (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }} data-testid="active-model">
            Transcribing with {models.activePath.split(/[\\/]/).pop()}
          </Typography>
        )}
      </CardContent>
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)}>
        {confirm?.kind === 'remove' && (
          <>
            <DialogTitle>Remove {confirm.file}?</DialogTitle>
            <DialogContent>
              <DialogContentText>The file is deleted from the models folder. Your answers and transcripts stay.</DialogContentText>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirm(null)}>Keep it</Button>
              <Button
                color="error"
                onClick={() => {
                  const file = confirm.file
                  setConfirm(null)
                  void act(() => api.removeModel({ file }))
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
              <Button onClick={() => setConfirm(null)}>Cancel</Button>
              <Button
                onClick={() => {
                  const entry = models?.catalogue.find((item) => item.id === confirm.id)
                  setConfirm(null)
                  if (entry) startDownload(entry, true)
                }}
              >
                Download anyway
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </Card>
  )
}
