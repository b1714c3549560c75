import { conceptByWords, conceptsByFirstWord, genericWords, keyOf, neverTerms, sqlConstructs, stemOf, technologyAliases, wordsOf } from './key-term-words'
import { acronymAlias, acronymPattern, isNameLike, labelParts } from './term-labels'
import { collectTechnologyNames } from './technology-names'
import type { KeyTerm, KeyTermSource } from './types'

/**
 * The key terms of a question: what a strong answer names. Built from the model answer's
 * technologies, its data-engineering concepts, the SQL it uses and the terms it defines or
 * emphasises, never from its headings or its template words ("Key Decisions", "Use Cases",
 * "Situation"). Each term says where it came from and how much it weighs, so the scorer can
 * count a defined concept more than a tool named once in a diagram.
 *
 * Pure: markdown text in, terms out. A line scan (fences, headings, tables, bold, list items)
 * is enough here and keeps this cheap enough to run for every question of a bank.
 */

export interface KeyTermInput {
  title: string
  prompt: string
  /** The model answer's markdown, or null when the bank gives none. */
  answer: string | null
}


/** At most this many terms: beyond a dozen, a list stops saying what matters. */
export const maxKeyTerms = 12

/** How much each source weighs before position and frequency adjust it. */
export const keyTermSourceWeights: Record<KeyTermSource, number> = {
  defined: 1.5,
  sql: 1.2,
  // A model answer's stack is one good answer among several; its concepts hold for all of them.
  technology: 0.8,
  concept: 1,
  emphasis: 1,
  question: 1,
  listed: 1
}
/** Only seen in code, a diagram or a heading: named, not explained. */
const incidentalFactor = 0.75
/** The language of the question itself: nobody answering a SQL question says "SQL". */
const tooGeneric = new Set(['SQL'])
const questionBonus = 0.25
const repeatBonus = 0.15
const maxRepeatBonus = 0.45
const maxWeight = 2.5

type Where = 'prose' | 'heading' | 'code' | 'question'

interface Candidate {
  term: string
  aliases: string[]
  source: KeyTermSource
  counts: Record<Where, number>
  first: number
}

const sourceRank: Record<KeyTermSource, number> = { defined: 6, sql: 5, technology: 4, concept: 3, emphasis: 2, question: 1, listed: 0 }

class Collector {
  readonly candidates = new Map<string, Candidate>()
  private position = 0

  add(term: string, source: KeyTermSource, where: Where, aliases: readonly string[] = []): void {
    const key = keyOf(term)
    if (key === '' || neverTerms.has(key)) return
    this.position += 1
    const existing = this.candidates.get(key)
    if (existing) {
      existing.counts[where] += 1
      if (sourceRank[source] > sourceRank[existing.source]) existing.source = source
      for (const alias of aliases) if (!existing.aliases.includes(alias)) existing.aliases.push(alias)
      return
    }
    const counts: Record<Where, number> = { prose: 0, heading: 0, code: 0, question: 0 }
    counts[where] = 1
    this.candidates.set(key, { term, aliases: [...aliases], source, counts, first: this.position })
  }

  /** Technologies and vocabulary concepts in a piece of text; returns how many it found. */
  scan(text: string, where: Where, options: { exactCase?: boolean; concepts?: boolean } = {}): number {
    let found = 0
    collectTechnologyNames(
      text,
      (name) => {
        if (tooGeneric.has(name)) return
        found += 1
        this.add(name, 'technology', where, technologyAliases[name] ?? [])
      },
      options.exactCase
    )
    if (options.concepts === false) return found
    const words = wordsOf(text)
    // A concept's words are not read again for a shorter concept inside it.
    let skipTo = -1
    for (const [at, first] of words.entries()) {
      if (at <= skipTo) continue
      const match = conceptsByFirstWord.get(first)?.find(({ form }) => form.every((word, k) => words[at + k] === word))
      if (!match) continue
      found += 1
      this.add(match.entry.term, 'concept', where, match.entry.aliases)
      skipTo = at + match.form.length - 1
    }
    return found
  }
}

/** Markdown emphasis, code spans, links and HTML stripped, for scanning prose. */
function plain(line: string): string {
  return line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/<[^>]+>/g, ' ')
}

