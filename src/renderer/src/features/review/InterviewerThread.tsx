import { Box, Chip, Stack, Typography } from '@mui/material'
import type { AnswerRecord } from '@shared/answers'
import { ReviewSection } from './ReviewSection'

/**
 * The conversation around the answer: the clarifying questions asked before it and the
 * interviewer's follow-ups after it, each with its reason and the candidate's reply. The replies
 * are scored with the answer (see `threadText`).
 */
export function InterviewerThread({ answer }: { answer: Pick<AnswerRecord, 'clarifications' | 'followUps'> }) {
  const { clarifications, followUps } = answer
  if (clarifications.length === 0 && followUps.length === 0) return null
  return (
    <ReviewSection title="Interviewer thread" testId="interviewer-thread">
      <Stack spacing={2}>
        {clarifications.length > 0 && (
          <Box>
            <Typography variant="subtitle2" component="h3" gutterBottom>
              Clarifying questions
            </Typography>
            <Stack component="ol" spacing={1} sx={{ m: 0, pl: 3 }}>
              {clarifications.map((exchange, index) => (
                <li key={`${exchange.at}-${index}`} data-testid="thread-clarification">
                  <Typography variant="body2">
                    <strong>You:</strong> {exchange.asked}
                  </Typography>
                  <Typography variant="body2" color={exchange.kind === 'your-call' ? 'text.secondary' : 'text.primary'}>
                    <strong>Interviewer:</strong> {exchange.reply}
                    {exchange.section && (
                      <Typography component="span" variant="caption" color="text.secondary">
                        {' '}
                        (from the model answer’s “{exchange.section}”)
                      </Typography>
                    )}
                  </Typography>
                </li>
              ))}
            </Stack>
          </Box>
        )}
        {followUps.length > 0 && (
          <Box>
            <Typography variant="subtitle2" component="h3" gutterBottom>
              Follow-ups (scored with the answer)
            </Typography>
            <Stack component="ol" spacing={1.5} sx={{ m: 0, pl: 3 }}>
              {followUps.map((followUp) => (
                <li key={followUp.id} data-testid="thread-follow-up">
                  <Typography variant="body2">
                    <strong>Interviewer:</strong> {followUp.text}
                  </Typography>
                  <Chip size="small" variant="outlined" label={followUp.reason} sx={{ my: 0.5, maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }} />
                  <Typography variant="body2" color={followUp.reply.trim() ? 'text.primary' : 'text.secondary'} data-testid="thread-follow-up-reply">
                    <strong>You:</strong> {followUp.reply.trim() ? followUp.reply : 'Not answered.'}
                  </Typography>
                </li>
              ))}
            </Stack>
          </Box>
        )}
      </Stack>
    </ReviewSection>
  )
}
