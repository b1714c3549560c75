import { Box } from '@mui/material'

/** A diagram drawn in text (a bank's ASCII art), kept monospaced and scrolling sideways when wide. */
export function AsciiDiagram({ text }: { text: string }) {
  return (
    <Box component="pre" sx={{ fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 12, overflowX: 'auto', m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
      {text}
    </Box>
  )
}
