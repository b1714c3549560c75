import { useState } from 'react'
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material'
import HelpOutlineIcon from '@mui/icons-material/HelpOutline'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { Captions, useInterviewerVoice } from '../interviewer'
import { useAnswerRecord } from './use-answer-record'
import { messageOf } from '@shared/errors'

interface ClarifyPanelProps {
  sessionId: string
  questionId: string
  answerId: string
  timeBoxMs: number
  /** The clarify phase is running: questions may be asked. */
  active: boolean
}

/**
 * The clarify phase of a system-design question: the candidate types a clarifying question and
 * the interviewer answers from the question's model answer (or says "Your call — state your
 * assumption."), aloud with the interviewer's voice and in captions. Each exchange is saved with
 * the answer as soon as it is answered, so a reload loses nothing.
 */
export function ClarifyPanel({ sessionId, questionId, answerId, timeBoxMs, active }: ClarifyPanelProps) {
  const { settings } = useSettings()
  const voice = useInterviewerVoice(settings.interviewerVoice)
  const record = useAnswerRecord(answerId)
  const [asked, setAsked] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const exchanges = record.answer?.clarifications ?? []

  const ask = async () => {
    const question = asked.trim()
    if (!question || busy) return
    setBusy(true)
    setError(null)
    try {
      const { clarification, answer } = await api.askClarifyingQuestion({ answerId, sessionId, questionId, asked: question, timeBoxMs })
      record.accept(answer)
      setAsked('')
      void voice.speak(clarification.reply)
    } catch (e) {
      // The question stays in the box, to ask again.
      setError(`The interviewer could not answer: ${messageOf(e)}`)
    } finally {
      setBusy(false)
    }
  }

  if (!active && exchanges.length === 0) return null
  return (
    <Card variant="outlined" data-testid="clarify-panel" component="section" aria-labelledby={`clarify-${answerId}`}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack spacing={1.5}>
          <Typography variant="overline" component="h2" id={`clarify-${answerId}`} sx={{ lineHeight: 1.5 }}>
            Clarifying questions
          </Typography>
          {exchanges.length > 0 && (
            <Stack component="ol" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Clarifying questions asked">
              {exchanges.map((exchange, index) => (
                <Box component="li" key={`${exchange.at}-${index}`} data-testid="clarify-exchange">
                  <Typography variant="body2">
                    <strong>You:</strong> {exchange.asked}
                  </Typography>
                  <Typography variant="body2" color={exchange.kind === 'your-call' ? 'text.secondary' : 'text.primary'}>
                    <strong>Interviewer:</strong> {exchange.reply}
                  </Typography>
                </Box>
              ))}
            </Stack>
          )}
          <Captions caption={voice.caption} speaking={voice.speaking} announce={voice.mode === 'captions-only'} />
          {error && (
            <Alert severity="error" onClose={() => setError(null)}>
              {error}
            </Alert>
          )}
          {record.error && <Alert severity="warning">The questions asked so far could not be loaded: {record.error}</Alert>}
          {active ? (
            <Box
              component="form"
              onSubmit={(event) => {
                event.preventDefault()
                void ask()
              }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField
                  label="Ask the interviewer"
                  placeholder="What metrics matter? How many users?"
                  size="small"
                  fullWidth
                  value={asked}
                  onChange={(event) => setAsked(event.target.value)}
                  slotProps={{ htmlInput: { 'data-testid': 'clarify-input', maxLength: 2000 } }}
                />
                <Button type="submit" variant="outlined" startIcon={<HelpOutlineIcon />} disabled={busy || asked.trim().length === 0}>
                  Ask
                </Button>
              </Stack>
            </Box>
          ) : (
            <Typography variant="caption" color="text.secondary">
              The clarify phase is over: state your assumptions as you design.
            </Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  )
}
