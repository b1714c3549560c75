import { Suspense, useCallback, type ReactNode } from 'react'
import { Skeleton, Stack } from '@mui/material'
import { isDiagramInText } from '@shared/banks/diagram-in-text'
import type { Question } from '@shared/banks/types'
import type { MermaidDraft, SessionAnswer, Whiteboard } from '@shared/session'
import { LazyDesignBoard } from '../whiteboard'
import { ClarifyPanel } from './ClarifyPanel'
import { DesignHeader } from './DesignHeader'
import { FollowUpPanel } from './FollowUpPanel'
import { NotesField } from './NotesField'
import { RecordingSlot } from './RecordingSlot'
import { ReferenceAnswer } from './ReferenceAnswer'
import { SessionClock } from './SessionClock'
import { recordingSlotProps, SaveErrorAlert, ShortcutHelp, TypedModeNote, type RunnerViewProps } from './runner-view'

type DesignViewProps = RunnerViewProps & { question: Question }

/** A design question: the whiteboard fills the page, the answer tools sit beside it. */
export function DesignRunnerView(view: DesignViewProps) {
  const { runner, act, item, question, answer, revealed, onReveal } = view
  const { saveItem } = runner
  const saveDesign = useCallback((patch: { whiteboard?: Whiteboard; mermaid?: MermaidDraft }) => saveItem(patch), [saveItem])
  const { display } = runner
  const clock = display && (
    <SessionClock display={display} onTogglePause={runner.togglePause} onStartAnswering={act.startAnswering} onFinishAnswer={act.finishAnswer} />
  )
  // A diagram the answer draws in its own text shows there; the board lists the others.
  const reference = question.diagrams
    .map((diagram) => (isDiagramInText(diagram.ascii, question.answer) ? { ...diagram, ascii: '' } : diagram))
    .filter((diagram) => diagram.mermaid || diagram.ascii)
  const total = view.session.items.length
  const header = (
    <DesignHeader
      context={view.context}
      position={{ index: runner.index, total }}
      question={question}
      bankTitle={view.bankTitle}
      clock={clock}
      busy={runner.busy}
      onSkip={() => act.moveOn(true)}
      onNext={() => act.moveOn(false)}
    />
  )
  return (
    <Stack spacing={2}>
      <SaveErrorAlert runner={runner} />
      {answer ? (
        <Suspense fallback={<LoadingBoard header={header} label="Loading the whiteboard" />}>
          <LazyDesignBoard
            key={item.questionId}
            whiteboard={answer.whiteboard}
            mermaid={answer.mermaid}
            onSave={saveDesign}
            registerFlush={runner.registerFlush}
            reference={revealed ? reference : null}
            header={header}
            floatingClock={clock}
            side={<DesignSide view={view} answer={answer} />}
          />
        </Suspense>
      ) : (
        <LoadingBoard header={header} label="Opening the question" />
      )}
      <ReferenceAnswer question={question} revealed={revealed} onReveal={onReveal} />
    </Stack>
  )
}

/** The question and the clock show at once; the board's large chunk fills in below them. */
function LoadingBoard({ header, label }: { header: ReactNode; label: string }) {
  return (
    <Stack spacing={1} sx={{ height: 'calc(100dvh - 96px)', minHeight: 460 }}>
      {header}
      <Skeleton variant="rounded" sx={{ flex: 1, height: 'auto' }} aria-label={label} />
    </Stack>
  )
}

/** Beside the board: asking the interviewer, recording or typing the answer, follow-ups and notes. */
function DesignSide({ view, answer }: { view: DesignViewProps; answer: SessionAnswer }) {
  const { runner, session, item, question, timeBoxMs } = view
  // The clarify phase of a design question is running: the candidate may ask the interviewer.
  const { display } = runner
  const clarifying = !!display && !display.snapshot.isFinished && item.phases[display.snapshot.phaseIndex]?.id === 'clarify'
  return (
    <Stack spacing={1.5}>
      <ClarifyPanel key={`clarify-${answer.answerId}`} sessionId={session.id} questionId={item.questionId} answerId={answer.answerId} timeBoxMs={timeBoxMs} active={clarifying} keyTerms={question.keyTerms} />
      <RecordingSlot {...recordingSlotProps(view, question, answer)} />
      <ShortcutHelp except="typing or drawing" />
      {view.typedMode && <TypedModeNote />}
      <FollowUpPanel key={`follow-ups-${answer.answerId}`} answerId={answer.answerId} active={runner.answerDone} flushAnswer={runner.flushAll} registerFlush={runner.registerFlush} keyTerms={question.keyTerms} />
      <NotesField initial={answer.notes} onSave={(notes) => runner.saveItem({ notes })} registerFlush={runner.registerFlush} />
    </Stack>
  )
}
