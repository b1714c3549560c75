import { useEffect, useMemo, useState } from 'react'
import { Alert, Box, Breadcrumbs, Card, CardContent, Chip, Grid, LinearProgress, Link, Stack, Typography } from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import CloseIcon from '@mui/icons-material/Close'
import { Link as RouterLink, useParams } from 'react-router'
import type { AnswerRecord } from '@shared/answers'
import { diffStats, starParts, starPartLabels, wordDiff } from '@shared/practice'
import { api } from '../../lib/api'
import { useLibrary, useQuestions } from '../library'
import { formatAttemptTime } from './format-attempt'
import { summarize, type ScoredAttemptRow } from './use-attempts'
import { messageOf } from '@shared/errors'

function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardContent>
        <Typography variant="overline" component="h3">
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  )
}

function AttemptColumn({ row, side, other }: { row: ScoredAttemptRow; side: 'Earlier' | 'Later'; other: ScoredAttemptRow }) {
  const { attempt, summary } = row
  const star = summary?.star
  const otherMet = new Map(other.summary?.criteria.map((c) => [c.key, c.met]) ?? [])
  return (
    <Stack spacing={2} data-testid={`compare-${side.toLowerCase()}`}>
      <Box>
        <Typography variant="h6" component="h2">
          {side}: {formatAttemptTime(attempt.at)}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
          <Typography variant="h3" component="p" data-testid="compare-score">
            {summary ? summary.overall : '–'}
            <Typography component="span" color="text.secondary">
              /100
            </Typography>
          </Typography>
          <Chip size="small" variant="outlined" label={`${attempt.source} answer`} />
          <Link component={RouterLink} to={`/review/answer/${encodeURIComponent(attempt.answerId)}`}>
            Open its review
          </Link>
        </Stack>
      </Box>
      {summary ? (
        <>
          <Panel title="Criteria met">
            <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
              {summary.criteria.map((c) => {
                const changed = otherMet.has(c.key) && otherMet.get(c.key) !== c.met
                return (
                  <Box component="li" key={c.key} sx={{ display: 'flex', gap: 1, alignItems: 'center', fontWeight: changed ? 600 : 400 }}>
                    {c.met ? <CheckIcon fontSize="small" color="success" aria-label="met" /> : <CloseIcon fontSize="small" color="error" aria-label="not met" />}
                    <span>
                      {c.kind === 'reject' ? `Avoids: ${c.label}` : c.label}
                      {changed ? ' (changed)' : ''}
                    </span>
                  </Box>
                )
              })}
            </Stack>
          </Panel>
          {star && (
            <Panel title="STAR parts">
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {starParts.map((part) => (
                  <Chip key={part} size="small" label={`${starPartLabels[part]} ${Math.round(star[part] * 100)}%`} color={star[part] >= 0.5 ? 'success' : 'default'} />
                ))}
              </Stack>
            </Panel>
          )}
          <Panel title="Key terms">
            {summary.keyTerms.covered.length + summary.keyTerms.missing.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                This question lists no key terms.
              </Typography>
            ) : (
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {summary.keyTerms.covered.map((t) => (
                  <Chip key={t} size="small" color="success" label={t} icon={<CheckIcon />} />
                ))}
                {summary.keyTerms.missing.map((t) => (
                  <Chip key={t} size="small" variant="outlined" label={t} />
                ))}
              </Stack>
            )}
          </Panel>
        </>
      ) : (
        <Alert severity="info">{attempt.pending ? 'Still being transcribed.' : 'This answer cannot be scored (no text, or its question is gone).'}</Alert>
      )}
      <Panel title="Transcript" testId="compare-transcript">
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {attempt.text || '(empty)'}
        </Typography>
      </Panel>
    </Stack>
  )
}

