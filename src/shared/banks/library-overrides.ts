import { z } from 'zod'
import overridesJson from '../../../resources/kind-overrides.json' with { type: 'json' }
import { assignRubrics } from './rubric'
import { QuestionKindSchema, type BankLibrary } from './types'

/**
 * Corrections the classifier cannot make (resources/kind-overrides.json): a question's kind
 * where the rules guess wrong, and stories that are a rubric's worked example rather than a
 * question. Applied once, where the library is assembled, so the apps, the CLI and the scorer
 * see the same kinds.
 */
const Match = { bank: z.string().min(1), title: z.string().min(1), why: z.string() }
export const LibraryOverridesSchema = z.object({
  kinds: z.array(z.object({ ...Match, kind: QuestionKindSchema, was: QuestionKindSchema.optional() })),
  workedExamples: z.array(z.object({ ...Match, rubric: z.string().min(1) }))
})
export type LibraryOverrides = z.infer<typeof LibraryOverridesSchema>

export const libraryOverrides: LibraryOverrides = LibraryOverridesSchema.parse(overridesJson)

/**
 * The library with kinds corrected (and rubrics re-assigned, since a rubric follows its kind)
 * and worked examples taken out of the questions. A worked example still counts in its bank's
 * `questionCount`: the bank file is unchanged, it is just not offered for practice.
 */
export function applyLibraryOverrides(library: BankLibrary, overrides: LibraryOverrides = libraryOverrides): BankLibrary {
  const fileOf = new Map(library.banks.map((bank) => [bank.id, bank.file]))
  const matches = (entry: { bank: string; title: string }, question: BankLibrary['questions'][number]) =>
    fileOf.get(question.bankId) === entry.bank && question.title.trim() === entry.title.trim()
  const examples = new Set(library.questions.filter((q) => overrides.workedExamples.some((e) => matches(e, q))).map((q) => q.id))
  let changed = examples.size > 0
  const questions = library.questions
    .filter((q) => !examples.has(q.id))
    .map((question) => {
      const entry = overrides.kinds.find((e) => matches(e, question))
      if (!entry || entry.kind === question.kind) return question
      changed = true
      return { ...question, kind: entry.kind }
    })
  if (!changed) return library
  assignRubrics(questions, library.rubrics)
  return { ...library, questions }
}
