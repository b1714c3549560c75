import { titleKey } from './title-text'
import { maxKeyTerms } from './key-terms'
import type { Bank, Question } from './types'

/**
 * One question per normalised title across banks. The copy with the fuller answer survives
 * (ties go to a built-in bank, then by bank id and id, so the result does not depend on load order); the others
 * are listed in its `alsoIn`, and their key terms and tips are added to it. Repeats inside
 * one bank are left alone: a bank that asks the same title twice means two questions.
 */
export function mergeDuplicateQuestions(questions: readonly Question[], banks: readonly Bank[]): Question[] {
  const files = new Map(banks.map((b) => [b.id, b.file]))
  const imported = new Set(banks.filter((b) => b.source === 'imported').map((b) => b.id))
  const groups = new Map<string, Question[]>()
  for (const question of questions) {
    const key = titleKey(question.title)
    const group = groups.get(key)
    if (group) group.push(question)
    else groups.set(key, [question])
  }

  const merged: Question[] = []
  const emitted = new Set<string>()
  for (const question of questions) {
    const key = titleKey(question.title)
    if (emitted.has(key)) continue
    const group = groups.get(key)!
    const bankIds = new Set(group.map((q) => q.bankId))
    if (group.length === 1 || bankIds.size === 1) {
      if (question === group[0]) {
        merged.push(...group.map(copyQuestion))
        emitted.add(key)
      }
      continue
    }
    emitted.add(key)
    merged.push(mergeGroup(group, files, imported))
  }
  return merged
}

function mergeGroup(group: readonly Question[], files: ReadonlyMap<string, string>, imported: ReadonlySet<string>): Question {
  const rank = (q: Question): number => (imported.has(q.bankId) ? 1 : 0)
  const ordered = [...group].sort(
    (a, b) => answerLength(b) - answerLength(a) || rank(a) - rank(b) || compare(a.bankId, b.bankId) || compare(a.id, b.id)
  )
  const primary = copyQuestion(ordered[0]!)
  const termKeys = new Set(primary.keyTerms.map((t) => t.toLowerCase()))
  const tips = new Set(primary.tips)
  for (const other of ordered.slice(1)) {
    primary.alsoIn.push({ bankId: other.bankId, file: files.get(other.bankId) ?? '', section: other.section, title: other.title })
    for (const term of other.keyTerms) {
      if (!termKeys.has(term.toLowerCase())) {
        termKeys.add(term.toLowerCase())
        primary.keyTerms.push(term)
        const details = other.keyTermDetails.find((d) => d.term === term)
        if (details) primary.keyTermDetails.push(details)
      }
    }
    for (const tip of other.tips) tips.add(tip)
    if (primary.setupCode.length === 0) primary.setupCode = other.setupCode
    if (primary.diagrams.length === 0) primary.diagrams = other.diagrams
  }
  primary.tips = [...tips]
  if (primary.keyTermDetails.length > 0) {
    // One list across copies: the heaviest dozen, like a single bank's.
    primary.keyTermDetails = [...primary.keyTermDetails].sort((a, b) => b.weight - a.weight).slice(0, maxKeyTerms)
    primary.keyTerms = primary.keyTermDetails.map((t) => t.term)
  }
  return primary
}

function copyQuestion(q: Question): Question {
  return { ...q, keyTerms: [...q.keyTerms], keyTermDetails: [...q.keyTermDetails], tips: [...q.tips], alsoIn: [...q.alsoIn] }
}

function answerLength(q: Question): number {
  return q.answer?.length ?? 0
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
