import { Chip, Tooltip } from '@mui/material'
import EventRepeatIcon from '@mui/icons-material/EventRepeat'
import { ratingLabel } from '@shared/practice/rating'
import { describeDue } from './format-due'
import { usePracticeOverview } from './practice-store'

/** When the spaced-repetition schedule brings this question back. */
export function NextDue({ questionId }: { questionId: string }) {
  const { overview } = usePracticeOverview()
  if (!overview) return null
  const card = overview.cards.find((c) => c.questionId === questionId)
  if (!card) return <Chip size="small" variant="outlined" label="not practised yet" data-testid="next-due" />
  const { label, due } = describeDue(card.due, new Date())
  const last = card.lastRating ? ` Last answer scored ${card.lastScore}/100 (${ratingLabel(card.lastRating as 1 | 2 | 3 | 4)}).` : ''
  return (
    <Tooltip title={`Spaced repetition: ${card.reps} review${card.reps === 1 ? '' : 's'}.${last}`}>
      <Chip size="small" icon={<EventRepeatIcon />} color={due ? 'warning' : 'default'} variant={due ? 'filled' : 'outlined'} label={label} data-testid="next-due" />
    </Tooltip>
  )
}
