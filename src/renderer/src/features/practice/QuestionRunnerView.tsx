import { useCallback } from 'react'
import { Alert, Button, LinearProgress, Stack } from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import NavigateNextIcon from '@mui/icons-material/NavigateNext'
import RedoIcon from '@mui/icons-material/Redo'
import type { Question } from '@shared/banks/types'
import type { SessionAnswer } from '@shared/session'
import type { SqlDrillRecord } from '@shared/sql/drill-record'
import { PageHeader } from '../../components/PageHeader'
import { SqlDrillSection } from '../sql-drill'
import { FollowUpPanel } from './FollowUpPanel'
import { NotesField } from './NotesField'
import { QuestionCard } from './QuestionCard'
import { RecordingSlot } from './RecordingSlot'
import { ReferenceAnswer } from './ReferenceAnswer'
import { StarScaffold } from './StarScaffold'
import { TimerBar } from './TimerBar'
import { recordingSlotProps, SaveErrorAlert, ShortcutHelp, TypedModeNote, type RunnerViewProps } from './runner-view'

const starKinds = new Set(['behavioral', 'product'])

/** Any question but a design one: the clock bar, the question, and the places to answer it below. */
export function QuestionRunnerView(view: RunnerViewProps) {
  const { runner, act, item, question, answer } = view
  const total = view.session.items.length
  return (
    <Stack spacing={2}>
      <PageHeader title="Practice" subtitle={view.context} actions={<RunnerNavButtons view={view} />} />
      <LinearProgress variant="determinate" value={(runner.index / total) * 100} aria-label={`Question ${runner.index + 1} of ${total}`} />
      <SaveErrorAlert runner={runner} />
      {runner.display && (
        <TimerBar display={runner.display} onTogglePause={runner.togglePause} onStartAnswering={act.startAnswering} onFinishAnswer={act.finishAnswer} />
      )}
      {question ? (
        <QuestionCard question={question} bankTitle={view.bankTitle} />
      ) : runner.questionLoading ? (
        <LinearProgress aria-label="Loading question" />
      ) : (
        <Alert severity="warning">
          This question is no longer in your banks (its bank may have been removed). Skip it to go on.
        </Alert>
      )}
      {answer && question && <AnswerTools key={item.questionId} view={view} question={question} answer={answer} />}
    </Stack>
  )
}

/** Skip, and Next question (Finish session on the last one). */
function RunnerNavButtons({ view }: { view: RunnerViewProps }) {
  const { runner, act } = view
  const isLast = runner.index === view.session.items.length - 1
  return (
    <Stack direction="row" spacing={1}>
      <Button startIcon={<RedoIcon />} onClick={() => act.moveOn(true)} disabled={runner.busy} title="S">
        Skip
      </Button>
      {isLast ? (
        <Button variant="contained" startIcon={<CheckIcon />} onClick={() => act.moveOn(false)} disabled={runner.busy} title="N" data-focus-target="next">
          Finish session
        </Button>
      ) : (
        <Button variant="contained" endIcon={<NavigateNextIcon />} onClick={() => act.moveOn(false)} disabled={runner.busy} title="N" data-focus-target="next">
          Next question
        </Button>
      )}
    </Stack>
  )
}

/** The places to answer the current question: recording or typing, STAR or SQL, follow-ups, notes. */
function AnswerTools({ view, question, answer }: { view: RunnerViewProps; question: Question; answer: SessionAnswer }) {
  const { runner } = view
  const { saveItem } = runner
  // saveItem shows its own error banner.
  const saveSqlDrill = useCallback((sqlDrill: SqlDrillRecord) => void saveItem({ sqlDrill }).catch(() => undefined), [saveItem])
  return (
    <Stack spacing={2}>
      <Stack spacing={1}>
        <RecordingSlot {...recordingSlotProps(view, question, answer)} />
        <ShortcutHelp except="typing" />
      </Stack>
      {view.typedMode && <TypedModeNote />}
      {starKinds.has(question.kind) && (
        <StarScaffold initial={answer.starScaffold} onSave={(starScaffold) => runner.saveItem({ starScaffold })} registerFlush={runner.registerFlush} />
      )}
      <SqlDrillSection question={question} initial={answer.sqlDrill} onRecord={saveSqlDrill} />
      <FollowUpPanel answerId={answer.answerId} active={runner.answerDone} flushAnswer={runner.flushAll} registerFlush={runner.registerFlush} keyTerms={question.keyTerms} />
      <NotesField initial={answer.notes} onSave={(notes) => runner.saveItem({ notes })} registerFlush={runner.registerFlush} />
      <ReferenceAnswer question={question} revealed={view.revealed} onReveal={view.onReveal} />
    </Stack>
  )
}
