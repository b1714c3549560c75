import { readAnswerNotes, promptNotes, type AnswerNote } from './answer-notes'
import { groupsOf, quantityGroups, relatedStems, type RelatedStems } from './concept-groups'
import { contentStems, quantityAsked, termBag, type QuantityAsked, type TermBag } from './terms'

/**
 * Answers a candidate's clarifying question from the question's own model answer, the way an
 * interviewer answers from their notes: retrieve the notes under the answer's requirements /
 * assumptions / scale / metrics / clarifying-questions headings that match the question, or say
 * "Your call — state your assumption." when the notes do not cover it. Pure and deterministic.
 *
 * Retrieval is BM25 with binary term frequency over the notes (bullets, table rows, short
 * sentences), stems from the scorer's tokenizer, and one extension: a query word in a small
 * data-engineering vocabulary group (scale, latency, metrics, consistency…, see
 * concept-groups.ts) half-matches a note holding another word of its group, because "what
 * metrics matter?" is answered by "DAU" and "MAU". Whether the best note answers the question
 * at all is decided by coverage: the share of the question's IDF weight the note matches. A note
 * that matches only a common word of a question full of words the notes never use is no answer.
 */

export const YOUR_CALL = 'Your call — state your assumption.'

export interface ClarifyQuestion {
  title: string
  prompt: string
  /** The model answer's markdown, or null when the bank gives none. */
  answer: string | null
}

export interface ClarifyNote {
  text: string
  section: string
}

export type ClarificationReply =
  | {
      kind: 'answer'
      /** What the interviewer says: the notes, in the order the answer has them. */
      text: string
      notes: ClarifyNote[]
      /** The section the best note came from (or "the question" for a repeated prompt). */
      section: string
      /** The query words (as written) the best note matched. */
      matched: string[]
      /** 0..1: share of the question's weight the best note covers. */
      coverage: number
    }
  | {
      kind: 'your-call'
      text: typeof YOUR_CALL
      /** The best note that was not good enough, for explaining and tuning; null when nothing matched. */
      nearest: { text: string; coverage: number } | null
    }

/**
 * Calibrated on the seed banks (tests in clarify.test.ts and tests/interviewer-seed-banks.test.ts):
 * answered questions score 0.6–1, questions the notes do not cover stay under 0.45.
 */
export const CLARIFY_THRESHOLDS = {
  /** The best note must cover this share of the question's weight. */
  minCoverage: 0.5,
  /** Other notes of the best note's section join the reply when they cover this much ... */
  siblingCoverage: 0.5,
  /** ... and score at least this share of the best note. */
  siblingScoreShare: 0.3,
  /** A reply is read aloud: at most this many notes ... */
  maxNotes: 6,
  /** ... and about this many characters. */
  maxChars: 420
} as const

const K1 = 1.2
const B = 0.75
/** How much a related word (same vocabulary group) counts for, against the word itself. */
const RELATED_MATCH = 0.6
/** How much a word found only in the note's heading counts for. */
const HEADING_MATCH = 0.8
/** The candidate has heard the prompt already: repeating it ranks below the notes. */
const PROMPT_DISCOUNT = 0.5
/** Under a quantity question, a note with a number ranks a little higher. */
const NUMBER_BONUS = 0.15

interface IndexedNote {
  note: AnswerNote
  body: TermBag
  heading: Set<string>
}

interface QueryTerm {
  word: string
  stem: string
  related: RelatedStems
  quantity: boolean
  idf: number
}

interface Scored {
  indexed: IndexedNote
  score: number
  coverage: number
  matched: string[]
  /**
   * The note says a question word itself, or an instance of a category the question names
   * ("DAU" for "metrics"; with a number, for a quantity such as "scale"). Only such notes join
   * the best one in a reply.
   */
  onTopic: boolean
}