const headingPattern = /^\s{0,3}#{1,6}\s+(.*)$/
// "**Key Design Decisions:**" alone on a line is a heading in all but name.
const boldOnlyLinePattern = /^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)\s*:?\s*$/
const listMarker = /^\s*(?:[-*+]|\d+[.)])\s+/
// "- **Idempotency:** running twice…", "1. **Consistency (C)**", "**Term** — text": a term and its definition.
const definitionPattern = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\*\*|__)([^*_]+?)(?:\*\*|__)\s*(?:[:：—–=-]\s*(.*))?$/
const inlineBoldPattern = /(?:\*\*|__)([^*_\n]+?)(?:\*\*|__)/g
const fencePattern = /^\s*(```|~~~)\s*([\w+-]*)/
const tableSeparatorPattern = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/
const sqlLooking = /\bselect\b[\s\S]*\bfrom\b/i
const commentPattern = /(?:^|\s)(?:#|--|\/\/)\s?(.*)$/
const proseLanguages = new Set(['', 'text', 'txt', 'plaintext', 'ascii', 'mermaid'])

interface AnswerScan {
  headings: Set<string>
  rowLabels: string[]
  defined: Array<{ label: string; alias: string | null }>
  emphasised: string[]
}

function scanAnswer(answer: string, collector: Collector): AnswerScan {
  const scan: AnswerScan = { headings: new Set(), rowLabels: [], defined: [], emphasised: [] }
  let fence: { marker: string; lang: string; lines: string[] } | null = null
  let inTable = false
  const codeBlocks: Array<{ lang: string; code: string }> = []
  for (const line of answer.split(/\r?\n/)) {
    const fenceMatch = fencePattern.exec(line)
    if (fence) {
      if (fenceMatch && line.trim().startsWith(fence.marker)) {
        codeBlocks.push({ lang: fence.lang, code: fence.lines.join('\n') })
        fence = null
      } else {
        fence.lines.push(line)
      }
      continue
    }
    if (fenceMatch) {
      // Both groups always take part in a match (the language may be empty).
      fence = { marker: fenceMatch[1] ?? '', lang: (fenceMatch[2] ?? '').toLowerCase(), lines: [] }
      continue
    }
    if (/^\s*\|/.test(line)) {
      // The first row of a table is its header: column names, never terms.
      const header = !inTable
      inTable = true
      if (header || tableSeparatorPattern.test(line)) continue
      // Cells are short comparisons ("Very high", "FIFO option"): only known names count, and
      // the row's own label when the author made it bold (the dimensions compared: "**Latency**").
      collector.scan(plain(line.replace(/\|/g, ' ; ')), 'prose')
      const rowLabel = /^\s*\|\s*(?:\*\*|__)([^*_|]+?)(?:\*\*|__)\s*\|/.exec(line)?.[1]
      if (rowLabel) scan.rowLabels.push(rowLabel.trim())
      continue
    }
    inTable = false
    const heading = headingPattern.exec(line)
    const boldOnly = heading ? null : listMarker.test(line) ? null : boldOnlyLinePattern.exec(line)
    // A heading's text group always takes part (it may be empty); a bold line's is never empty.
    const headingText = (heading ?? boldOnly)?.[1]
    if (headingText !== undefined) {
      const text = plain(headingText).replace(/[\s:]+$/, '').trim()
      scan.headings.add(keyOf(text))
      collector.scan(text, 'heading')
      continue
    }
    const definition = definitionPattern.exec(line)
    const term = definition?.[1]
    if (definition && term !== undefined && (listMarker.test(line) || (definition[2] ?? '').trim() !== '')) {
      const label = term.replace(/[\s:]+$/, '').trim()
      scan.defined.push({ label, alias: acronymAlias(label) })
    } else {
      for (const [, bold] of line.matchAll(inlineBoldPattern)) if (bold !== undefined) scan.emphasised.push(bold.trim())
    }
    collector.scan(plain(line), 'prose')
  }
  if (fence) codeBlocks.push({ lang: fence.lang, code: fence.lines.join('\n') })

  for (const block of codeBlocks) {
    if (proseLanguages.has(block.lang) && !sqlLooking.test(block.code)) {
      // A diagram or plain text block: its labels are names.
      collector.scan(block.code, 'code')
      continue
    }
    // Real code: technologies only as the list spells them, concepts only from comments.
    collector.scan(block.code, 'code', { exactCase: true, concepts: false })
    for (const line of block.code.split('\n')) {
      const comment = commentPattern.exec(line)?.[1]
      if (comment !== undefined) collector.scan(comment, 'code', { concepts: true, exactCase: true })
    }
    if (block.lang === 'sql' || sqlLooking.test(block.code)) {
      for (const construct of sqlConstructs) {
        if (construct.regex.test(block.code)) collector.add(construct.term, 'sql', 'code', construct.aliases)
      }
    }
  }
  return scan
}

/** The key terms of a question, heaviest first, each with its source and weight. */
export function extractKeyTerms(input: KeyTermInput): KeyTerm[] {
  const collector = new Collector()
  const question = `${input.title}\n${input.prompt}`
  collector.scan(question, 'question')
  const questionWords = new Set(wordsOf(question))
  const scan = scanAnswer(input.answer ?? '', collector)

  for (const { label, alias } of scan.defined) {
    for (const part of labelParts(label)) {
      const concept = conceptByWords.get(wordsOf(part).join(' '))
      const known = collector.candidates.get(keyOf(part))
      const term = known?.term ?? concept?.term
      if (term !== undefined) {
        collector.add(term, 'defined', 'prose', [...(concept?.aliases ?? []), ...(alias ? [alias] : [])])
        continue
      }
      // "Kinesis Data Streams", "Exactly-Once Semantics": the known name inside is the term.
      const inner = new Collector()
      if (inner.scan(part, 'prose') > 0) {
        for (const candidate of inner.candidates.values()) collector.add(candidate.term, 'defined', 'prose', candidate.aliases)
        continue
      }
      const words = wordsOf(part)
      const inQuestion = words.every((w) => questionWords.has(w))
      if (isNameLike(part) && (words.length > 1 || inQuestion || acronymPattern.test(part))) {
        collector.add(part, 'defined', 'prose', alias ? [alias] : [])
      }
    }
  }
  for (const label of scan.rowLabels) {
    const known = collector.candidates.get(keyOf(label))
    if (known) collector.add(known.term, 'defined', 'prose')
    else if (isNameLike(label) || (/^[\p{Lu}]/u.test(label) && !label.includes(' ') && !genericWords.has(stemOf(label)))) collector.add(label, 'defined', 'prose')
  }
  // Emphasis alone is weak evidence: a bold name counts when the answer comes back to it.
  const emphasisCounts = new Map<string, { text: string; count: number }>()
  for (const text of scan.emphasised) {
    for (const part of labelParts(text)) {
      const key = keyOf(part)
      if (collector.candidates.has(key) || conceptByWords.has(wordsOf(part).join(' ')) || !isNameLike(part)) continue
      const entry = emphasisCounts.get(key) ?? { text: part, count: 0 }
      entry.count += 1
      emphasisCounts.set(key, entry)
    }
  }
  for (const [key, { text, count }] of emphasisCounts) {
    const inQuestion = wordsOf(text).every((w) => questionWords.has(w))
    if (count >= 2 || inQuestion || acronymPattern.test(text)) {
      for (let i = 0; i < count; i += 1) collector.add(text, 'emphasis', 'prose')
    }
    void key
  }

  const terms: Array<KeyTerm & { first: number }> = []
  for (const [key, candidate] of collector.candidates) {
    const { counts } = candidate
    const outside = counts.prose + counts.code + counts.question
    // A heading is never a term; a name inside a longer heading may be, when it is used elsewhere too.
    if (scan.headings.has(key) && outside === 0) continue
    if (counts.prose + counts.code + counts.heading === 0 && counts.question === 0) continue
    let weight = keyTermSourceWeights[candidate.source]
    if (counts.prose === 0 && candidate.source !== 'defined' && counts.question === 0) weight *= incidentalFactor
    if (counts.question > 0) weight += questionBonus
    const mentions = counts.prose + counts.code + counts.heading
    weight += Math.min(maxRepeatBonus, repeatBonus * Math.max(0, mentions - 1))
    terms.push({
      term: candidate.term,
      aliases: candidate.aliases.filter((alias) => keyOf(alias) !== key),
      source: mentions === 0 ? 'question' : candidate.source,
      weight: Math.round(Math.min(maxWeight, weight) * 100) / 100,
      first: candidate.first
    })
  }
  terms.sort((a, b) => b.weight - a.weight || a.first - b.first)
  return terms.slice(0, maxKeyTerms).map(({ first: _first, ...term }) => term)
}
