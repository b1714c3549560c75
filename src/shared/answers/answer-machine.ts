import { AppError, type ApiErrorData } from '../api/result'
import type { SqlDrillRecord } from '../sql/drill-record'
import type { Transcript } from '../transcript'
import { takeAudioFile, takeIdOf } from './answer-id'
import type { StoredAnswer, Take, TakeState } from './answer-schema'

/**
 * The answer lifecycle as a pure state machine. Every change to an answer is one of these
 * events, applied here and nowhere else; AnswersService is the only caller that persists the
 * result. An event that does not fit the take's state is refused with a coded error, never
 * applied halfway and never allowed to overwrite what is there.
 *
 * A take's life:
 *
 *   (new) ─startRecording→ recording ─stopRecording→ transcribing ─transcribed→ ready
 *                              │            (no audio) ↘             ─transcriptionFailed→ failed
 *                              └──────────────────────→ failed
 *   (new) ─importAudio→ transcribing
 *   (new) ─type→ typed ─type/edit→ typed
 *   ready | failed ─retranscribe→ transcribing
 *   ready | failed | transcribing ─edit→ same state, text corrected (transcript kept)
 *   any audio take ─quarantine→ failed (its damaged file was moved aside)
 *
 * And for the answer: `restore` makes an older take current, `deleteTake` removes one (never
 * while it records), `partialText` shows the words transcribed so far while recording.
 */
export type AnswerChange =
  /** A new recorded take, current from now on. */
  | { type: 'startRecording' }
  /** A new take from a WAV file, already converted and saved; transcription follows. */
  | { type: 'importAudio'; durationMs: number }
  | { type: 'partialText'; takeId: string; text: string }
  /** The recording ended: by Stop, or (`interrupted`) because its page went quiet or the app stopped. */
  | { type: 'stopRecording'; takeId: string; durationMs: number; interrupted: boolean }
  | { type: 'transcribed'; takeId: string; transcript: Transcript }
  | { type: 'transcriptionFailed'; takeId: string; error: ApiErrorData }
  | { type: 'retranscribe'; takeId: string; durationMs: number }
  /** Typed text: updates typed take `takeId` when it exists, else becomes a new typed take. */
  | { type: 'type'; text: string; takeId?: string }
  /** A correction of the take's text (of a typed take: new text); the transcript is kept. */
  | { type: 'edit'; takeId: string; text: string }
  | { type: 'restore'; takeId: string }
  | { type: 'deleteTake'; takeId: string }
  /** The take's audio is damaged beyond repair; the file was moved aside (the error says where). */
  | { type: 'quarantine'; takeId: string; error: ApiErrorData }
  /** The SQL drill's latest state (each Run or Check): the answer's, not a take's, so legal in any state. */
  | { type: 'sqlDrill'; record: SqlDrillRecord }

export type AnswerChangeType = AnswerChange['type']

export const ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION'

/** A refused change: `code` is ILLEGAL_TRANSITION (or NOT_FOUND for a take that does not exist). */
export class AnswerTransitionError extends AppError {
  constructor(
    code: typeof ILLEGAL_TRANSITION | 'NOT_FOUND',
    message: string,
    readonly change: AnswerChangeType,
    readonly from: TakeState | 'none'
  ) {
    super(code, message)
    this.name = 'AnswerTransitionError'
  }
}

export interface AnswerOwner {
  sessionId: string | null
  questionId: string
  timeBoxMs?: number | null
}

/** A new answer without any take. */
export function createAnswer(id: string, owner: AnswerOwner, at: string): StoredAnswer {
  return {
    id,
    sessionId: owner.sessionId,
    questionId: owner.questionId,
    createdAt: at,
    updatedAt: at,
    timeBoxMs: owner.timeBoxMs ?? null,
    takes: [],
    currentTakeId: null,
    lastTakeNumber: 0,
    clarifications: [],
    followUps: []
  }
}

export function currentTake(answer: Pick<StoredAnswer, 'takes' | 'currentTakeId'>): Take | null {
  return answer.takes.find((take) => take.id === answer.currentTakeId) ?? null
}

/** The take still receiving audio, if any: an answer records into at most one take at a time. */
export function recordingTake(answer: Pick<StoredAnswer, 'takes'>): Take | null {
  return answer.takes.find((take) => take.state === 'recording') ?? null
}

