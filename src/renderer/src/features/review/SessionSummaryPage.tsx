import { useEffect, useMemo, useState } from 'react'
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, Link, Stack, Typography } from '@mui/material'
import { Link as RouterLink } from 'react-router'
import type { AnswerRecord } from '@shared/answers'
import type { Question } from '@shared/banks/types'
import { summaryOfSession } from '@shared/interviewer/summary-input'
import type { PractiseItem, SessionSummary, SummaryAnswer } from '@shared/interviewer'
import type { Session } from '@shared/session'
import { formatClock } from '@shared/session/timer-display'
import { PageHeader } from '../../components/PageHeader'
import { api } from '../../lib/api'
import { useLibrary } from '../library'
import { formatWhen } from './format-when'
import { messageOf } from '@shared/errors'

const statusLabels: Record<SummaryAnswer['status'], string> = { answered: 'answered', skipped: 'skipped', 'not reached': 'not reached' }

function timeText(usedMs: number | null, boxMs: number): string {
  return usedMs === null ? `— of ${formatClock(boxMs)}` : `${formatClock(usedMs)} of ${formatClock(boxMs)}`
}

/**
 * The one page at the end of a session (at /review?session=…): each answer's score and the
 * follow-ups asked, the time used against each time box, and the three things to practise next.
 */
export function SessionSummaryPage({ sessionId }: { sessionId: string }) {
  const { library, error: libraryError } = useLibrary()
  const { data, error } = useSessionSummaryData(sessionId)

  const summary = useMemo(
    () => (data && library ? summaryOfSession(data.session, data.records, { questions: data.questions, rubrics: library.rubrics }) : null),
    [data, library]
  )
  const actions = (
    <Button component={RouterLink} to="/review" variant="outlined">
      All answers
    </Button>
  )

  if (error || libraryError) {
    return (
      <>
        <PageHeader title="Review" subtitle="Session summary" actions={actions} />
        <Alert severity="error">This session could not be summarized: {error ?? libraryError}. Open it again from Practice, or see all answers.</Alert>
      </>
    )
  }
  if (!data || !summary) {
    return (
      <>
        <PageHeader title="Review" subtitle="Session summary" actions={actions} />
        <LinearProgress aria-label="Loading the session summary" />
      </>
    )
  }
  const answerIds = new Map(data.session.answers.map((a) => [a.questionId, a.answerId]))
  return (
    <Stack spacing={2} data-testid="session-summary">
      <PageHeader title="Review" subtitle={`Session summary · ${formatWhen(data.session.createdAt)}`} actions={actions} />
      <SummaryTotals summary={summary} />

      <PractiseNext items={summary.practiseNext} />

      <Typography variant="h6" component="h2">
        Answers
      </Typography>
      <Stack spacing={1.5} component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Answers in this session">
        {summary.answers.map((answer, index) => (
          <SummaryAnswerCard key={answer.questionId} answer={answer} index={index} answerId={answerIds.get(answer.questionId)} />
        ))}
      </Stack>
    </Stack>
  )
}

/** The session, its answers and their questions, loaded together. */
function useSessionSummaryData(sessionId: string) {
  const [data, setData] = useState<{ session: Session; records: AnswerRecord[]; questions: Question[] } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    setData(null)
    setError(null)
    void (async () => {
      try {
        const [session, records] = await Promise.all([api.getSession({ id: sessionId }), api.listAnswers({ sessionId })])
        const { questions } = await api.getQuestions({ ids: session.items.map((i) => i.questionId) })
        if (active) setData({ session, records, questions })
      } catch (e) {
        if (active) setError(messageOf(e))
      }
    })()
    return () => {
      active = false
    }
  }, [sessionId])
  return { data, error }
}

function SummaryTotals({ summary }: { summary: SessionSummary }) {
  return (
    <Card variant="outlined">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="summary-totals">
          <Box>
            <Typography variant="overline" component="p">Answered</Typography>
            <Typography variant="h5" component="p">
              {summary.totals.answered} of {summary.answers.length}
            </Typography>
          </Box>
          <Box>
            <Typography variant="overline" component="p">Average score</Typography>
            <Typography variant="h5" component="p">{summary.totals.averageScore ?? '—'}</Typography>
          </Box>
          <Box>
            <Typography variant="overline" component="p">Time used</Typography>
            <Typography variant="h5" component="p">{timeText(summary.totals.usedMs, summary.totals.boxMs)}</Typography>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  )
}

/** The three skills most often missed, with what to do about each. */
function PractiseNext({ items }: { items: readonly PractiseItem[] }) {
  return (
    <Card variant="outlined" component="section" aria-labelledby="practise-next">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="overline" component="h2" id="practise-next">
          Practise next
        </Typography>
        {items.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            Nothing stood out: every skill the rubrics listen for was heard. Try a harder question next time.
          </Typography>
        ) : (
          <Stack component="ol" spacing={1} sx={{ m: 0, pl: 3 }} data-testid="practise-next">
            {items.map((item) => (
              <li key={item.id}>
                <Typography variant="body1" component="span" sx={{ fontWeight: 500 }}>
                  {item.label}
                </Typography>
                <Typography variant="body2" color="text.secondary" component="span">
                  {' '}
                  — missed in {item.missedIn} of {item.of} answer{item.of === 1 ? '' : 's'}
                </Typography>
                <Typography variant="body2">{item.advice}</Typography>
              </li>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  )
}

/** One answer: its score and status, the time used per phase, and the follow-ups asked. */
function SummaryAnswerCard({ answer, index, answerId }: { answer: SummaryAnswer; index: number; answerId: string | undefined }) {
  return (
    <Card variant="outlined" component="li" data-testid="summary-answer">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="subtitle1" component="h3">
              {index + 1}.{' '}
              {answerId && answer.status !== 'not reached' ? (
                <Link component={RouterLink} to={`/review/answer/${encodeURIComponent(answerId)}`}>
                  {answer.title}
                </Link>
              ) : (
                answer.title
              )}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="summary-time">
              {answer.phases.map((phase) => `${phase.label} ${timeText(phase.usedMs, phase.boxMs)}${phase.overMs > 0 ? ` (over by ${formatClock(phase.overMs)})` : ''}`).join(' · ')}
            </Typography>
          </Box>
          <Stack sx={{ alignItems: 'flex-end' }}>
            <Typography variant="h5" component="p" data-testid="summary-score" aria-label={answer.score === null ? 'Not scored' : `Score ${answer.score} of 100`}>
              {answer.score ?? '—'}
            </Typography>
            <Chip size="small" label={statusLabels[answer.status]} color={answer.status === 'answered' ? 'success' : 'default'} variant="outlined" />
          </Stack>
        </Stack>
        {answer.followUps.length > 0 && (
          <Stack component="ul" spacing={0.5} sx={{ mt: 1, mb: 0, pl: 3 }} aria-label="Follow-ups asked">
            {answer.followUps.map((followUp) => (
              <li key={followUp.text} data-testid="summary-follow-up">
                <Typography variant="body2">
                  {followUp.text}{' '}
                  <Typography component="span" variant="body2" color="text.secondary">
                    ({followUp.reason}; {followUp.answered ? 'answered' : 'not answered'})
                  </Typography>
                </Typography>
              </li>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  )
}
