import { useMemo, useState, type ReactNode } from 'react'
import {
  Alert,
  Box,
  Chip,
  IconButton,
  LinearProgress,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Tooltip,
  Typography
} from '@mui/material'
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline'
import RateReviewIcon from '@mui/icons-material/RateReview'
import { Link as RouterLink } from 'react-router'
import type { AnswerRecord } from '@shared/answers'
import { defaultLexicon } from '@shared/scoring/default-lexicon'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import type { SessionType } from '@shared/session'
import { useLibrary, useQuestions } from '../library'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { formatWhen } from './format-when'
import { describeAnswerDeletion, describeSessionDeletion, type History, type SessionHistory } from './history'
import { scoreAnswer } from '@shared/scoring'
import { useHistory } from './use-history'

const statusLabels: Record<AnswerRecord['status'], string> = {
  empty: 'no take',
  recording: 'recording…',
  transcribing: 'transcribing…',
  ready: '',
  failed: 'transcription failed'
}

const sessionTypeLabels: Record<SessionType, string> = {
  behavioral: 'Behavioral',
  'system-design': 'System design',
  drill: 'Drill',
  mixed: 'Mixed'
}

interface DeleteTarget {
  title: string
  description: string
  run: () => Promise<void>
}

function AnswerRow({ answer, title, score, onDelete }: { answer: AnswerRecord; title: string; score: number | null; onDelete: () => void }) {
  const status = statusLabels[answer.status]
  return (
    <ListItem
      disablePadding
      data-testid="history-answer"
      secondaryAction={
        <Tooltip title="Delete this answer">
          <IconButton edge="end" aria-label={`Delete answer to ${title}`} onClick={onDelete}>
            <DeleteOutlineIcon />
          </IconButton>
        </Tooltip>
      }
    >
      <ListItemButton component={RouterLink} to={`/review/answer/${encodeURIComponent(answer.id)}`}>
        <ListItemText
          primary={title}
          secondary={[
            formatWhen(answer.createdAt),
            answer.source,
            answer.edited ? 'edited' : '',
            answer.takes.length > 1 ? `${answer.takes.length} takes` : '',
            status
          ]
            .filter(Boolean)
            .join(' · ')}
        />
        {score !== null && <Chip size="small" label={`${score}/100`} color={score >= 70 ? 'success' : score >= 40 ? 'warning' : 'default'} sx={{ ml: 1 }} />}
      </ListItemButton>
    </ListItem>
  )
}

/** The Review page's index: every session and answer, newest first, each opening its review. */
export function HistoryList() {
  const { history, error, deleteAnswer, deleteSession } = useHistory()
  const [target, setTarget] = useState<DeleteTarget | null>(null)

  const { titleOf, scores } = useHistoryScores(history)

  const askDeleteAnswer = (answer: AnswerRecord) => {
    const title = titleOf(answer.questionId)
    setTarget({
      title: 'Delete this answer?',
      description: describeAnswerDeletion(answer, title, formatWhen(answer.createdAt)),
      run: () => deleteAnswer(answer.id)
    })
  }

  const header = <PageHeader title="Review" subtitle="Every answer you gave, scored against the interviewers' rubric." />
  if (error || !history) return <HistoryUnavailable header={header} error={error} />
  const empty = history.sessions.length === 0 && history.loose.length === 0
  const answerList = (answers: AnswerRecord[]) => (
    <AnswerList answers={answers} titleOf={titleOf} scores={scores} onDelete={askDeleteAnswer} />
  )

  return (
    <>
      {header}
      {empty ? (
        <EmptyState icon={<RateReviewIcon />} title="Nothing to review yet">
          Every answer you record or type appears here with its transcript, its score and the evidence behind it.
        </EmptyState>
      ) : (
        <Stack spacing={3} sx={{ maxWidth: 960 }} data-testid="history">
          {history.sessions.length > 0 && (
            <Box component="section" aria-labelledby="history-sessions">
              <Typography variant="h6" component="h2" id="history-sessions" gutterBottom>
                Sessions
              </Typography>
              <Stack spacing={2}>
                {history.sessions.map((entry) => (
                  <SessionEntry
                    key={entry.session.id}
                    entry={entry}
                    answerList={answerList}
                    onDelete={(when) =>
                      setTarget({ title: 'Delete this session?', description: describeSessionDeletion(entry, when), run: () => deleteSession(entry.session.id) })
                    }
                  />
                ))}
              </Stack>
            </Box>
          )}
          {history.loose.length > 0 && (
            <Box component="section" aria-labelledby="history-loose">
              <Typography variant="h6" component="h2" id="history-loose" gutterBottom>
                Answers outside sessions
              </Typography>
              <Paper variant="outlined">
                {answerList(history.loose)}
              </Paper>
            </Box>
          )}
        </Stack>
      )}
      <ConfirmDialog
        open={target !== null}
        title={target?.title}
        description={target?.description}
        confirmLabel="Delete"
        idPrefix="confirm-delete"
        onCancel={() => setTarget(null)}
        onConfirm={async () => {
          await target?.run()
          setTarget(null)
        }}
      />
    </>
  )
}

