import type { Question } from '../banks/types'
import { contentStems } from './terms'

/**
 * The bank's own follow-ups: in a transcript of a real interview (mock-interview-transcript.md)
 * the next question often presses on the last answer ("Please explain what Kinesis is" → "Can
 * you elaborate more on diff between kafka and kinesis"). A question's follow-ups are the
 * questions right after it, in the same bank and section, that open like a follow-up ("can
 * you…", "why…", "what about…") and share a topic word with it; the chain stops at the first
 * question that does not.
 */

const followUpOpener =
  /^(?:can|could|would|will|why|how come|what about|how about|and\b|so\b|elaborate|tell me more|explain more|follow[- ]?up|what if|what happens|is it|are they|does|do you)/i

/** How many follow-ups one question can chain (the policy asks at most two). */
const MAX_CHAIN = 2

export type FollowUpSource = Pick<Question, 'id' | 'bankId' | 'section' | 'title' | 'keyTerms'>

function topicStems(question: FollowUpSource): Set<string> {
  return new Set(contentStems(`${question.title} ${question.keyTerms.join(' ')}`).filter((stem) => !/^\d+$/.test(stem)))
}

/** The follow-up text as the bank wrote it, with the question mark a spoken question has. */
export function asSpokenQuestion(title: string): string {
  const text = title.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim()
  return /[?.!]$/.test(text) ? text.replace(/\.$/, '?') : `${text}?`
}

/**
 * `questions` in bank order (as the library lists them); returns the follow-up texts for
 * `questionId`, nearest first, or [] when it has none.
 */
export function bankFollowUpsFor(questionId: string, questions: readonly FollowUpSource[]): string[] {
  const at = questions.findIndex((q) => q.id === questionId)
  let current = questions[at]
  if (!current) return []
  const followUps: string[] = []
  for (const candidate of questions.slice(at + 1)) {
    if (followUps.length >= MAX_CHAIN) break
    if (candidate.bankId !== current.bankId || candidate.section !== current.section) break
    if (!followUpOpener.test(candidate.title.replace(/^\W+/, ''))) break
    const shared = topicStems(current)
    if (![...topicStems(candidate)].some((stem) => shared.has(stem))) break
    followUps.push(asSpokenQuestion(candidate.title))
    current = candidate
  }
  return followUps
}
