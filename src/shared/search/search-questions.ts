import type { QuestionKind } from '../banks/types'

/**
 * Full-text search over the library: the text of each question is normalized once, then a
 * query matches questions holding every query word (as a word prefix), ranked by where the
 * words were found. It works on summaries plus a body text, so the backend can search answer
 * text the renderer never receives.
 */
export interface QuestionFilters {
  kinds?: QuestionKind[]
  bankIds?: string[]
  /** A section path prefix, joined with " › " (as `Question.section`). */
  section?: string | null
  hasAnswer?: boolean | null
}

/** The fields search and filters read: a summary, or a whole question. */
export interface Searchable {
  id: string
  title: string
  section: string
  kind: QuestionKind
  bankId: string
  alsoIn: ReadonlyArray<{ bankId: string }>
  hasAnswer?: boolean
  answer?: string | null
  keyTerms?: readonly string[]
  prompt?: string
  tips?: readonly string[]
}

export interface SearchIndex<T extends Searchable = Searchable> {
  entries: Array<{ question: T; title: string; meta: string; body: string }>
}

/** Lower case, accents and punctuation folded, so "SCD-2", "scd 2" and "Scd2" meet halfway. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** `bodyOf` gives the text searched last (answer, prompt, tips); by default the question's own. */
export function buildSearchIndex<T extends Searchable>(questions: readonly T[], bodyOf: (question: T) => string = ownBody): SearchIndex<T> {
  return {
    entries: questions.map((question) => ({
      question,
      title: ` ${normalizeText(question.title)}`,
      meta: ` ${normalizeText([question.section, (question.keyTerms ?? []).join(' '), question.kind].join(' '))}`,
      body: ` ${normalizeText(bodyOf(question))}`
    }))
  }
}

function ownBody(question: Searchable): string {
  return [question.prompt ?? '', question.answer ?? '', (question.tips ?? []).join(' ')].join(' ')
}

function hasAnswerOf(question: Searchable): boolean {
  return question.hasAnswer ?? Boolean(question.answer)
}

export function passesFilters(question: Searchable, filters: QuestionFilters): boolean {
  if (filters.kinds?.length && !filters.kinds.includes(question.kind)) return false
  const { bankIds } = filters
  if (bankIds?.length && !bankIds.includes(question.bankId) && !question.alsoIn.some((s) => bankIds.includes(s.bankId))) return false
  if (filters.section && question.section !== filters.section && !question.section.startsWith(`${filters.section} › `)) return false
  if (filters.hasAnswer === true && !hasAnswerOf(question)) return false
  if (filters.hasAnswer === false && hasAnswerOf(question)) return false
  return true
}

export function searchQuestions<T extends Searchable>(index: SearchIndex<T>, query: string, filters: QuestionFilters = {}): T[] {
  const words = normalizeText(query).split(' ').filter(Boolean)
  const scored: Array<{ question: T; score: number; order: number }> = []
  index.entries.forEach((entry, order) => {
    if (!passesFilters(entry.question, filters)) return
    let score = 0
    for (const word of words) {
      const needle = ` ${word}`
      if (entry.title.includes(needle)) score += 3
      else if (entry.meta.includes(needle)) score += 2
      else if (entry.body.includes(needle)) score += 1
      else return
    }
    scored.push({ question: entry.question, score, order })
  })
  // Stable: equal scores keep the library's order (bank, then position in the bank).
  scored.sort((a, b) => b.score - a.score || a.order - b.order)
  return scored.map((s) => s.question)
}
