import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { Box, Dialog, DialogContent, DialogTitle, IconButton, Stack, ToggleButton, Tooltip, Typography } from '@mui/material'
import CloseIcon from '@mui/icons-material/Close'
import OpenInFullIcon from '@mui/icons-material/OpenInFull'
import ZoomInIcon from '@mui/icons-material/ZoomIn'
import ZoomOutIcon from '@mui/icons-material/ZoomOut'
import FitScreenIcon from '@mui/icons-material/FitScreen'

const MIN_ZOOM = 0.25
const MAX_ZOOM = 4
const ZOOM_STEPS = [MIN_ZOOM, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, MAX_ZOOM]

/** The diagram's own size, from the viewBox mermaid writes. */
function naturalSize(svg: string): { width: number; height: number } | null {
  const match = /viewBox="[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)"/.exec(svg)
  if (!match) return null
  const width = Number(match[1])
  const height = Number(match[2])
  return width > 0 && height > 0 ? { width, height } : null
}

interface MermaidPreviewProps {
  svg: string
  busy: boolean
  /** The last good diagram, shown while the source has an error. */
  stale?: boolean
  /** Offers to open the diagram large, in a dialog (not inside that dialog itself). */
  enlargeable?: boolean
}

/**
 * The rendered diagram, fitted to its panel by default (readable at any panel size) or at a
 * chosen zoom, scrolling to pan. Double-click switches between fit and 100 %.
 */
export function MermaidPreview({ svg, busy, stale = false, enlargeable = false }: MermaidPreviewProps) {
  const [zoom, setZoom] = useState<'fit' | number>('fit')
  const [enlarged, setEnlarged] = useState(false)
  const viewport = useRef<HTMLDivElement>(null)
  const [box, setBox] = useState({ width: 0, height: 0 })
  const natural = useMemo(() => naturalSize(svg), [svg])

  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    const observer = new ResizeObserver(() => setBox({ width: element.clientWidth, height: element.clientHeight }))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const fitScale = natural && box.width > 0 && box.height > 0 ? Math.min((box.width - 16) / natural.width, (box.height - 16) / natural.height) : 1
  const scale = zoom === 'fit' ? fitScale : zoom
  const step = (direction: 1 | -1) => {
    const next = direction === 1 ? ZOOM_STEPS.find((s) => s > scale + 0.001) : ZOOM_STEPS.findLast((s) => s < scale - 0.001)
    if (next !== undefined) setZoom(next)
  }

  return (
    <Stack sx={{ height: '100%', minHeight: 0 }}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', minHeight: 32 }}>
        <Typography variant="overline" component="h4" sx={{ flex: 1, lineHeight: 1.5 }}>
          {stale ? 'Preview (last good)' : 'Preview'}
        </Typography>
        <ZoomButtons scale={scale} onStep={step} />
        <Tooltip title="Fit the diagram to the panel">
          <ToggleButton size="small" value="fit" selected={zoom === 'fit'} onChange={() => setZoom('fit')} aria-label="Fit" sx={{ py: 0.25 }}>
            <FitScreenIcon fontSize="small" />
          </ToggleButton>
        </Tooltip>
        {enlargeable && (
          <Tooltip title="Open the diagram large">
            <IconButton size="small" aria-label="Enlarge the preview" onClick={() => setEnlarged(true)}>
              <OpenInFullIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      {enlargeable && <EnlargedPreview open={enlarged} onClose={() => setEnlarged(false)} svg={svg} busy={busy} stale={stale} />}
      <Box
        ref={viewport}
        data-testid={enlargeable ? (stale ? 'mermaid-preview-stale' : 'mermaid-preview') : undefined}
        aria-busy={busy}
        onDoubleClick={() => setZoom((z) => (z === 'fit' ? 1 : 'fit'))}
        sx={{ flex: 1, minHeight: 0, overflow: 'auto', p: 1, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.default' }}
      >
        {/* mermaid renders with securityLevel 'strict', which sanitizes its SVG. */}
        <Box
          sx={{
            width: natural ? natural.width * scale : '100%',
            height: natural ? natural.height * scale : 'auto',
            mx: 'auto',
            // The last good diagram, dimmed while the source has an error (the toolbar keeps its contrast).
            opacity: stale ? 0.45 : 1,
            '& svg': { display: 'block', width: '100%', height: '100%', maxWidth: 'none !important' }
          }}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </Box>
    </Stack>
  )
}

/** Zoom out, the zoom shown (announced), zoom in. */
function ZoomButtons({ scale, onStep }: { scale: number; onStep: (direction: 1 | -1) => void }) {
  return (
    <>
      <Tooltip title="Zoom out">
        <span>
          <IconButton size="small" aria-label="Zoom out" onClick={() => onStep(-1)} disabled={scale <= MIN_ZOOM + 0.001}>
            <ZoomOutIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Typography variant="caption" sx={{ minWidth: 40, textAlign: 'center', fontVariantNumeric: 'tabular-nums' }} aria-live="polite" data-testid="mermaid-zoom">
        {Math.round(scale * 100)}%
      </Typography>
      <Tooltip title="Zoom in">
        <span>
          <IconButton size="small" aria-label="Zoom in" onClick={() => onStep(1)} disabled={scale >= MAX_ZOOM - 0.001}>
            <ZoomInIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </>
  )
}

/** The diagram in a large dialog, with its own zoom. */
function EnlargedPreview({ open, onClose, svg, busy, stale }: { open: boolean; onClose: () => void; svg: string; busy: boolean; stale: boolean }) {
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xl" aria-labelledby="mermaid-enlarged-title">
      <DialogTitle id="mermaid-enlarged-title" sx={{ display: 'flex', alignItems: 'center', py: 1 }}>
        <Box sx={{ flex: 1 }}>Mermaid preview</Box>
        <IconButton aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent sx={{ height: '80vh', display: 'flex', flexDirection: 'column' }} data-testid="mermaid-enlarged">
        <MermaidPreview svg={svg} busy={busy} stale={stale} />
      </DialogContent>
    </Dialog>
  )
}
