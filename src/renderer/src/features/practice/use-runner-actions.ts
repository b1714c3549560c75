import { useRef } from 'react'
import type { RecordingHandle } from '../recording'
import { useRunnerFocus } from './use-runner-focus'
import { useRunnerShortcuts } from './use-runner-shortcuts'
import type { SessionRunner } from './use-session-runner'

/**
 * The runner's actions as its buttons and keys call them: each does what the session runner
 * does, then moves focus to the next useful control, so it never falls back to the page.
 * `recording` is the handle the recording controls fill in (the record key toggles through it).
 */
export function useRunnerActions(runner: SessionRunner, typedAnswers: boolean) {
  const recording = useRef<RecordingHandle>(null)
  const focusAfter = useRunnerFocus()
  const answerBox = typedAnswers ? (['typed-answer', 'record'] as const) : (['record', 'typed-answer'] as const)
  const act = {
    recording,
    startAnswering: () => {
      runner.startAnswering()
      focusAfter([...answerBox])
    },
    finishAnswer: () => {
      runner.finishAnswer()
      focusAfter(['next'])
    },
    moveOn: (skip: boolean) => void (skip ? runner.skip() : runner.next()).then(() => focusAfter(['start-answering', answerBox[0], 'next'])),
    afterStop: () => focusAfter(['finish-answer', 'next'])
  }
  const { display } = runner
  useRunnerShortcuts({
    startAnswering: act.startAnswering,
    finishAnswer: act.finishAnswer,
    skip: () => act.moveOn(true),
    next: () => act.moveOn(false),
    togglePause: runner.togglePause,
    toggleRecording: () => recording.current?.toggle(),
    canRecord: () => !!display && !display.snapshot.isFinished && display.snapshot.phaseIndex === display.snapshot.phaseCount - 1
  })
  return act
}
