import type { Question, Rubric } from './types'

export type QuestionLookup =
  | { kind: 'found'; question: Question }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: Question[] }

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)

/**
 * Finds the question a user means by an id or a few words of its title (the CLI's
 * `--question`). An exact id wins; otherwise every given word must be in the title, and an
 * exact title beats titles that merely contain the words.
 */
export function findQuestion(questions: readonly Question[], query: string): QuestionLookup {
  const trimmed = query.trim()
  const byId = questions.find((q) => q.id === trimmed)
  if (byId) return { kind: 'found', question: byId }
  const wanted = words(trimmed)
  if (wanted.length === 0) return { kind: 'none' }
  const candidates = questions.filter((q) => {
    const title = new Set(words(q.title))
    return wanted.every((w) => title.has(w))
  })
  const [only] = candidates
  if (!only) return { kind: 'none' }
  if (candidates.length === 1) return { kind: 'found', question: only }
  const key = wanted.join(' ')
  const exact = candidates.filter((q) => words(q.title).join(' ') === key)
  const [exactOnly] = exact
  if (exact.length === 1 && exactOnly) return { kind: 'found', question: exactOnly }
  return { kind: 'ambiguous', candidates: exact.length > 1 ? exact : candidates }
}

/** The pieces of a library the scorer needs: the question by id, and the rubric it names. */
export interface QuestionSource {
  questions: readonly Question[]
  rubrics: readonly Rubric[]
}

export type ScorableQuestion =
  | { ok: true; question: Question; rubric: Rubric }
  | { ok: false; reason: 'no-question' | 'no-rubric'; question: Question | null }

/** The question an answer belongs to and the rubric that scores it. */
export function questionWithRubric(library: QuestionSource, questionId: string): ScorableQuestion {
  const question = library.questions.find((q) => q.id === questionId) ?? null
  if (!question) return { ok: false, reason: 'no-question', question }
  const rubric = library.rubrics.find((r) => r.id === question.rubricId)
  if (!rubric) return { ok: false, reason: 'no-rubric', question }
  return { ok: true, question, rubric }
}
