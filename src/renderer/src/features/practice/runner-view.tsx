import { Alert, Typography } from '@mui/material'
import type { Question } from '@shared/banks/types'
import type { PlanItem, Session, SessionAnswer } from '@shared/session'
import type { RecordingSlotProps } from './RecordingSlot'
import type { useRunnerActions } from './use-runner-actions'
import { runnerShortcuts } from './use-runner-shortcuts'
import type { SessionRunner } from './use-session-runner'

/** What both question views of the runner (the design board and the plain one) are given. */
export interface RunnerViewProps {
  runner: SessionRunner
  act: ReturnType<typeof useRunnerActions>
  session: Session
  item: PlanItem
  question: Question | null
  answer: SessionAnswer | null
  /** Started "with typed answers": never record by itself. */
  typedMode: boolean
  /** The reference answer shows. */
  revealed: boolean
  onReveal: () => void
  bankTitle: string | undefined
  timeBoxMs: number
  /** "Behavioral · question 2 of 5" */
  context: string
}

/** The recording slot's props for the current answer: the same in both views. */
export function recordingSlotProps(view: RunnerViewProps, question: Question, answer: SessionAnswer): RecordingSlotProps {
  const { runner, act, session, item, typedMode, timeBoxMs } = view
  return {
    sessionId: session.id,
    questionId: item.questionId,
    answerId: answer.answerId,
    keyTerms: question.keyTerms,
    timeBoxMs,
    autoStart: runner.autoRecord && !typedMode,
    handleRef: act.recording,
    onStopped: act.afterStop,
    typed: { initial: runner.typedAnswers.get(answer.answerId)?.text ?? '', onSave: runner.saveTyped, registerFlush: runner.registerFlush }
  }
}

export function SaveErrorAlert({ runner }: { runner: SessionRunner }) {
  if (!runner.saveError) return null
  return (
    <Alert severity="error" onClose={runner.dismissSaveError}>
      {runner.saveError}
    </Alert>
  )
}

export function TypedModeNote() {
  return (
    <Alert severity="info" data-testid="typed-mode-note" sx={{ py: 0 }}>
      Typed answers: type in the answer box above. Recording starts only if you press Record.
    </Alert>
  )
}

/** The runner's keys in one line; `except` says where they do not apply. */
export function ShortcutHelp({ except }: { except: string }) {
  return (
    <Typography variant="caption" color="text.secondary" data-testid="shortcut-help">
      {runnerShortcuts.map((s) => `${s.keys}: ${s.short}`).join(' · ')} · ?: all keys (not while {except})
    </Typography>
  )
}
