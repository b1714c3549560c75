import { Button, Chip, LinearProgress, Radio, Stack, Typography } from '@mui/material'
import type { CatalogueEntry, ModelList } from '@shared/contract'

export const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`

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

interface CatalogueRowProps {
  entry: CatalogueEntry
  /** The installed file of this model, if it is installed. */
  file: ModelList['installed'][number] | undefined
  active: boolean
  onUse: () => void
  onRemove: () => void
  onStart: () => void
  onCancel: () => void
}

/** A model of the catalogue: use it, remove it, or download it. */
export function CatalogueRow({ entry, file, active, onUse, onRemove, onStart, onCancel }: CatalogueRowProps) {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid={`model-${entry.id}`}>
      <Radio
        size="small"
        disabled={!file}
        checked={active}
        onChange={onUse}
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
        <Button size="small" color="error" onClick={onRemove}>
          Remove
        </Button>
      ) : (
        <DownloadLine
          entry={entry}
          onStart={onStart}
          onCancel={onCancel}
        />
      )}
    </Stack>
  )
}

/** A model file the user added from elsewhere on this machine. */
export function OwnModelRow({ model, active, onUse, onRemove }: { model: ModelList['installed'][number]; active: boolean; onUse: () => void; onRemove: () => void }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid={`model-file-${model.file}`}>
      <Radio
        size="small"
        checked={active}
        onChange={onUse}
        slotProps={{ input: { 'aria-label': `Use ${model.file}` } }}
      />
      <Typography variant="body2" sx={{ flex: 1 }}>
        <strong>{model.file}</strong> · {megabytes(model.bytes)} · your own file
      </Typography>
      <Button size="small" color="error" onClick={onRemove}>
        Remove
      </Button>
    </Stack>
  )
}
