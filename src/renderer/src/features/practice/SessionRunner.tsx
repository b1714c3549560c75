import { useEffect, useMemo, useState } from 'react'
import { Alert, Button, LinearProgress, Stack } from '@mui/material'
import { Link as RouterLink, useParams, useSearchParams } from 'react-router'
import type { Session } from '@shared/session'
import { PageHeader } from '../../components/PageHeader'
import { useLibrary } from '../library'
import { preloadDesignBoard } from '../whiteboard'
import { DesignRunnerView } from './DesignRunnerView'
import { QuestionRunnerView } from './QuestionRunnerView'
import type { RunnerViewProps } from './runner-view'
import { sessionTypeLabels } from './session-labels'
import { answerTimeBoxMs } from './time-box'
import { useRunnerActions } from './use-runner-actions'
import { useSessionRunner } from './use-session-runner'

const designKinds = new Set(['system-design', 'scenario'])

/** One question at a time: the clock, the question, and the places to answer it. */
export default function SessionRunner() {
  const { id = '' } = useParams()
  // Started "with typed answers" (the microphone or the model was not ready): never record by itself.
  const [params] = useSearchParams()
  const typedMode = params.get('answers') === 'typed'
  const runner = useSessionRunner(id)
  const { library } = useLibrary()
  const [revealedFor, setRevealedFor] = useState<string | null>(null)
  const { session, item, question } = runner

  const act = useRunnerActions(runner, typedMode)
  // Start fetching the whiteboard while the session opens, not when its first question shows.
  const hasDesign = useMemo(
    () => Boolean(session && library?.questions.some((q) => designKinds.has(q.kind) && session.items.some((i) => i.questionId === q.id))),
    [session, library]
  )
  useEffect(() => {
    if (hasDesign) void preloadDesignBoard().catch(() => undefined) // the lazy component reports a failed load itself
  }, [hasDesign])

  if (runner.loadError) return <SessionLoadFailed error={runner.loadError} />
  if (!session || !library) {
    return (
      <>
        <PageHeader title="Practice" />
        <LinearProgress aria-label="Loading session" />
      </>
    )
  }
  if (session.status !== 'in-progress' || !item) return <SessionEnded session={session} />

  const view: RunnerViewProps = {
    runner,
    act,
    session,
    item,
    question,
    answer: runner.answer,
    typedMode,
    revealed: runner.answerDone || revealedFor === item.questionId,
    onReveal: () => setRevealedFor(item.questionId),
    bankTitle: library.banks.find((b) => b.id === question?.bankId)?.title,
    timeBoxMs: answerTimeBoxMs(item.phases),
    context: `${sessionTypeLabels[session.type]} · question ${runner.index + 1} of ${session.items.length}`
  }
  if (question && designKinds.has(question.kind)) return <DesignRunnerView {...view} question={question} />
  return <QuestionRunnerView {...view} />
}

function SessionLoadFailed({ error }: { error: string }) {
  return (
    <>
      <PageHeader title="Practice" />
      <Alert severity="error" action={<Button component={RouterLink} to="/practice">Back to Practice</Button>}>
        This session could not be opened: {error}
      </Alert>
    </>
  )
}

/** A session opened after it was finished or abandoned: how it went, and where to go next. */
function SessionEnded({ session }: { session: Session }) {
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
