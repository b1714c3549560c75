import { mergeDuplicateQuestions } from './merge-questions'
import type { ParsedBank } from './parse-bank'
import { assignRubrics } from './rubric'
import type { BankLibrary, Rubric } from './types'

export interface AssembleOptions {
  /** Rubrics from elsewhere (rubric-only banks kept as fallbacks) that score but add no questions. */
  extraRubrics?: readonly Rubric[]
  errors?: BankLibrary['errors']
}

/** Parsed banks → the library: duplicates merged, every question given a rubric. */
export function assembleLibrary(parsed: readonly ParsedBank[], options: AssembleOptions = {}): BankLibrary {
  const banks = parsed.map((p) => p.bank)
  const rubrics: Rubric[] = parsed.flatMap((p) => p.rubrics)
  for (const extra of options.extraRubrics ?? []) {
    if (!rubrics.some((r) => r.id === extra.id)) rubrics.push(extra)
  }
  const questions = mergeDuplicateQuestions(
    parsed.flatMap((p) => p.questions),
    banks
  )
  assignRubrics(questions, rubrics)
  return { banks, questions, rubrics, errors: [...(options.errors ?? [])] }
}
