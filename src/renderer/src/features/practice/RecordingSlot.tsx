import type { Ref } from 'react'
import { RecordingControls, type RecordingHandle } from '../recording'
import { TypedAnswer } from './TypedAnswer'

/**
 * The Practice runner's place for recording and typing: the recording feature's controls for
 * this session item's answer, with the runner's typed-answer box as its "type" editor.
 *
 * Contract with the runner:
 * - `answerId` is the session item's stable answer id (audio goes to `audio/<answerId>.wav`);
 *   `timeBoxMs` is the answer phase's length; `autoStart` becomes true when the answer phase
 *   begins and the user's `autoRecord` setting is on.
 * - `handleRef` receives `toggle()` (the runner's record key) and `focus()`.
 * - `typed` is the runner's typed take for this answer (saved as you type, flushed before moving on).
 */
export interface RecordingSlotProps {
  sessionId: string
  questionId: string
  answerId: string
  keyTerms: string[]
  timeBoxMs: number
  autoStart: boolean
  handleRef?: Ref<RecordingHandle>
  onStopped?: () => void
  typed: {
    initial: string
    onSave: (text: string) => Promise<void>
    registerFlush: (flush: () => Promise<unknown>) => () => void
  }
}

export function RecordingSlot({ sessionId, questionId, answerId, keyTerms, timeBoxMs, autoStart, handleRef, onStopped, typed }: RecordingSlotProps) {
  return (
    <RecordingControls
      answerId={answerId}
      sessionId={sessionId}
      questionId={questionId}
      keyTerms={keyTerms}
      timeBoxMs={timeBoxMs > 0 ? timeBoxMs : undefined}
      autoStart={autoStart}
      handleRef={handleRef}
      onStopped={onStopped}
      registerFlush={typed.registerFlush}
      renderTypedEditor={(label) => <TypedAnswer label={label} initial={typed.initial} onSave={typed.onSave} registerFlush={typed.registerFlush} />}
    />
  )
}
