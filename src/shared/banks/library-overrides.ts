import { z } from 'zod'
import overridesJson from '../../../resources/kind-overrides.json' with { type: 'json' }
import { assignRubrics } from './rubric'
import { QuestionKindSchema, type Bank, type QuestionKind, type Rubric } from './types'

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

interface Overridable {
  bankId: string
  title: string
  kind: QuestionKind
  rubricId: string
  workedExampleFor?: string | undefined
}

/**
 * The library with kinds corrected (and rubrics re-assigned, since a rubric follows its kind)
 * and worked examples marked (`workedExampleFor`): they keep their place and id in the library,
 * but sessions do not draw them. Works on summaries and whole questions alike, so both agree.
 */
export function applyLibraryOverrides<Q extends Overridable, L extends { banks: readonly Bank[]; rubrics: readonly Rubric[]; questions: Q[] }>(
  library: L,
  overrides: LibraryOverrides = libraryOverrides
): L {
  const fileOf = new Map(library.banks.map((bank) => [bank.id, bank.file]))
  const matches = (entry: { bank: string; title: string }, question: Q) =>
    fileOf.get(question.bankId) === entry.bank && question.title.trim() === entry.title.trim()
  let changed = false
  const questions = library.questions.map((question) => {
    const example = overrides.workedExamples.find((e) => matches(e, question))
    const entry = overrides.kinds.find((e) => matches(e, question))
    if (!example && (!entry || entry.kind === question.kind)) return question
    changed = true
    return {
      ...question,
      ...(entry ? { kind: entry.kind } : {}),
      ...(example ? { workedExampleFor: example.rubric } : {})
    }
  })
  if (!changed) return library
  assignRubrics(questions, library.rubrics)
  return { ...library, questions }
}