const audioStates: ReadonlySet<TakeState> = new Set(['recording', 'transcribing', 'ready', 'failed'])

function refuse(change: AnswerChangeType, from: TakeState | 'none', why: string): never {
  throw new AnswerTransitionError(ILLEGAL_TRANSITION, `Cannot ${describe[change]} ${why}.`, change, from)
}

const describe: Record<AnswerChangeType, string> = {
  startRecording: 'start recording',
  importAudio: 'import audio',
  partialText: 'show partial text',
  stopRecording: 'stop the recording',
  transcribed: 'save the transcript',
  transcriptionFailed: 'mark the transcription failed',
  retranscribe: 'transcribe again',
  type: 'save typed text',
  edit: 'change the text',
  restore: 'restore this take',
  deleteTake: 'delete this take',
  quarantine: 'set the audio aside',
  sqlDrill: 'save the SQL drill'
}

function findTake(answer: StoredAnswer, takeId: string, change: AnswerChangeType): Take {
  const take = answer.takes.find((t) => t.id === takeId)
  if (!take) throw new AnswerTransitionError('NOT_FOUND', `Answer ${answer.id} has no take ${takeId}.`, change, 'none')
  return take
}

function newTake(answer: StoredAnswer, fields: Pick<Take, 'source' | 'state'> & Partial<Take>, at: string): { answer: StoredAnswer; take: Take } {
  const number = answer.lastTakeNumber + 1
  const id = takeIdOf(number)
  const take: Take = {
    id,
    createdAt: at,
    updatedAt: at,
    recovered: false,
    audioFile: null,
    durationMs: null,
    transcript: null,
    text: '',
    edited: false,
    error: null,
    ...fields
  }
  return { answer: { ...answer, lastTakeNumber: number, takes: [...answer.takes, take] }, take }
}

function withTake(answer: StoredAnswer, takeId: string, patch: Partial<Take>, at: string): StoredAnswer {
  return { ...answer, takes: answer.takes.map((take) => (take.id === takeId ? { ...take, ...patch, updatedAt: at } : take)) }
}

/** `text` is a correction exactly when it differs from what whisper heard. */
function correctionOf(take: Take, text: string): Pick<Take, 'text' | 'edited'> {
  return { text, edited: text !== (take.transcript?.text ?? '') }
}

/**
 * Applies one change and returns the new answer (the input is not modified), or throws an
 * AnswerTransitionError when the change is not legal in the take's current state.
 */
export function applyAnswerChange(answer: StoredAnswer, change: AnswerChange, at: string): StoredAnswer {
  return { ...apply(answer, change, at), updatedAt: at }
}

function startRecording(answer: StoredAnswer, at: string): StoredAnswer {
  const open = recordingTake(answer)
  if (open) refuse('startRecording', open.state, `while take ${open.id} is still recording`)
  const id = takeIdOf(answer.lastTakeNumber + 1)
  const made = newTake(answer, { source: 'recorded', state: 'recording', audioFile: takeAudioFile(answer.id, id), durationMs: 0 }, at)
  return { ...made.answer, currentTakeId: made.take.id }
}

function importAudio(answer: StoredAnswer, durationMs: number, at: string): StoredAnswer {
  const id = takeIdOf(answer.lastTakeNumber + 1)
  const made = newTake(answer, { source: 'imported', state: 'transcribing', audioFile: takeAudioFile(answer.id, id), durationMs }, at)
  // A take still recording keeps its place as the answer the candidate is giving.
  return { ...made.answer, currentTakeId: recordingTake(answer) ? answer.currentTakeId : made.take.id }
}

/** A take with audio goes on to transcription; one without fails, saying why. */
function stopRecording(answer: StoredAnswer, change: Extract<AnswerChange, { type: 'stopRecording' }>, at: string): StoredAnswer {
  const take = findTake(answer, change.takeId, change.type)
  if (take.state !== 'recording') refuse(change.type, take.state, `of a take that is ${take.state}, not recording`)
  if (change.durationMs > 0) {
    return withTake(answer, take.id, { state: 'transcribing', durationMs: change.durationMs, recovered: change.interrupted, error: null }, at)
  }
  const message = change.interrupted
    ? 'The recording was interrupted before any audio was saved. Record the answer again.'
    : 'No audio was recorded. Check the microphone, then record again or type your answer.'
  return withTake(answer, take.id, { state: 'failed', durationMs: 0, recovered: change.interrupted, error: { code: 'NO_AUDIO', message } }, at)
}

