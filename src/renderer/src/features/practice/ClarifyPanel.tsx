import { useCallback, useEffect, useRef, useState } from 'react'
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material'
import HelpOutlineIcon from '@mui/icons-material/HelpOutline'
import type { ClarificationRecord } from '@shared/interviewer'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { appendDictated, Captions, DictationNotice, SpeakControl, useDictation, useInterviewerVoice } from '../interviewer'
import { useAnswerRecord } from './use-answer-record'
import { messageOf } from '@shared/errors'

interface ClarifyPanelProps {
  sessionId: string
  questionId: string
  answerId: string
  timeBoxMs: number
  /** The clarify phase is running: questions may be asked. */
  active: boolean
  /** The question's key terms: they bias whisper's spelling of a spoken question ("DAU", "Kafka"). */
  keyTerms: readonly string[]
}

/**
 * The clarify phase of a system-design question: the candidate types (or speaks) a clarifying
 * question and the interviewer answers from the question's model answer (or says "Your call —
 * state your assumption."), aloud with the interviewer's voice and in captions. Each exchange is
 * saved with the answer as soon as it is answered, so a reload loses nothing.
 */
export function ClarifyPanel({ sessionId, questionId, answerId, timeBoxMs, active, keyTerms }: ClarifyPanelProps) {
  const { settings } = useSettings()
  const voice = useInterviewerVoice(settings.interviewerVoice)
  const record = useAnswerRecord(answerId)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const exchanges = record.answer?.clarifications ?? []

  const ask = async (question: string): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      const { clarification, answer } = await api.askClarifyingQuestion({ answerId, sessionId, questionId, asked: question, timeBoxMs })
      record.accept(answer)
      void voice.speak(clarification.reply)
      return true
    } catch (e) {
      setError(`The interviewer could not answer: ${messageOf(e)}`)
      return false
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
          {/* The question box comes first: however many exchanges there are, it stays in view in a short side panel. */}
          {active ? (
            <ClarifyForm busy={busy} microphoneId={settings.microphoneId} keyTerms={keyTerms} onAsk={ask} />
          ) : (
            <Typography variant="caption" color="text.secondary">
              The clarify phase is over: state your assumptions as you design.
            </Typography>
          )}
          <Captions caption={voice.caption} speaking={voice.speaking} announce={voice.mode === 'captions-only'} />
          {error && (
            <Alert severity="error" onClose={() => setError(null)}>
              {error}
            </Alert>
          )}
          {record.error && <Alert severity="warning">The questions asked so far could not be loaded: {record.error}</Alert>}
          <ClarifyExchanges exchanges={exchanges} />
        </Stack>
      </CardContent>
    </Card>
  )
}

/** The exchanges so far, oldest first and scrolled to the newest: the list scrolls, the panel around it does not grow without end. */
function ClarifyExchanges({ exchanges }: { exchanges: readonly ClarificationRecord[] }) {
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    const element = list.current
    if (element) element.scrollTop = element.scrollHeight
  }, [exchanges.length])
  if (exchanges.length === 0) return null
  return (
    <Stack
      ref={list}
      component="ol"
      spacing={1}
      // Focusable so the keyboard can scroll it; labelled so a screen reader says what it is.
      tabIndex={0}
      sx={{ m: 0, p: 0, pr: 0.5, listStyle: 'none', maxHeight: 'clamp(6rem, 100vh - 560px, 16rem)', overflowY: 'auto', flexShrink: 0 }}
      aria-label="Clarifying questions asked"
      data-testid="clarify-exchanges"
    >
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
  )
}

interface ClarifyFormProps {
  busy: boolean
  microphoneId: string | null
  keyTerms: readonly string[]
  /** Resolves true when the interviewer answered (the box empties); on false the question stays, to ask again. */
  onAsk: (question: string) => Promise<boolean>
}

/** The question box: typed, or spoken and then checked, edited and sent with Ask. */
function ClarifyForm({ busy, microphoneId, keyTerms, onAsk }: ClarifyFormProps) {
  const [asked, setAsked] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const onText = useCallback((text: string) => setAsked((typed) => appendDictated(typed, text)), [])
  const dictation = useDictation({ purpose: 'clarify', microphoneId, keyTerms, onText })
  const listening = dictation.state !== 'idle'

  const submit = async () => {
    const question = asked.trim()
    if (!question || busy || listening) return
    if (await onAsk(question)) setAsked('')
  }

  return (
    <Stack spacing={1}>
      <Box
        component="form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        {/* Wraps in a narrow side panel: the recording indicator goes below rather than squeeze the box. */}
        <Stack direction="row" useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap', gap: 1 }}>
          <TextField
            label="Ask the interviewer"
            placeholder="What metrics matter? How many users?"
            size="small"
            sx={{ flex: '1 1 12rem' }}
            value={asked}
            inputRef={input}
            onChange={(event) => setAsked(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'clarify-input', maxLength: 2000 } }}
          />
          <SpeakControl dictation={dictation} label="Speak your question" field={input} disabled={busy} />
          {!listening && (
            <Button type="submit" variant="outlined" startIcon={<HelpOutlineIcon />} disabled={busy || asked.trim().length === 0}>
              Ask
            </Button>
          )}
        </Stack>
      </Box>
      <DictationNotice dictation={dictation} />
    </Stack>
  )
}
