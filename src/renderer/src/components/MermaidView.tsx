import { useEffect, useState } from 'react'
import { Alert, Box, Skeleton, useTheme } from '@mui/material'
import { renderMermaid, type MermaidRender } from '../lib/mermaid'

/** A rendered Mermaid diagram (mermaid itself loads on first use). */
export function MermaidView({ source }: { source: string }) {
  const theme = useTheme()
  const [result, setResult] = useState<MermaidRender | null>(null)
  useEffect(() => {
    let active = true
    void renderMermaid(source, theme.palette.mode === 'dark' ? 'dark' : 'default').then((r) => active && setResult(r))
    return () => {
      active = false
    }
  }, [source, theme.palette.mode])
  if (!result) return <Skeleton variant="rounded" height={120} />
  if (!result.ok) return <Alert severity="warning">Diagram could not be drawn: {result.error.message}</Alert>
  // mermaid's strict mode sanitizes its own SVG output; the source is the bank's text.
  return <Box data-testid="mermaid-svg" sx={{ '& svg': { maxWidth: '100%', height: 'auto' } }} dangerouslySetInnerHTML={{ __html: result.svg }} />
}
