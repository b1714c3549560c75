import { useCallback, useEffect, useRef, useState } from 'react'
import { Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material'
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver'
import type { FollowUpRecord } from '@shared/interviewer'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { appendDictated, Captions, DictationNotice, SpeakControl, useDictation, useInterviewerVoice } from '../interviewer'
import { useAnswerRecord } from './use-answer-record'
import { useAutosave, type AutosaveStatus } from '../../lib/use-autosave'
import { messageOf } from '@shared/errors'

interface FollowUpPanelProps {
  answerId: string
  /** The answer is finished (its clock stopped): the interviewer follows up. */
  active: boolean
  /** Saves what is still being typed, so the follow-ups are chosen from the whole answer. */
  flushAnswer: () => Promise<unknown>
  registerFlush: (flush: () => Promise<unknown>) => () => void
  /** The question's key terms: they bias whisper's spelling of a spoken reply. */
  keyTerms: readonly string[]
}

const statusText: Record<AutosaveStatus, string> = { idle: '', pending: 'Unsaved changes…', saving: 'Saving…', saved: 'Saved', error: 'Not saved' }

/**
 * After the answer: the interviewer asks one or two follow-ups chosen from the answer's score,
 * each with the rule that picked it, aloud and in captions. Each reply is typed (or spoken, then
 * checked and edited) here and saved with the answer (it is scored with it and shown in the
 * review as a thread).
 */
export function FollowUpPanel({ answerId, active, flushAnswer, registerFlush, keyTerms }: FollowUpPanelProps) {
  const { settings } = useSettings()
  const voice = useInterviewerVoice(settings.interviewerVoice)
  const { answer, loaded, accept } = useAnswerRecord(answerId)
  const [asking, setAsking] = useState(false)
  const [outcome, setOutcome] = useState<'none' | 'error' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const requested = useRef(false)
  const followUps = answer?.followUps ?? []
  const inFlight = answer?.state === 'recording' || answer?.state === 'transcribing'
  const { speak } = voice

  const ask = useCallback(async () => {
    setAsking(true)
    setError(null)
    try {
      await flushAnswer()
      const saved = await api.askFollowUps({ answerId })
      accept(saved)
      if (saved.followUps.length === 0) setOutcome('none')
      else {
        setOutcome(null)
        void speak(saved.followUps.map((f) => f.text).join(' '))
      }
    } catch (e) {
      setOutcome('error')
      setError(messageOf(e))
    } finally {
      setAsking(false)
    }
  }, [answerId, flushAnswer, accept, speak])

  // Once per answer, when it is finished and its transcript is in.
  useEffect(() => {
    if (!active || !loaded || inFlight || requested.current || followUps.length > 0) return
    requested.current = true
    void ask()
  }, [active, loaded, inFlight, followUps.length, ask])

  if (!active) return null
  return (
    <Card variant="outlined" data-testid="follow-up-panel" component="section" aria-labelledby={`follow-ups-${answerId}`}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack spacing={1.5}>
          <Typography variant="overline" component="h2" id={`follow-ups-${answerId}`} sx={{ lineHeight: 1.5 }}>
            Follow-ups
          </Typography>
          <Captions caption={voice.caption} speaking={voice.speaking} announce={voice.mode === 'captions-only'} />
          {followUps.map((followUp, index) => (
            <FollowUpReply key={followUp.id} answerId={answerId} followUp={followUp} index={index} onSaved={accept} registerFlush={registerFlush} keyTerms={keyTerms} />
          ))}
          {followUps.length === 0 && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" color="text.secondary" role="status">
                {inFlight
                  ? 'The interviewer is listening to the end of your answer…'
                  : asking
                    ? 'The interviewer is thinking of a follow-up…'
                    : outcome === 'error'
                      ? `No follow-up could be chosen: ${error ?? ''}`
                      : outcome === 'none'
                        ? 'No follow-up: give a longer answer (a few sentences, recorded or typed) and ask again, or go on.'
                        : ''}
              </Typography>
              {(outcome === 'none' || outcome === 'error') && (
                <Button size="small" startIcon={<RecordVoiceOverIcon />} onClick={() => void ask()} disabled={asking}>
                  Ask for follow-ups
                </Button>
              )}
            </Stack>
          )}
        </Stack>
      </CardContent>
    </Card>
  )
}

interface FollowUpReplyProps {
  answerId: string
  followUp: FollowUpRecord
  index: number
  onSaved: (answer: Awaited<ReturnType<typeof api.answerFollowUp>>) => void
  registerFlush: (flush: () => Promise<unknown>) => () => void
  keyTerms: readonly string[]
}

function FollowUpReply({ answerId, followUp, index, onSaved, registerFlush, keyTerms }: FollowUpReplyProps) {
  const { settings } = useSettings()
  const [reply, setReply] = useState(followUp.reply)
  const field = useRef<HTMLTextAreaElement>(null)
  const onText = useCallback((text: string) => setReply((typed) => appendDictated(typed, text)), [])
  const dictation = useDictation({ purpose: 'follow-up', microphoneId: settings.microphoneId, keyTerms, onText })
  const save = useCallback(
    async (text: string) => {
      onSaved(await api.answerFollowUp({ answerId, followUpId: followUp.id, reply: text }))
    },
    [answerId, followUp.id, onSaved]
  )
  const { status, error, flush } = useAutosave(reply, reply, save, 700)
  useEffect(() => registerFlush(flush), [registerFlush, flush])
  return (
    <Box data-testid="follow-up">
      <Typography variant="body1" component="p" sx={{ fontWeight: 500 }}>
        {index + 1}. {followUp.text}
      </Typography>
      <Chip size="small" variant="outlined" label={followUp.reason} data-testid="follow-up-reason" sx={{ my: 0.75, maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }} />
      <Stack direction="row" useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap', gap: 1 }}>
        <TextField
          label="Your reply"
          multiline
          sx={{ flex: '1 1 12rem' }}
          minRows={2}
          size="small"
          value={reply}
          inputRef={field}
          onChange={(event) => setReply(event.target.value)}
          onBlur={() => void flush()}
          slotProps={{ htmlInput: { 'data-testid': 'follow-up-reply' } }}
        />
        <SpeakControl dictation={dictation} label="Speak your reply" field={field} />
      </Stack>
      <DictationNotice dictation={dictation} />
      <Typography variant="caption" color={status === 'error' ? 'error' : 'text.secondary'} aria-live="polite" data-testid="follow-up-reply-status">
        {status === 'error' ? `Not saved: ${error ?? ''}` : statusText[status]}
      </Typography>
    </Box>
  )
}
