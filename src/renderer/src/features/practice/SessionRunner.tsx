import { Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { Alert, Box, Button, Card, CardContent, LinearProgress, Skeleton, Stack, Typography } from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import NavigateNextIcon from '@mui/icons-material/NavigateNext'
import RedoIcon from '@mui/icons-material/Redo'
import VisibilityIcon from '@mui/icons-material/Visibility'
import { Link as RouterLink, useParams, useSearchParams } from 'react-router'
import { isDiagramInText } from '@shared/banks/diagram-in-text'
import type { Question } from '@shared/banks/types'
import type { MermaidDraft, Whiteboard } from '@shared/session'
import type { SqlDrillRecord } from '@shared/sql/drill-record'
import { LazyMarkdown } from '../../components/LazyMarkdown'
import { PageHeader } from '../../components/PageHeader'
import { useLibrary } from '../library'
import { SqlDrillSection } from '../sql-drill'
import { LazyDesignBoard, preloadDesignBoard } from '../whiteboard'
import { ClarifyPanel } from './ClarifyPanel'
import { DesignHeader } from './DesignHeader'
import { FollowUpPanel } from './FollowUpPanel'
import { NotesField } from './NotesField'
import { QuestionCard } from './QuestionCard'
import { RecordingSlot } from './RecordingSlot'
import { SessionClock } from './SessionClock'
import { sessionTypeLabels } from './session-labels'
import { StarScaffold } from './StarScaffold'
import { TimerBar } from './TimerBar'
import { useRunnerActions } from './use-runner-actions'
import { runnerShortcuts } from './use-runner-shortcuts'
import { useSessionRunner } from './use-session-runner'

const designKinds = new Set(['system-design', 'scenario'])
const starKinds = new Set(['behavioral', 'product'])

/** The question's reference answer: hidden until the answer is finished, unless asked for. */
function ReferenceAnswer({ question, revealed, onReveal }: { question: Question; revealed: boolean; onReveal: () => void }) {
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

/** One question at a time: the clock, the question, and the places to answer it. */
export default function SessionRunner() {
  const { id = '' } = useParams()
  // Started "with typed answers" (the microphone or the model was not ready): never record by itself.
  const [params] = useSearchParams()
  const typedAnswers = params.get('answers') === 'typed'
  const runner = useSessionRunner(id)
  const { library } = useLibrary()
  const [revealedFor, setRevealedFor] = useState<string | null>(null)
  const { session, item, question, answer, display } = runner

  const act = useRunnerActions(runner, typedAnswers)
  // Start fetching the whiteboard while the session opens, not when its first question shows.
  const hasDesign = useMemo(
    () => Boolean(session && library?.questions.some((q) => designKinds.has(q.kind) && session.items.some((i) => i.questionId === q.id))),
    [session, library]
  )
  useEffect(() => {
    if (hasDesign) void preloadDesignBoard().catch(() => undefined) // the lazy component reports a failed load itself
  }, [hasDesign])
  const saveDesign = useCallback(
    (patch: { whiteboard?: Whiteboard; mermaid?: MermaidDraft }) => runner.saveItem(patch),
    // saveItem is stable; the runner object is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runner.saveItem]
  )

  const saveSqlDrill = useCallback(
    (sqlDrill: SqlDrillRecord) => void runner.saveItem({ sqlDrill }).catch(() => undefined), // saveItem shows its own error banner
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runner.saveItem]
  )

  if (runner.loadError) {
    return (
      <>
        <PageHeader title="Practice" />
        <Alert severity="error" action={<Button component={RouterLink} to="/practice">Back to Practice</Button>}>
          This session could not be opened: {runner.loadError}
        </Alert>
      </>
    )
  }
  if (!session || !library) {
    return (
      <>
        <PageHeader title="Practice" />
        <LinearProgress aria-label="Loading session" />
      </>
    )
  }
  if (session.status !== 'in-progress' || !item) {
    return (
      <>
        <PageHeader title="Practice" subtitle={sessionTypeLabels[session.type]} />
        <Alert
          severity="success"
          action={
            <Stack direction="row" spacing={1}>
              <Button component={RouterLink} to={`/review?session=${encodeURIComponent(session.id)}`}>Review answers</Button>
              <Button component={RouterLink} to="/practice">New session</Button>
            </Stack>
          }
        >
          This session is {session.status === 'abandoned' ? 'abandoned' : 'finished'}: {session.answers.filter((a) => !a.skipped).length} of{' '}
          {session.items.length} questions answered.
        </Alert>
      </>
    )
  }

  const total = session.items.length
  const isLast = runner.index === total - 1
  const revealed = runner.answerDone || revealedFor === item.questionId
  const bankTitle = library.banks.find((b) => b.id === question?.bankId)?.title
  const timeBoxMs = item.phases.at(-1)!.durationMs
  // The clarify phase of a design question is running: the candidate may ask the interviewer.
  const clarifying = !!display && !display.snapshot.isFinished && item.phases[display.snapshot.phaseIndex]?.id === 'clarify'
  const context = `${sessionTypeLabels[session.type]} · question ${runner.index + 1} of ${total}`
  const typedFor = (answerId: string) => ({ initial: runner.typedAnswers.get(answerId)?.text ?? '', onSave: runner.saveTyped, registerFlush: runner.registerFlush })
  const typedModeNote = (
    <Alert severity="info" data-testid="typed-mode-note" sx={{ py: 0 }}>
      Typed answers: type in the answer box above. Recording starts only if you press Record.
    </Alert>
  )

  if (question && designKinds.has(question.kind)) {
    const clock = display && (
      <SessionClock display={display} onTogglePause={runner.togglePause} onStartAnswering={act.startAnswering} onFinishAnswer={act.finishAnswer} />
    )
    // A diagram the answer draws in its own text shows there; the board lists the others.
    const reference = question.diagrams
      .map((diagram) => (isDiagramInText(diagram.ascii, question.answer) ? { ...diagram, ascii: '' } : diagram))
      .filter((diagram) => diagram.mermaid || diagram.ascii)
    const header = (
      <DesignHeader
        context={context}
        position={{ index: runner.index, total }}
        question={question}
        bankTitle={bankTitle}
        clock={clock}
        busy={runner.busy}
        onSkip={() => act.moveOn(true)}
        onNext={() => act.moveOn(false)}
      />
    )
    // The question and the clock show at once; the board's large chunk fills in below them.
    const loadingBoard = (label: string) => (
      <Stack spacing={1} sx={{ height: 'calc(100dvh - 96px)', minHeight: 460 }}>
        {header}
        <Skeleton variant="rounded" sx={{ flex: 1, height: 'auto' }} aria-label={label} />
      </Stack>
    )
    return (
      <Stack spacing={2}>
        {runner.saveError && (
          <Alert severity="error" onClose={runner.dismissSaveError}>
            {runner.saveError}
          </Alert>
        )}
        {answer ? (
          <Suspense fallback={loadingBoard('Loading the whiteboard')}>
            <LazyDesignBoard
              key={item.questionId}
              whiteboard={answer.whiteboard}
              mermaid={answer.mermaid}
              onSave={saveDesign}
              registerFlush={runner.registerFlush}
              reference={revealed ? reference : null}
              header={header}
              floatingClock={clock}
              side={
                <Stack spacing={1.5}>
                  <ClarifyPanel key={`clarify-${answer.answerId}`} sessionId={session.id} questionId={item.questionId} answerId={answer.answerId} timeBoxMs={timeBoxMs} active={clarifying} />
                  <RecordingSlot
                    sessionId={session.id}
                    questionId={item.questionId}
                    answerId={answer.answerId}
                    keyTerms={question.keyTerms}
                    timeBoxMs={timeBoxMs}
                    autoStart={runner.autoRecord && !typedAnswers}
                    handleRef={act.recording}
                    onStopped={act.afterStop}
                    typed={typedFor(answer.answerId)}
                  />
                  <Typography variant="caption" color="text.secondary" data-testid="shortcut-help">
                    {runnerShortcuts.map((s) => `${s.keys}: ${s.short}`).join(' · ')} · ?: all keys (not while typing or drawing)
                  </Typography>
                  {typedAnswers && typedModeNote}
                  <FollowUpPanel key={`follow-ups-${answer.answerId}`} answerId={answer.answerId} active={runner.answerDone} flushAnswer={runner.flushAll} registerFlush={runner.registerFlush} />
                  <NotesField initial={answer.notes} onSave={(notes) => runner.saveItem({ notes })} registerFlush={runner.registerFlush} />
                </Stack>
              }
            />
          </Suspense>
        ) : (
          loadingBoard('Opening the question')
        )}
        <ReferenceAnswer question={question} revealed={revealed} onReveal={() => setRevealedFor(item.questionId)} />
      </Stack>
    )
  }

  return (
    <Stack spacing={2}>
      <PageHeader
        title="Practice"
        subtitle={context}
        actions={
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
        }
      />
      <LinearProgress variant="determinate" value={(runner.index / total) * 100} aria-label={`Question ${runner.index + 1} of ${total}`} />
      {runner.saveError && (
        <Alert severity="error" onClose={runner.dismissSaveError}>
          {runner.saveError}
        </Alert>
      )}
      {display && (
        <TimerBar display={display} onTogglePause={runner.togglePause} onStartAnswering={act.startAnswering} onFinishAnswer={act.finishAnswer} />
      )}
      {question ? (
        <QuestionCard question={question} bankTitle={bankTitle} />
      ) : runner.questionLoading ? (
        <LinearProgress aria-label="Loading question" />
      ) : (
        <Alert severity="warning">
          This question is no longer in your banks (its bank may have been removed). Skip it to go on.
        </Alert>
      )}
      {answer && question && (
        <Stack spacing={2} key={item.questionId}>
          <Stack spacing={1}>
            <RecordingSlot
              sessionId={session.id}
              questionId={item.questionId}
              answerId={answer.answerId}
              keyTerms={question.keyTerms}
              timeBoxMs={timeBoxMs}
              autoStart={runner.autoRecord && !typedAnswers}
              handleRef={act.recording}
              onStopped={act.afterStop}
              typed={typedFor(answer.answerId)}
            />
            <Typography variant="caption" color="text.secondary" data-testid="shortcut-help">
              {runnerShortcuts.map((s) => `${s.keys}: ${s.short}`).join(' · ')} · ?: all keys (not while typing)
            </Typography>
          </Stack>
          {typedAnswers && typedModeNote}
          {starKinds.has(question.kind) && (
            <StarScaffold initial={answer.starScaffold} onSave={(starScaffold) => runner.saveItem({ starScaffold })} registerFlush={runner.registerFlush} />
          )}
          <SqlDrillSection question={question} initial={answer.sqlDrill} onRecord={saveSqlDrill} />
          <FollowUpPanel answerId={answer.answerId} active={runner.answerDone} flushAnswer={runner.flushAll} registerFlush={runner.registerFlush} />
          <NotesField initial={answer.notes} onSave={(notes) => runner.saveItem({ notes })} registerFlush={runner.registerFlush} />
          <ReferenceAnswer question={question} revealed={revealed} onReveal={() => setRevealedFor(item.questionId)} />
        </Stack>
      )}
    </Stack>
  )
}
