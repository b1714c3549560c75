import type { ReactNode } from 'react'
import { Box, Typography } from '@mui/material'
import type { ScoreReport } from '@shared/scoring'
import type { HighlightColor } from './criterion-colors'
import type { TokenRun, TranscriptToken } from './transcript-tokens'

type Criterion = ScoreReport['criteria'][number]

/** Which colour marks which criterion's evidence. */
export function HighlightLegend({ legend, colors }: { legend: readonly Criterion[]; colors: Map<string, HighlightColor> }) {
  if (legend.length === 0) return null
  return (
    <Box component="ul" aria-label="Highlight legend" data-testid="highlight-legend" sx={{ listStyle: 'none', p: 0, m: 0, mb: 1.5, display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>
      {legend.map((criterion) => {
        const color = colors.get(criterion.id)
        return (
          <Box component="li" key={criterion.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.75, fontSize: 13 }}>
            {color && <Box aria-hidden sx={{ width: 14, height: 14, borderRadius: 0.5, bgcolor: color.fill, borderBottom: `3px solid ${color.line}` }} />}
            {criterion.kind === 'reject' ? `Flagged: ${criterion.label}` : criterion.label}
          </Box>
        )
      })}
    </Box>
  )
}

interface TranscriptTextProps {
  runs: readonly TokenRun[]
  colors: Map<string, HighlightColor>
  labelOf: (criterionId: string) => string
  renderToken: (token: TranscriptToken) => ReactNode
}

/** The transcript, each run of evidence marked in its criterion's colour (a second criterion underlines it). */
export function TranscriptText({ runs, colors, labelOf, renderToken }: TranscriptTextProps) {
  return (
    <Typography component="div" data-testid="transcript-text" sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>
      {runs.map((run) => {
        const [firstId, secondId = firstId] = run.criteria
        if (firstId === undefined) return run.tokens.map(renderToken)
        const first = colors.get(firstId)
        const second = secondId === undefined ? undefined : colors.get(secondId)
        return (
          <Box
            component="mark"
            key={`m${run.start}`}
            data-criteria={run.criteria.join(' ')}
            title={`Evidence: ${run.criteria.map(labelOf).join('; ')}`}
            sx={{ bgcolor: first?.fill, color: 'inherit', borderBottom: `2px solid ${second?.line ?? 'currentColor'}`, px: 0.25, borderRadius: 0.5 }}
          >
            {run.tokens.map(renderToken)}
          </Box>
        )
      })}
    </Typography>
  )
}
