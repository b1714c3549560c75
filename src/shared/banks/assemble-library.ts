import { defined } from '../defined'
import { bodyText, cleanAnswer } from './draft-body'
import { analyzeBody, type BodyAnalysis } from './question-body'
import { parseMarkdownText } from './parse-markdown'
import { extractKeyTerms, maxKeyTerms } from './key-terms'
import { applyLibraryOverrides } from './library-overrides'
import { assignRubrics } from './rubric'
import { humanizeFileName, type ScannedBank, type ScannedQuestion } from './scan-bank'
import { titleKey } from './title-text'
import type { Bank, BankLibrary, LibrarySummary, Question, QuestionSummary, Rubric } from './types'

export interface AssembleOptions {
  /** Rubrics from elsewhere (rubric-only banks kept as fallbacks) that score but add no questions. */
  extraRubrics?: readonly Rubric[]
  errors?: BankLibrary['errors']
}

/** One question of the library: its summary and the scanned copies it was merged from. */
export interface LibraryEntry {
  summary: QuestionSummary
  /** Index into `AssembledLibrary.banks` and the question there; the first is the primary. */
  copies: Array<{ bank: number; question: ScannedQuestion }>
}

export interface AssembledLibrary {
  summary: LibrarySummary
  entries: LibraryEntry[]
  banks: readonly ScannedBank[]
}

/**
 * Scanned banks → the library: duplicates merged (one question per normalised title across
 * banks; the copy with the fuller answer survives, ties going to a built-in bank, then by bank
 * id and id, so the result does not depend on load order), every question given a rubric.
 * Repeats inside one bank are left alone: a bank that asks the same title twice means two.
 */
