import { mergeDuplicateQuestions } from './merge-questions'
import { humanizeFileName, type ParsedBank } from './parse-bank'
import { applyLibraryOverrides } from './library-overrides'
import { assignRubrics } from './rubric'
import type { BankLibrary, Rubric } from './types'

export interface AssembleOptions {
  /** Rubrics from elsewhere (rubric-only banks kept as fallbacks) that score but add no questions. */
  extraRubrics?: readonly Rubric[]
  errors?: BankLibrary['errors']
}

/** Parsed banks → the library: duplicates merged, every question given a rubric. */
export function assembleLibrary(parsed: readonly ParsedBank[], options: AssembleOptions = {}): BankLibrary {
  // Two banks with one heading (a condensed copy of another) would look alike in a list.
  const titleCounts = new Map<string, number>()
  for (const p of parsed) titleCounts.set(p.bank.title, (titleCounts.get(p.bank.title) ?? 0) + 1)
  const banks = parsed.map((p) =>
    (titleCounts.get(p.bank.title) ?? 0) > 1 ? { ...p.bank, title: `${p.bank.title} · ${humanizeFileName(p.bank.file)}` } : p.bank
  )
  const rubrics: Rubric[] = parsed.flatMap((p) => p.rubrics)
  for (const extra of options.extraRubrics ?? []) {
    if (!rubrics.some((r) => r.id === extra.id)) rubrics.push(extra)
  }
  const questions = mergeDuplicateQuestions(
    parsed.flatMap((p) => p.questions),
    banks
  )
  assignRubrics(questions, rubrics)
  return applyLibraryOverrides({ banks, questions, rubrics, errors: [...(options.errors ?? [])] })
}
