import { RecordingControls } from '../recording'

/**
 * The Practice runner's place for recording: the recording feature's controls for this
 * session item's answer.
 *
 * Contract with the runner:
 * - `answerId` is the session item's stable answer id (audio goes to `audio/<answerId>.wav`);
 *   `timeBoxMs` is the answer phase's length; `autoStart` becomes true when the answer phase
 *   begins and the user's `autoRecord` setting is on.
 * - The runner's Space shortcut dispatches `window` event `RECORDING_TOGGLE_EVENT`, which
 *   starts or stops recording.
 */
export interface RecordingSlotProps {
  sessionId: string
  questionId: string
  answerId: string
  keyTerms: string[]
  timeBoxMs: number
  autoStart: boolean
}

export const RECORDING_TOGGLE_EVENT = 'mockroom:toggle-recording'

export function RecordingSlot({ sessionId, questionId, answerId, keyTerms, timeBoxMs, autoStart }: RecordingSlotProps) {
  return (
    <RecordingControls
      answerId={answerId}
      sessionId={sessionId}
      questionId={questionId}
      keyTerms={keyTerms}
      timeBoxMs={timeBoxMs > 0 ? timeBoxMs : undefined}
      autoStart={autoStart}
      toggleEventName={RECORDING_TOGGLE_EVENT}
    />
  )
}
