import { Box, Chip, Stack, Typography } from '@mui/material'
import type { StarResult } from '../../../../shared/scoring'
import { ReviewSection } from './ReviewSection'

const parts = [
  { id: 'situation', label: 'Situation' },
  { id: 'task', label: 'Task' },
  { id: 'action', label: 'Action' },
  { id: 'result', label: 'Result' }
] as const

/** Situation, task, action, result as four segments filled by how strongly each was told. */
export function StarBar({ star }: { star: StarResult }) {
  return (
    <ReviewSection title="STAR" testId="star-bar">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 0.5 }} role="list" aria-label="STAR parts">
        {parts.map((part) => {
          const result = star[part.id]
          const pct = Math.round(result.score * 100)
          return (
            <Box key={part.id} role="listitem" aria-label={`${part.label}: ${result.present ? 'present' : 'missing'}, ${pct}%`}>
              <Box sx={{ height: 12, borderRadius: 1, bgcolor: 'action.hover', overflow: 'hidden', border: 1, borderColor: 'divider' }}>
                <Box sx={{ width: `${pct}%`, height: '100%', bgcolor: result.present ? 'success.main' : 'warning.main' }} />
              </Box>
              <Typography variant="caption" sx={{ display: 'block', mt: 0.5 }}>
                {part.label} {result.present ? '✓' : '✗'} {pct}%
              </Typography>
              {result.evidence[0] && (
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block', fontStyle: 'italic' }}>
                  “{result.evidence[0].quote.length > 90 ? `${result.evidence[0].quote.slice(0, 90)}…` : result.evidence[0].quote}”
                </Typography>
              )}
            </Box>
          )
        })}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5 }} useFlexGap>
        <Chip
          size="small"
          variant="outlined"
          label={
            star.ownership.ratio === null
              ? 'neither “I” nor “we”'
              : `“I” ${star.ownership.iCount} · “we” ${star.ownership.weCount} (${Math.round(star.ownership.ratio * 100)}% I)`
          }
        />
        <Chip
          size="small"
          variant="outlined"
          color={star.quantifiedResult ? 'success' : 'default'}
          label={star.quantifiedResult ? 'result quantified' : 'result not quantified'}
        />
      </Stack>
    </ReviewSection>
  )
}
