import { Box, Chip, Typography } from '@mui/material'
import type { CoachingItem } from '@shared/scoring'
import { ReviewSection } from './ReviewSection'

/** "Next time": the changes worth the most points on this answer, each with a line to say. */
export function CoachingCard({ coaching }: { coaching: readonly CoachingItem[] }) {
  return (
    <ReviewSection title="Next time" testId="coaching">
      {coaching.length === 0 ? (
        <Typography color="text.secondary">Nothing left worth more than a point: keep it as it is.</Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, pl: 3, display: 'grid', gap: 1.5 }}>
          {coaching.map((item) => (
            <Box component="li" key={item.change} data-testid="coaching-item">
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography component="span" sx={{ fontWeight: 600 }}>
                  {item.change}
                </Typography>
                <Chip size="small" variant="outlined" label={`about +${item.points} points`} />
              </Box>
              <Typography
                variant="body2"
                component="p"
                data-testid="coaching-say"
                aria-label={`Line to say: ${item.say}`}
                sx={{ mt: 0.5, pl: 1.5, borderLeft: 3, borderColor: 'primary.main', fontStyle: 'italic', color: 'text.secondary' }}
              >
                {item.say}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </ReviewSection>
  )
}
