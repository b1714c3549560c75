import { Box, Chip, Stack, Typography } from '@mui/material'
import type { StarResult } from '@shared/scoring'
import { ReviewSection } from './ReviewSection'

const parts = [
  { id: 'situation', label: 'Situation' },
  { id: 'task', label: 'Task' },
  { id: 'action', label: 'Action' },
  { id: 'result', label: 'Result' }
] as const

/** Situation, task, action, result as four segments filled by how strongly each was told (stories only). */
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
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap' }} useFlexGap>
        <Chip
          size="small"
          variant="outlined"
          color={star.ownership.ratio !== null && (star.ownership.ratio >= 0.5 || star.ownership.stated) ? 'success' : 'default'}
          label={
            star.ownership.ratio === null
              ? 'no action told'
              : `“I” in ${star.ownership.iCount} of ${star.ownership.iCount + star.ownership.weCount} actions${star.ownership.stated ? ' · own part stated' : ''}`
          }
        />
        <Chip
          size="small"
          variant="outlined"
          color={star.quantifiedResult ? 'success' : 'default'}
          label={star.quantifiedResult ? 'result quantified' : 'result not quantified'}
        />
      </Stack>
      {star.vagueResults.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="vague-results">
          Not counted as a result (nothing measurable): {star.vagueResults.map((e) => `“${e.quote}”`).join(' ')}
        </Typography>
      )}
    </ReviewSection>
  )
}
