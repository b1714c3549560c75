import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material'
import VisibilityIcon from '@mui/icons-material/Visibility'
import type { Question } from '@shared/banks/types'
import { LazyMarkdown } from '../../components/LazyMarkdown'

/** The question's reference answer: hidden until the answer is finished, unless asked for. */
export function ReferenceAnswer({ question, revealed, onReveal }: { question: Question; revealed: boolean; onReveal: () => void }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="overline" component="h2">
          Reference answer
        </Typography>
        {!question.answer ? (
          <Typography variant="body2" color="text.secondary">
            This bank gives no reference answer for this question.
          </Typography>
        ) : revealed ? (
          <Box data-testid="reference-answer">
            <LazyMarkdown>{question.answer}</LazyMarkdown>
          </Box>
        ) : (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              Shown when you finish your answer.
            </Typography>
            <Button size="small" startIcon={<VisibilityIcon />} onClick={onReveal}>
              Show it now
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  )
}