export function assembleLibrary(scanned: readonly ScannedBank[], options: AssembleOptions = {}): AssembledLibrary {
  // Two banks with one heading (a condensed copy of another) would look alike in a list.
  const titleCounts = new Map<string, number>()
  for (const s of scanned) titleCounts.set(s.bank.title, (titleCounts.get(s.bank.title) ?? 0) + 1)
  const banks: Bank[] = scanned.map((s) =>
    (titleCounts.get(s.bank.title) ?? 0) > 1 ? { ...s.bank, title: `${s.bank.title} · ${humanizeFileName(s.bank.file)}` } : s.bank
  )
  const rubrics: Rubric[] = scanned.flatMap((s) => s.rubrics)
  for (const extra of options.extraRubrics ?? []) {
    if (!rubrics.some((r) => r.id === extra.id)) rubrics.push(extra)
  }

  const all = scanned.flatMap((s, bank) => s.questions.map((question) => ({ bank, question })))
  const groups = new Map<string, typeof all>()
  for (const item of all) {
    const key = titleKey(item.question.title)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  const imported = new Set(banks.filter((b) => b.source === 'imported').map((b) => b.id))
  const rank = (q: ScannedQuestion): number => (imported.has(q.bankId) ? 1 : 0)
  const entries: LibraryEntry[] = []
  // Groups in the order of their first question (a Map keeps insertion order).
  for (const group of groups.values()) {
    const bankIds = new Set(group.map((g) => g.question.bankId))
    if (group.length === 1 || bankIds.size === 1) {
      // Same title twice in one bank: two questions, listed where the first one is.
      for (const one of group) entries.push(entryOf([one], banks))
      continue
    }
    const ordered = [...group].sort(
      (a, b) =>
        b.question.answerLength - a.question.answerLength ||
        rank(a.question) - rank(b.question) ||
        compare(a.question.bankId, b.question.bankId) ||
        compare(a.question.id, b.question.id)
    )
    entries.push(entryOf(ordered, banks))
  }
  assignRubrics(
    entries.map((e) => e.summary),
    rubrics
  )
  // Kind corrections and worked examples apply to the summaries here; a whole question takes
  // its kind, rubric and worked-example mark from its summary (completeQuestion), so both agree.
  const summary = applyLibraryOverrides({ banks, questions: entries.map((e) => e.summary), rubrics, errors: [...(options.errors ?? [])] })
  summary.questions.forEach((question, i) => {
    defined(entries[i], 'the library entry of an overridden summary').summary = question
  })
  return { summary, entries, banks: scanned }
}

function entryOf(copies: Array<{ bank: number; question: ScannedQuestion }>, banks: readonly Bank[]): LibraryEntry {
  const q = defined(copies[0], "a library entry's first copy").question
  return {
    summary: {
      id: q.id,
      bankId: q.bankId,
      sectionPath: q.sectionPath,
      section: q.section,
      title: q.title,
      kind: q.kind,
      difficulty: q.difficulty,
      hasAnswer: q.hasAnswer,
      rubricId: '',
      alsoIn: copies.slice(1).map((c) => ({
        bankId: c.question.bankId,
        file: banks[c.bank]?.file ?? '',
        section: c.question.section,
        title: c.question.title
      }))
    },
    copies
  }
}

/** The text the detailed parse reads for a scanned question (its body, or its cut answer). */
export function bodySourceOf(bank: ScannedBank, question: ScannedQuestion): string {
  if (question.body.length === 0) return question.answer ?? ''
  return bodyText(bank.text, question.body)
}

/** The detailed parse of one body: remark, then answer, setup, tips, key terms and diagrams. */
export function analyzeBodyText(body: string): BodyAnalysis {
  return analyzeBody(body, body.trim() === '' ? [] : parseMarkdownText(body).children)
}

/** A whole question from its summary, its copies and their analysed bodies (same order). */
export function completeQuestion(entry: LibraryEntry, analyses: readonly BodyAnalysis[]): Question {
  const [first, ...others] = entry.copies.map((copy, i) => {
    const q = copy.question
    const analysis = defined(analyses[i], "a copy's body analysis")
    const prompt = [q.prompt ?? q.title, ...analysis.promptExtra].join('\n\n')
    const answer = answerOf(q, analysis)
    return { copy, analysis, prompt, answer, keyTerms: extractKeyTerms({ title: q.title, prompt, answer }) }
  })
  const primary = defined(first, "a library entry's first copy")
  const q = primary.copy.question
  const a = primary.analysis
  const question: Question = {
    id: entry.summary.id,
    bankId: q.bankId,
    sectionPath: q.sectionPath,
    section: q.section,
    title: q.title,
    prompt: primary.prompt,
    kind: entry.summary.kind,
    answer: primary.answer,
    setupCode: a.setupCode,
    keyTerms: primary.keyTerms.map((t) => t.term),
    keyTermDetails: [...primary.keyTerms],
    tips: [...a.tips],
    diagrams: a.diagrams,
    rubricId: entry.summary.rubricId,
    alsoIn: entry.summary.alsoIn.map((s) => ({ ...s })),
    difficulty: q.difficulty,
    followUps: [...q.followUps],
    ...(entry.summary.workedExampleFor !== undefined ? { workedExampleFor: entry.summary.workedExampleFor } : {})
  }
  // Merged copies add their key terms, tips, setup and diagrams to the surviving one.
  const termKeys = new Set(question.keyTerms.map((t) => t.toLowerCase()))
  const tips = new Set(question.tips)
  for (const other of others) {
    for (const term of other.keyTerms) {
      if (!termKeys.has(term.term.toLowerCase())) {
        termKeys.add(term.term.toLowerCase())
        question.keyTermDetails.push(term)
      }
    }
    for (const tip of other.analysis.tips) tips.add(tip)
    if (question.setupCode.length === 0) question.setupCode = other.analysis.setupCode
    if (question.diagrams.length === 0) question.diagrams = other.analysis.diagrams
  }
  if (others.length > 0) {
    // One list across copies: the heaviest dozen, like a single bank's.
    question.keyTermDetails = [...question.keyTermDetails].sort((x, y) => y.weight - x.weight).slice(0, maxKeyTerms)
    question.keyTerms = question.keyTermDetails.map((t) => t.term)
  }
  question.tips = [...tips]
  return question
}

function answerOf(q: ScannedQuestion, a: BodyAnalysis): string | null {
  if (q.answer !== undefined) return q.answer
  if (!q.hasAnswer) return null
  return a.answer === null ? null : cleanAnswer(a.answer)
}

/** Every question whole: the CLI, tests and benchmarks, which want the lot at once. */
export function fullLibrary(assembled: AssembledLibrary): BankLibrary {
  return {
    ...assembled.summary,
    questions: assembled.entries.map((entry) =>
      completeQuestion(
        entry,
        entry.copies.map((copy) => analyzeBodyText(bodySourceOf(defined(assembled.banks[copy.bank], "a copy's bank"), copy.question)))
      )
    )
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
