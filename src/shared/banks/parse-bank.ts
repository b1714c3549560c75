import { analyzeBodyText, assembleLibrary, bodySourceOf, completeQuestion, fullLibrary, type AssembleOptions } from './assemble-library'
import { humanizeFileName, scanBank, type ParseBankOptions, type ScannedBank } from './scan-bank'
import type { Bank, BankLibrary, Question, Rubric } from './types'
import { messageOf } from '../errors'

export { humanizeFileName, type ParseBankOptions }

export interface ParsedBank {
  bank: Bank
  /** In file order, before merging with other banks; rubric ids refer to this bank's rubrics. */
  questions: Question[]
  rubrics: Rubric[]
  /** The block scan the questions came from. */
  scanned: ScannedBank
}

/**
 * Markdown text → one bank with every question analysed in full (the CLI, tests, benchmarks;
 * the apps analyse a question only when it is shown). Throws on markdown built to be slow.
 */
export function parseBankOrThrow(text: string, options: ParseBankOptions): ParsedBank {
  const scanned = scanBank(text, options)
  const questions = scanned.questions.map((question) =>
    completeQuestion(
      {
        summary: { ...question, alsoIn: [], rubricId: question.rubricId },
        copies: [{ bank: 0, question }]
      },
      [analyzeBodyText(bodySourceOf(scanned, question))]
    )
  )
  return { bank: scanned.bank, questions, rubrics: scanned.rubrics, scanned }
}

/** As `parseBankOrThrow`, but never throws: anything it cannot use becomes a warning. */
export function parseBank(text: string, options: ParseBankOptions): ParsedBank {
  try {
    return parseBankOrThrow(text, options)
  } catch (error) {
    const warnings = [`could not parse the file: ${messageOf(error)}`]
    const bank: Bank = { id: options.bankId, title: humanizeFileName(options.file), file: options.file, source: options.source ?? 'built-in', questionCount: 0, warnings }
    return { bank, questions: [], rubrics: [], scanned: { bank, text: '', questions: [], rubrics: [], layouts: [] } }
  }
}

/** Parsed banks → the whole library (duplicates merged, rubrics assigned), every question in full. */
export function libraryOf(banks: readonly ParsedBank[], options: AssembleOptions = {}): BankLibrary {
  return fullLibrary(assembleLibrary(banks.map((b) => b.scanned), options))
}
