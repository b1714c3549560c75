import type { AnswerRecord } from '@shared/answers'

/**
 * The one "type or correct" editor, by the answer's state:
 * - `type`: nothing recorded is current (no answer yet, or a typed one): a box typed into, saved as you type;
 * - `correct`: a recorded take is current and done: its text can be corrected (the original transcript is kept);
 * - `none`: the microphone is open, so there is nothing to correct yet.
 */
export type EditorMode =
  | { kind: 'type'; label: string }
  | { kind: 'correct'; action: string; label: string }
  | { kind: 'none' }

export function editorModeOf(answer: AnswerRecord | null, recording: boolean): EditorMode {
  if (recording) return { kind: 'none' }
  if (!answer || answer.state === 'empty') return { kind: 'type', label: 'Type your answer' }
  if (answer.state === 'typed') return { kind: 'type', label: 'Your typed answer' }
  if (answer.state === 'recording') return { kind: 'none' }
  const label = 'Corrected transcript (the original is kept)'
  if (answer.state === 'corrected') return { kind: 'correct', action: 'Edit your correction', label }
  // While transcribing too: a correction made meanwhile wins over the transcript when it lands.
  if (answer.text.trim()) return { kind: 'correct', action: 'Correct the transcript', label }
  // A recording with no words heard (yet), not transcribed, or whose transcription failed.
  return { kind: 'correct', action: 'Type what you said', label: 'What you said (the recording is kept)' }
}
