import { Card, CardContent, Chip, Stack, Typography } from '@mui/material'
import type { Question } from '@shared/banks/types'
import { LazyMarkdown } from '../../components/LazyMarkdown'
import { kindLabels, sourceLine } from '../library'

/** The question as the interviewer would ask it, with any setup code it comes with. */
export function QuestionCard({ question, bankTitle }: { question: Question; bankTitle: string | undefined }) {
  const showPrompt = question.prompt.trim() && question.prompt.trim() !== question.title.trim()
  return (
    <Card variant="outlined" data-testid="question-card">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
          <Chip size="small" color="primary" label={kindLabels[question.kind]} />
          <Typography variant="caption" color="text.secondary">
            {sourceLine(bankTitle, question.sectionPath)}
          </Typography>
        </Stack>
        <Typography variant="h5" component="h2" data-testid="question-title" gutterBottom>
          {question.title}
        </Typography>
        {showPrompt && <LazyMarkdown>{question.prompt}</LazyMarkdown>}
        {question.setupCode.map((block, i) => (
          <LazyMarkdown key={i}>{'```' + (block.lang || '') + '\n' + block.code + '\n```'}</LazyMarkdown>
        ))}
      </CardContent>
    </Card>
  )
}