export function answerClarifyingQuestion(question: ClarifyQuestion, asked: string): ClarificationReply {
  const notes = [...readAnswerNotes(question.answer)]
  notes.push(...promptNotes(question.prompt, question.title, notes.length))
  const indexed: IndexedNote[] = notes.map((note) => ({
    note,
    body: termBag(note.text),
    heading: new Set(contentStems(note.section))
  }))
  const query = queryTerms(asked, indexed)
  if (query.length === 0 || indexed.length === 0) return { kind: 'your-call', text: YOUR_CALL, nearest: null }

  const avgLength = indexed.reduce((sum, n) => sum + n.body.length, 0) / indexed.length || 1
  const asking = quantityAsked(asked)
  const quantity = asking.amount || asking.countOf.length > 0 || query.some((term) => term.quantity)
  const scored = indexed
    .filter((n) => n.note.sectionKind !== 'other')
    .map((n) => scoreNote(n, query, avgLength, quantity))
    .filter((s) => s.coverage > 0)
    .sort((a, b) => b.score - a.score || a.indexed.note.index - b.indexed.note.index)
  const answers = (s: Scored): boolean => givesQuantity(s.indexed.body, asking)

  const best = scored.find((s) => s.coverage >= CLARIFY_THRESHOLDS.minCoverage && s.onTopic && answers(s))
  if (!best) {
    const nearest = [...scored].sort((a, b) => b.coverage - a.coverage || b.score - a.score)[0]
    return {
      kind: 'your-call',
      text: YOUR_CALL,
      nearest: nearest ? { text: nearest.indexed.note.text, coverage: round(nearest.coverage) } : null
    }
  }

  const siblings = scored.filter(
    (s) =>
      s !== best &&
      s.indexed.note.section === best.indexed.note.section &&
      s.indexed.note.sectionKind === best.indexed.note.sectionKind &&
      s.coverage >= CLARIFY_THRESHOLDS.siblingCoverage &&
      s.score >= best.score * CLARIFY_THRESHOLDS.siblingScoreShare &&
      s.onTopic &&
      answers(s)
  )
  const chosen: Scored[] = [best]
  let chars = best.indexed.note.text.length
  for (const sibling of siblings) {
    if (chosen.length >= CLARIFY_THRESHOLDS.maxNotes) break
    if (chars + sibling.indexed.note.text.length > CLARIFY_THRESHOLDS.maxChars) continue
    chosen.push(sibling)
    chars += sibling.indexed.note.text.length
  }
  chosen.sort((a, b) => a.indexed.note.index - b.indexed.note.index)
  const replyNotes = chosen.map((s) => ({ text: s.indexed.note.text, section: s.indexed.note.section }))
  return {
    kind: 'answer',
    text: replyNotes.map((n) => withFullStop(n.text)).join(' '),
    notes: replyNotes,
    section: best.indexed.note.section,
    matched: best.matched,
    coverage: round(best.coverage)
  }
}

function queryTerms(asked: string, indexed: readonly IndexedNote[]): QueryTerm[] {
  const n = indexed.length
  const documentFrequency = (stem: string): number =>
    indexed.reduce((count, note) => count + (note.body.stems.has(stem) || note.heading.has(stem) ? 1 : 0), 0)
  const words = asked.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
  const terms: QueryTerm[] = []
  const seen = new Set<string>()
  for (const word of words) {
    for (const stem of contentStems(word)) {
      if (seen.has(stem)) continue
      seen.add(stem)
      const df = documentFrequency(stem)
      terms.push({
        word,
        stem,
        related: relatedStems(stem),
        quantity: [...groupsOf(stem)].some((group) => quantityGroups.has(group)),
        // BM25's IDF: a word the notes never use weighs most, so a question about something
        // else cannot be answered by a match on its one common word.
        idf: Math.log(1 + (n - df + 0.5) / (df + 0.5))
      })
    }
  }
  return terms
}

/**
 * "How many trucks?" is answered by a note that counts trucks ("100K trucks"), "how fast?" by
 * one with a number; "Dashboard shows all trucks on map" answers neither, however well it matches.
 */
function givesQuantity(body: TermBag, asking: QuantityAsked): boolean {
  if (asking.countOf.length > 0) {
    return asking.countOf.some((stem) => body.counted.has(stem) || [...relatedStems(stem).all].some((other) => body.counted.has(other)))
  }
  return !asking.amount || body.hasNumber
}

function scoreNote(indexed: IndexedNote, query: readonly QueryTerm[], avgLength: number, quantity: boolean): Scored {
  const { body, heading, note } = indexed
  const norm = (K1 + 1) / (1 + K1 * (1 - B + (B * body.length) / avgLength))
  let score = 0
  let covered = 0
  let total = 0
  let onTopic = false
  const matched: string[] = []
  const says = (stem: string): boolean => body.stems.has(stem) || heading.has(stem)
  for (const term of query) {
    total += term.idf
    let match = 0
    if (body.stems.has(term.stem)) match = 1
    else if (heading.has(term.stem)) match = HEADING_MATCH
    else if ([...term.related.all].some(says)) match = RELATED_MATCH
    else if (term.quantity && body.hasNumber) match = RELATED_MATCH / 2
    if (match >= HEADING_MATCH || ([...term.related.instances].some(says) && (!term.quantity || body.hasNumber))) onTopic = true
    if (match > 0) matched.push(term.word)
    covered += term.idf * match
    score += term.idf * match * norm
  }
  if (quantity && body.hasNumber) score *= 1 + NUMBER_BONUS
  if (note.sectionKind === 'prompt') score *= PROMPT_DISCOUNT
  return { indexed, score, coverage: total === 0 ? 0 : covered / total, matched, onTopic }
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