/** Two attempts at a question side by side: scores, criteria, key terms, transcripts and what changed. */
export function AttemptsCompare() {
  const { a = '', b = '' } = useParams()
  const { answers, error, rows, diff, questions } = useComparedAttempts(a, b)
  const stats = diffStats(diff)

  const crumbs = (
    <Breadcrumbs sx={{ mb: 1 }}>
      <Link component={RouterLink} to="/review" underline="hover">
        Review
      </Link>
      <Typography color="text.secondary">Compare attempts</Typography>
    </Breadcrumbs>
  )
  if (error) {
    return (
      <>
        {crumbs}
        <Alert severity="warning">These attempts could not be loaded: {error}</Alert>
      </>
    )
  }
  if (!rows || !answers) return <LinearProgress aria-label="Loading attempts" />
  const [earlier, later] = rows as [ScoredAttemptRow, ScoredAttemptRow]
  const question = questions?.get(answers[1].questionId)
  const delta = earlier.summary && later.summary ? later.summary.overall - earlier.summary.overall : null
  return (
    <Stack spacing={2} data-testid="attempts-compare">
      {crumbs}
      <Box>
        <Typography variant="h4" component="h1" gutterBottom>
          {question ? (
            <Link component={RouterLink} to={`/library/q/${encodeURIComponent(question.id)}`} color="inherit" underline="hover">
              {question.title}
            </Link>
          ) : (
            'Two attempts'
          )}
        </Typography>
        {answers[0].questionId !== answers[1].questionId && <Alert severity="info">These two answers are to different questions.</Alert>}
        {delta !== null && (
          <Typography color="text.secondary" data-testid="compare-delta">
            {delta === 0 ? 'Same score.' : `${delta > 0 ? '+' : ''}${delta} points from the earlier to the later attempt.`}
          </Typography>
        )}
      </Box>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <AttemptColumn row={earlier} side="Earlier" other={later} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <AttemptColumn row={later} side="Later" other={earlier} />
        </Grid>
      </Grid>
      <Panel title="What changed in the transcript" testId="transcript-diff">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {stats.added} word{stats.added === 1 ? '' : 's'} added, {stats.removed} removed, {stats.same} kept. <Box component="ins" sx={insSx}>Added</Box>{' '}
          <Box component="del" sx={delSx}>removed</Box>
        </Typography>
        <Typography variant="body2" component="p" sx={{ lineHeight: 1.9 }}>
          {diff.map((part, i) =>
            part.op === 'same' ? (
              <span key={i}>{part.text} </span>
            ) : part.op === 'added' ? (
              <Box component="ins" key={i} sx={insSx} data-diff="added">
                {part.text}{' '}
              </Box>
            ) : (
              <Box component="del" key={i} sx={delSx} data-diff="removed">
                {part.text}{' '}
              </Box>
            )
          )}
        </Typography>
      </Panel>
    </Stack>
  )
}

const insSx = { bgcolor: 'success.main', color: 'success.contrastText', textDecoration: 'none', px: 0.25, borderRadius: 0.5 }
const delSx = { bgcolor: 'error.main', color: 'error.contrastText', px: 0.25, borderRadius: 0.5 }

/** The two answers, earlier first, scored, and the word diff of their texts. */
function useComparedAttempts(a: string, b: string) {
  const { library } = useLibrary()
  const [answers, setAnswers] = useState<[AnswerRecord, AnswerRecord] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let active = true
    Promise.all([api.getAnswer({ id: a }), api.getAnswer({ id: b })]).then(
      (pair) => active && setAnswers(pair[0].createdAt <= pair[1].createdAt ? pair : [pair[1], pair[0]]),
      (e: unknown) => active && setError(messageOf(e))
    )
    return () => {
      active = false
    }
  }, [a, b])
  // Scoring reads whole questions (answers and key terms): fetched for these two answers only.
  const questionIds = useMemo(() => (answers ? answers.map((answer) => answer.questionId) : []), [answers])
  const { questions } = useQuestions(questionIds)
  const rows = useMemo(() => {
    if (!answers || !library || !questions) return null
    const scoring = { questions: [...questions.values()], rubrics: library.rubrics }
    return answers.map((answer) => summarize(answer, scoring))
  }, [answers, library, questions])
  const diff = useMemo(() => (answers ? wordDiff(answers[0].text, answers[1].text) : []), [answers])
  return { answers, error, rows, diff, questions }
}
