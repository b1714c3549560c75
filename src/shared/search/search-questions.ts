import type { Question, QuestionKind } from '../banks/types'

/**
 * Full-text search over the library, small enough to run in the renderer on every keystroke:
 * the text of each question is normalized once, then a query matches questions holding every
 * query word (as a word prefix), ranked by where the words were found.
 */
export interface QuestionFilters {
  kinds?: QuestionKind[]
  bankIds?: string[]
  /** A section path prefix, joined with " › " (as `Question.section`). */
  section?: string | null
  hasAnswer?: boolean | null
}

export interface SearchIndex {
  entries: Array<{ question: Question; title: string; meta: string; body: string }>
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

export function buildSearchIndex(questions: Question[]): SearchIndex {
  return {
    entries: questions.map((question) => ({
      question,
      title: ` ${normalizeText(question.title)}`,
      meta: ` ${normalizeText([question.section, question.keyTerms.join(' '), question.kind].join(' '))}`,
      body: ` ${normalizeText([question.prompt, question.answer ?? '', question.tips.join(' ')].join(' '))}`
    }))
  }
}

function passesFilters(question: Question, filters: QuestionFilters): boolean {
  if (filters.kinds?.length && !filters.kinds.includes(question.kind)) return false
  if (filters.bankIds?.length && !filters.bankIds.includes(question.bankId) && !question.alsoIn.some((s) => filters.bankIds!.includes(s.bankId))) {
    return false
  }
  if (filters.section && question.section !== filters.section && !question.section.startsWith(`${filters.section} › `)) return false
  if (filters.hasAnswer === true && !question.answer) return false
  if (filters.hasAnswer === false && question.answer) return false
  return true
}

export function searchQuestions(index: SearchIndex, query: string, filters: QuestionFilters = {}): Question[] {
  const words = normalizeText(query).split(' ').filter(Boolean)
  const scored: Array<{ question: Question; score: number; order: number }> = []
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