/** The take goes; when it was the current one, the latest take left becomes current. */
function deleteTake(answer: StoredAnswer, takeId: string): StoredAnswer {
  const take = findTake(answer, takeId, 'deleteTake')
  if (take.state === 'recording') refuse('deleteTake', take.state, 'while it is still recording: stop it first')
  const takes = answer.takes.filter((t) => t.id !== take.id)
  const currentTakeId = answer.currentTakeId === take.id ? (takes.at(-1)?.id ?? null) : answer.currentTakeId
  return { ...answer, takes, currentTakeId }
}

function apply(answer: StoredAnswer, change: AnswerChange, at: string): StoredAnswer {
  switch (change.type) {
    case 'startRecording':
      return startRecording(answer, at)
    case 'importAudio':
      return importAudio(answer, change.durationMs, at)
    case 'partialText': {
      const take = findTake(answer, change.takeId, change.type)
      if (take.state !== 'recording' && take.state !== 'transcribing') refuse(change.type, take.state, `of a take that is ${take.state}`)
      // A correction typed meanwhile wins over whisper's words.
      return take.edited ? answer : withTake(answer, take.id, { text: change.text }, at)
    }
    case 'stopRecording':
      return stopRecording(answer, change, at)
    case 'transcribed': {
      const take = findTake(answer, change.takeId, change.type)
      if (take.state !== 'transcribing') refuse(change.type, take.state, `of a take that is ${take.state}, not transcribing`)
      return withTake(
        answer,
        take.id,
        { state: 'ready', transcript: change.transcript, text: take.edited ? take.text : change.transcript.text, error: null },
        at
      )
    }
    case 'transcriptionFailed': {
      const take = findTake(answer, change.takeId, change.type)
      if (take.state !== 'transcribing') refuse(change.type, take.state, `of a take that is ${take.state}, not transcribing`)
      return withTake(answer, take.id, { state: 'failed', error: change.error }, at)
    }
    case 'retranscribe': {
      const take = findTake(answer, change.takeId, change.type)
      if (take.state !== 'ready' && take.state !== 'failed') refuse(change.type, take.state, `a take that is ${take.state}`)
      if (!take.audioFile || change.durationMs <= 0) refuse(change.type, take.state, 'a take without audio')
      return withTake(answer, take.id, { state: 'transcribing', durationMs: change.durationMs, error: null }, at)
    }
    case 'type': {
      const own = change.takeId ? answer.takes.find((t) => t.id === change.takeId && t.state === 'typed') : undefined
      if (own) return withTake(answer, own.id, { text: change.text }, at)
      const made = newTake(answer, { source: 'typed', state: 'typed', text: change.text }, at)
      return { ...made.answer, currentTakeId: recordingTake(answer) ? answer.currentTakeId : made.take.id }
    }
    case 'edit': {
      const take = findTake(answer, change.takeId, change.type)
      if (take.state === 'typed') return withTake(answer, take.id, { text: change.text }, at)
      if (take.state === 'recording') refuse(change.type, take.state, 'while the take is still recording: stop it first')
      return withTake(answer, take.id, correctionOf(take, change.text), at)
    }
    case 'restore': {
      const take = findTake(answer, change.takeId, change.type)
      const open = recordingTake(answer)
      if (open && open.id !== take.id) refuse(change.type, open.state, `while take ${open.id} is still recording: stop it first`)
      return { ...answer, currentTakeId: take.id }
    }
    case 'deleteTake':
      return deleteTake(answer, change.takeId)
    case 'quarantine': {
      const take = findTake(answer, change.takeId, change.type)
      if (!audioStates.has(take.state)) refuse(change.type, take.state, 'of a typed take, which has no audio')
      return withTake(answer, take.id, { state: 'failed', audioFile: null, error: change.error }, at)
    }
    case 'sqlDrill':
      return { ...answer, sqlDrill: change.record }
  }
}
