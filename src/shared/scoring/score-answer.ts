import type { AnswerRecord } from '../answers'
import { questionWithRubric, type QuestionSource } from '../banks/find-question'
import type { Question, Rubric } from '../banks/types'
import type { WordTime } from './analysis'
import { defaultLexicon } from './default-lexicon'
import { defaultProfiles } from './default-profiles'
import type { Lexicon } from './lexicon'
import type { ScoringProfiles } from './profiles'
import type { ScoreReport } from './report-schema'
import { scoreTranscript } from './score-transcript'

/**
 * The one entry point that scores a stored answer: the review screen, the progress page, the
 * CLI and (later) the follow-up policy all call this, so they cannot disagree.
 */

export type ScoredAnswer =
  | { ok: true; question: Question; rubric: Rubric; report: ScoreReport }
  | { ok: false; reason: 'no-question' | 'no-rubric' | 'no-text'; question: Question | null }

/** The speech an answer was given in: what the audio said, its word times and its length. */
export interface SpeechTiming {
  words: readonly WordTime[]
  /** The transcript of the audio as the transcriber produced it (before any correction). */
  spokenText: string
  durationMs: number | null
}

/** The fields of an answer the scorer reads; `text` may be an unsaved edit. */
export type ScorableAnswer = Pick<AnswerRecord, 'questionId' | 'transcript' | 'durationMs' | 'timeBoxMs'> & { text: string } & Partial<Pick<AnswerRecord, 'sqlDrill'>>

/**
 * Where an answer's speech timing lives. The only function that knows the record's shape, so
 * a change to it (takes) is adapted here. A typed answer has none.
 */
export function speechTimingOf(answer: Pick<AnswerRecord, 'transcript' | 'durationMs'>): SpeechTiming | null {
  const transcript = answer.transcript
  if (!transcript) return null
  const durationMs = transcript.durationMs > 0 ? transcript.durationMs : answer.durationMs
  return { words: transcript.words, spokenText: transcript.text, durationMs: durationMs ?? null }
}

/**
 * Scores an answer's current text against its question's profile and rubric. A corrected
 * transcript keeps the timing of the audio it corrects: content is read from the text, delivery
 * from what was spoken.
 */
export function scoreAnswer(
  answer: ScorableAnswer,
  library: QuestionSource,
  lexicon: Lexicon = defaultLexicon,
  profiles: ScoringProfiles = defaultProfiles
): ScoredAnswer {
  const found = questionWithRubric(library, answer.questionId)
  if (!found.ok) return found
  const { question, rubric } = found
  if (!answer.text.trim()) return { ok: false, reason: 'no-text', question }
  const speech = speechTimingOf(answer)
  const hasWords = speech !== null && speech.words.length > 0
  const report = scoreTranscript({
    transcript: answer.text,
    words: hasWords ? speech.words : undefined,
    spokenText: speech?.spokenText,
    // Without word times, the recording's length still times what was said in it.
    durationMs: !hasWords && speech ? (speech.durationMs ?? undefined) : undefined,
    timeBoxMs: answer.timeBoxMs ?? undefined,
    question,
    rubric,
    lexicon,
    profiles,
    // A SQL drill answered with it: the query's correctness is part of the score.
    sqlDrill: answer.sqlDrill
  })
  return { ok: true, question, rubric, report }
}

export const unscoredReasons: Record<Exclude<ScoredAnswer, { ok: true }>['reason'], string> = {
  'no-question': 'This question is no longer in your banks, so the answer cannot be scored.',
  'no-rubric': "The rubric for this question's bank is missing, so the answer cannot be scored.",
  'no-text': 'There is no text to score yet.'
}
