export {
  analyzeBodyText,
  assembleLibrary,
  bodySourceOf,
  completeQuestion,
  fullLibrary,
  type AssembledLibrary,
  type AssembleOptions,
  type LibraryEntry
} from './assemble-library'
export { bankLayouts, layoutName, type BankLayoutId, type BankLayoutInfo } from './bank-layouts'
export { arrowChainsToMermaid, diagramFromCode, diagramFromProse } from './diagrams'
export { checkMarkdownComplexity, MarkdownTooComplexError, markdownLimits } from './markdown-guard'
export { libraryOf, parseBank, parseBankOrThrow, type ParseBankOptions, type ParsedBank } from './parse-bank'
export { assignRubrics } from './rubric'
export { scanBank, type ScannedBank, type ScannedQuestion } from './scan-bank'
export { questionId, slugify, titleKey } from './title-text'
export * from './types'
export { findQuestion, questionWithRubric, type QuestionLookup, type QuestionSource, type ScorableQuestion } from './find-question'
export { extractKeyTerms, type KeyTermInput } from './key-terms'
