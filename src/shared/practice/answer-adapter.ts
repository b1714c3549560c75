import type { AnswerRecord } from '../answers'
import type { WordTime } from '../scoring/report-schema'

/**
 * The one place that reads an answer record for practice: spaced repetition, progress and the
 * attempt comparison all see answers through `attemptOf`, so a change in how answers are
 * stored (takes, a new status machine) is adapted here alone.
 */
export interface Attempt {
  answerId: string
  questionId: string
  sessionId: string | null
  /** When the answer was given. */
  at: string
  /** Changes whenever the text (and so the score) may have changed. */
  updatedAt: string
  source: AnswerRecord['source']
  /** Finished (not recording or transcribing) with text to score. */
  scorable: boolean
  /** Still recording or transcribing: its score is not known yet. */
  pending: boolean
  text: string
  /** Word times, only while the text is still the transcript they came from. */
  words: readonly WordTime[] | undefined
  /** What the audio said (kept when the text corrects it): the scorer reads delivery from it. */
  transcript: AnswerRecord['transcript']
  durationMs: number | null
  timeBoxMs: number | null
  hasAudio: boolean
  /** The SQL drill answered with it: its query's correctness is part of the score. */
  sqlDrill?: AnswerRecord['sqlDrill']
}

export function attemptOf(answer: AnswerRecord): Attempt {
  const unedited = answer.transcript !== null && answer.text === answer.transcript.text
  return {
    answerId: answer.id,
    questionId: answer.questionId,
    sessionId: answer.sessionId,
    at: answer.createdAt,
    updatedAt: answer.updatedAt,
    source: answer.source,
    scorable: answer.status === 'ready' && answer.text.trim() !== '',
    pending: answer.status === 'recording' || answer.status === 'transcribing',
    text: answer.text,
    words: unedited ? answer.transcript?.words : undefined,
    transcript: answer.transcript,
    durationMs: answer.durationMs,
    timeBoxMs: answer.timeBoxMs,
    hasAudio: answer.audioFile !== null,
    ...(answer.sqlDrill ? { sqlDrill: answer.sqlDrill } : {})
  }
}
