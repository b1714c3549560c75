import type { AnswerRecord, AnswerState, AnswerStatus, StoredAnswer, Take } from './answer-schema'
import { currentTake } from './answer-machine'

export function takeState(take: Take | null): AnswerState {
  if (!take) return 'empty'
  if (take.state === 'typed') return 'typed'
  if ((take.state === 'ready' || take.state === 'failed') && take.edited) return 'corrected'
  return take.state
}

function takeStatus(take: Take | null): AnswerStatus {
  if (!take) return 'empty'
  return take.state === 'typed' ? 'ready' : take.state
}

/** The answer as the API sends it: its current take's fields lifted to the top. */
export function answerView(answer: StoredAnswer): AnswerRecord {
  const take = currentTake(answer)
  return {
    ...answer,
    state: takeState(take),
    status: takeStatus(take),
    source: take?.source ?? null,
    recovered: take?.recovered ?? false,
    audioFile: take?.audioFile ?? null,
    durationMs: take?.durationMs ?? null,
    transcript: take?.transcript ?? null,
    text: take?.text ?? '',
    edited: take?.edited ?? false,
    error: take?.error ?? null
  }
}

/** The newest typed take: where the runner's "type your answer" box keeps writing. */
export function newestTypedTake(answer: Pick<StoredAnswer, 'takes'>): Take | null {
  return answer.takes.findLast((take) => take.state === 'typed') ?? null
}