/** The history could not be loaded, or is loading. */
function HistoryUnavailable({ header, error }: { header: ReactNode; error: string | null }) {
  return (
    <>
      {header}
      {error ? <Alert severity="error">{error}</Alert> : <LinearProgress aria-label="Loading history" />}
    </>
  )
}

/** Titles and scores of the answers listed: scoring needs each answer's whole question. */
function useHistoryScores(history: History | null) {
  const { library } = useLibrary()
  // Whole questions for every answer: scores need them, and a removed bank's question still
  // has its text (the backend keeps the questions that answers refer to).
  const answeredIds = useMemo(() => (history ? [...history.sessions.flatMap((s) => s.answers), ...history.loose].map((a) => a.questionId) : []), [history])
  const { questions } = useQuestions(answeredIds)
  const summaries = useMemo(() => new Map(library?.questions.map((q) => [q.id, q]) ?? []), [library])
  const titleOf = (questionId: string) => questions?.get(questionId)?.title ?? summaries.get(questionId)?.title ?? 'A question no longer in your banks'
  const scores = useMemo(() => {
    const map = new Map<string, number>()
    if (!library || !history || !questions) return map
    const scoring = { questions: [...questions.values()], rubrics: library.rubrics }
    const all = [...history.sessions.flatMap((s) => s.answers), ...history.loose]
    for (const answer of all) {
      if (answer.status !== 'ready') continue
      const scored = scoreAnswer(answer, scoring, defaultLexicon)
      if (scored.ok) map.set(answer.id, scored.report.overall)
    }
    return map
  }, [library, history, questions])
  return { titleOf, scores }
}

interface AnswerListProps {
  answers: AnswerRecord[]
  titleOf: (questionId: string) => string
  scores: Map<string, number>
  onDelete: (answer: AnswerRecord) => void
}

function AnswerList({ answers, titleOf, scores, onDelete }: AnswerListProps) {
  return (
    <List dense>
      {answers.map((answer) => (
        <AnswerRow
          key={answer.id}
          answer={answer}
          title={titleOf(answer.questionId)}
          score={scores.get(answer.id) ?? null}
          onDelete={() => onDelete(answer)}
        />
      ))}
    </List>
  )
}

interface SessionEntryProps {
  entry: SessionHistory
  answerList: (answers: AnswerRecord[]) => ReactNode
  /** Asks to delete the session; `when` names it. */
  onDelete: (when: string) => void
}

/** One session: its type, date and status, and the answers given in it. */
function SessionEntry({ entry, answerList, onDelete }: SessionEntryProps) {
  const when = formatWhen(entry.session.createdAt)
  return (
    <Paper variant="outlined" data-testid="history-session">
      <Box sx={{ display: 'flex', alignItems: 'center', px: 2, pt: 1.5, gap: 1 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="subtitle1" component="h3">
            {sessionTypeLabels[entry.session.type]} session · {when}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {entry.session.status === 'abandoned' ? 'discarded' : entry.session.status.replace('-', ' ')} · {entry.answers.length} answer{entry.answers.length === 1 ? '' : 's'}
            {entry.skipped > 0 ? ` · ${entry.skipped} skipped` : ''}
          </Typography>
        </Box>
        <Tooltip title="Delete this session and its answers">
          <IconButton
            aria-label={`Delete session of ${when}`}
            onClick={() => onDelete(when)}
          >
            <DeleteOutlineIcon />
          </IconButton>
        </Tooltip>
      </Box>
      {entry.answers.length > 0 ? (
        answerList(entry.answers)
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
          No answers were given in this session.
        </Typography>
      )}
    </Paper>
  )
}
