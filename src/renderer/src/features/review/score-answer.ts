import type { AnswerRecord } from '../../../../shared/answers'
import type { BankLibrary, Question, Rubric } from '../../../../shared/banks/types'
import { scoreTranscript, type Lexicon, type ScoreReport } from '../../../../shared/scoring'

export type ScoredAnswer =
  | { ok: true; question: Question; rubric: Rubric; report: ScoreReport }
  | { ok: false; reason: 'no-question' | 'no-rubric' | 'no-text'; question: Question | null }

/** The fields of an answer the scorer reads; `text` may be an unsaved edit. */
export type ScorableAnswer = Pick<AnswerRecord, 'questionId' | 'transcript' | 'durationMs' | 'timeBoxMs'> & { text: string }

/**
 * Scores an answer's current text against its question's rubric. Word times are used only
 * while the text is still the transcript they came from: after an edit they no longer match.
 */
export function scoreAnswer(answer: ScorableAnswer, library: Pick<BankLibrary, 'questions' | 'rubrics'>, lexicon: Lexicon): ScoredAnswer {
  const question = library.questions.find((q) => q.id === answer.questionId) ?? null
  if (!question) return { ok: false, reason: 'no-question', question }
  const rubric = library.rubrics.find((r) => r.id === question.rubricId)
  if (!rubric) return { ok: false, reason: 'no-rubric', question }
  if (!answer.text.trim()) return { ok: false, reason: 'no-text', question }
  const unedited = answer.transcript !== null && answer.text === answer.transcript.text
  const report = scoreTranscript({
    transcript: answer.text,
    words: unedited ? answer.transcript?.words : undefined,
    durationMs: answer.durationMs ?? undefined,
    timeBoxMs: answer.timeBoxMs ?? undefined,
    question,
    rubric,
    lexicon
  })
  return { ok: true, question, rubric, report }
}

export const unscoredReasons: Record<Exclude<ScoredAnswer, { ok: true }>['reason'], string> = {
  'no-question': 'This question is no longer in your banks, so the answer cannot be scored.',
  'no-rubric': "The rubric for this question's bank is missing, so the answer cannot be scored.",
  'no-text': 'There is no text to score yet.'
}
