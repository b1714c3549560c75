import type { RootContent } from 'mdast'
import { classifyKind } from './classify-kind'
import { detectHeadingLayout, type HeadingSummary } from './detect-layout'
import { countInlineQuestions, scanInlineQuestions } from './inline-questions'
import { scanLooseNotes, type LooseRegion } from './loose-notes'
import { headingText } from './markdown-nodes'
import { normalizeSource } from './normalize-source'
import { extractKeyTerms } from './key-terms'
import { parseMarkdown } from './parse-markdown'
import { analyzeBody } from './question-body'
import type { QuestionDraft } from './question-draft'
import { assignRubrics, extractRubrics, rubricSectionKind, type RubricSection, type RubricSectionKind } from './rubric'
import {
  cleanQuestionTitle,
  cleanSectionText,
  isQuestionRangeHeading,
  questionId,
  questionMarkerOf,
  type TitleMarker
} from './title-text'
import type { Bank, Question, QuestionKind, Rubric } from './types'

export interface ParseBankOptions {
  bankId: string
  /** File name as stored; shown in sources and warnings. */
  file: string
  source?: Bank['source']
}

export interface ParsedBank {
  bank: Bank
  /** In file order, before merging with other banks; rubric ids refer to this bank's rubrics. */
  questions: Question[]
  rubrics: Rubric[]
}

interface HeadingInfo extends HeadingSummary {
  text: string
  rubric: RubricSectionKind | null
  range: boolean
  meta: boolean
}

const navigationHeadingPattern =
  /^(table of contents|contents|toc|index|introduction|references?|resources|further reading|licen[cs]e|contributing|credits|acknowledge?ments|about|changelog)$/i

/**
 * Markdown text → one bank's questions and rubrics. Never throws: anything it cannot use
 * becomes a warning on the bank.
 */
export function parseBank(text: string, options: ParseBankOptions): ParsedBank {
  const warnings: string[] = []
  try {
    return parseBankOrThrow(text, options, warnings)
  } catch (error) {
    warnings.push(`could not parse the file: ${error instanceof Error ? error.message : String(error)}`)
    return { bank: bankRecord(options, humanizeFileName(options.file), 0, warnings), questions: [], rubrics: [] }
  }
}

function parseBankOrThrow(text: string, options: ParseBankOptions, warnings: string[]): ParsedBank {
  const source = normalizeSource(text)
  if (source.unspacedHeadings > 0) {
    warnings.push(`${source.unspacedHeadings} heading line(s) without a space after "#" (such as "##Q2.") read as headings`)
  }
  if (source.strayFences > 0) {
    warnings.push(`${source.strayFences} unpaired code fence(s) that would have swallowed the questions after them read as text`)
  }
  const src = source.text
  const blocks = parseMarkdown(source).children

  const headings = new Map<number, HeadingInfo>()
  let firstHeading: HeadingInfo | null = null
  let firstHeadingIndex = -1
  let topLevelCount = 0
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return
    const raw = headingText(block)
    const clean = cleanSectionText(raw)
    const rubric = rubricSectionKind(clean)
    const range = isQuestionRangeHeading(clean)
    const meta = navigationHeadingPattern.test(clean.replace(/[^\p{L}\p{N} ]/gu, '').trim())
    const info: HeadingInfo = {
      depth: block.depth,
      text: raw,
      marker: questionMarkerOf(clean) as TitleMarker,
      rubric,
      range,
      meta,
      countable: !rubric && !range && !meta
    }
    headings.set(index, info)
    if (block.depth === 1) topLevelCount++
    if (!firstHeading) {
      firstHeading = info
      firstHeadingIndex = index
    }
  })
  // A lone top-level heading that opens the file names the bank, not a section of it.
  const titleIndex = firstHeading !== null && (firstHeading as HeadingInfo).depth === 1 && topLevelCount === 1 ? firstHeadingIndex : -1
  const firstTopLevel = [...headings.values()].find((h) => h.depth === 1)
  // A heading that is mostly a link ("Mock 1 : https://…") names the bank worse than its file does.
  const heading = cleanSectionText(firstTopLevel?.text ?? '')
  const withoutLinks = heading.replace(/\s*[:\-–—|]?\s*https?:\/\/\S+/g, '').trim()
  const linkWasMostOfIt = withoutLinks !== heading && withoutLinks.length < 8
  const bankTitle = (linkWasMostOfIt ? '' : withoutLinks) || humanizeFileName(options.file)
  const layout = detectHeadingLayout([...headings.entries()].filter(([i]) => i !== titleIndex).map(([, h]) => h))

  const drafts: QuestionDraft[] = []
  const regions: LooseRegion[] = []
  const rubricSections: RubricSection[] = []
  const stack: { depth: number; text: string }[] = []
  type Mode =
    | { kind: 'question'; draft: QuestionDraft; numbered: boolean }
    | { kind: 'region'; nodes: RootContent[]; path: string[] }
    | { kind: 'rubric'; section: RubricSection; depth: number }
  let mode: Mode | null = null

  const path = (): string[] => stack.map((s) => s.text)
  const popTo = (depth: number): void => {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop()
  }
  const flush = (): void => {
    if (mode?.kind === 'question') drafts.push(mode.draft)
    else if (mode?.kind === 'region' && mode.nodes.length > 0) {
      regions.push({ nodes: mode.nodes, sectionPath: mode.path })
      drafts.push(...scanInlineQuestions(src, mode.nodes, mode.path))
    } else if (mode?.kind === 'rubric') rubricSections.push(mode.section)
    mode = null
  }
  const openSection = (info: HeadingInfo): void => {
    flush()
    popTo(info.depth)
    stack.push({ depth: info.depth, text: cleanSectionText(info.text) })
    mode = { kind: 'region', nodes: [], path: path() }
  }
  const nextBoundary = (from: number, depth: number): number => {
    for (let j = from + 1; j < blocks.length; j++) {
      const h = headings.get(j)
      if (h && (h.depth <= depth || h.rubric)) return j
    }
    return blocks.length
  }

  const questionDepth = layout.questionDepth
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    const info = headings.get(i)
    if (!info) {
      if (mode === null) mode = { kind: 'region', nodes: [], path: path() }
      if (mode.kind === 'question') mode.draft.body.push(block)
      else if (mode.kind === 'region') mode.nodes.push(block)
      else mode.section.nodes.push(block)
      continue
    }
    const current = mode as Mode | null
    if (i === titleIndex) {
      flush()
      mode = { kind: 'region', nodes: [], path: [] }
      continue
    }
    if (current?.kind === 'rubric' && info.depth > current.depth) {
      current.section.nodes.push(block)
      continue
    }
    if (info.rubric) {
      flush()
      popTo(info.depth)
      mode = { kind: 'rubric', section: { kind: info.rubric, heading: info.text, nodes: [] }, depth: info.depth }
      continue
    }
    if (questionDepth === null || info.depth < questionDepth) {
      openSection(info)
      continue
    }
    if (info.depth > questionDepth) {
      if (current?.kind === 'question') current.draft.body.push(block)
      else openSection(info)
      continue
    }
    if (info.range) {
      openSection(info)
      continue
    }
    if (info.meta) {
      warnings.push(`heading "${cleanSectionText(info.text)}" is navigation, not a question; skipped`)
      openSection(info)
      continue
    }
    const numbered = layout.style !== 'any' && info.marker === layout.style
    if (!numbered && layout.style !== 'any' && current?.kind === 'question' && current.numbered) {
      // "## Explanation:" after "##Q11. …": the numbered question continues.
      current.draft.body.push(block)
      continue
    }
    if (!numbered && countInlineQuestions(src, blocks.slice(i + 1, nextBoundary(i, questionDepth))) >= 2) {
      openSection(info)
      continue
    }
    flush()
    popTo(info.depth)
    mode = { kind: 'question', draft: { title: cleanQuestionTitle(info.text), sectionPath: path(), body: [] }, numbered }
  }
  flush()

  const found = drafts.length > 0 ? drafts : scanLooseNotes(src, regions)
  const questions = buildQuestions(src, options.bankId, found, warnings)
  const kinds = [...new Set(questions.map((q) => q.kind))] as QuestionKind[]
  const { rubrics, warnings: rubricWarnings } = extractRubrics(options.bankId, bankTitle, rubricSections, kinds)
  warnings.push(...rubricWarnings)
  assignRubrics(questions, rubrics)
  if (questions.length === 0 && rubrics.length === 0) warnings.push('no questions found')
  return { bank: bankRecord(options, bankTitle, questions.length, warnings), questions, rubrics }
}

function buildQuestions(src: string, bankId: string, drafts: readonly QuestionDraft[], warnings: string[]): Question[] {
  const questions: Question[] = []
  const ids = new Set<string>()
  for (const draft of drafts) {
    if (draft.title.trim() === '') {
      warnings.push(`a question without a title in "${draft.sectionPath.join(' › ')}" was skipped`)
      continue
    }
    const analysis = analyzeBody(src, draft.body)
    for (const warning of analysis.warnings) warnings.push(`${draft.title}: ${warning}`)
    const prompt = [draft.prompt ?? draft.title, ...analysis.promptExtra].join('\n\n')
    const baseId = questionId(bankId, draft.sectionPath, draft.title)
    let id = baseId
    // Same title twice in one section: numbered in file order (the only order-dependent part).
    for (let n = 2; ids.has(id); n++) id = `${baseId}-${n}`
    ids.add(id)
    const answer = draft.answer !== undefined ? draft.answer : analysis.answer
    const keyTerms = extractKeyTerms({ title: draft.title, prompt, answer })
    questions.push({
      id,
      bankId,
      sectionPath: draft.sectionPath,
      section: draft.sectionPath.join(' › '),
      title: draft.title,
      prompt,
      kind: classifyKind(draft.title, prompt, draft.sectionPath, analysis.signals),
      answer,
      setupCode: analysis.setupCode,
      keyTerms: keyTerms.map((t) => t.term),
      keyTermDetails: keyTerms,
      tips: analysis.tips,
      diagrams: analysis.diagrams,
      rubricId: '',
      alsoIn: []
    })
  }
  return questions
}

function bankRecord(options: ParseBankOptions, title: string, questionCount: number, warnings: string[]): Bank {
  return { id: options.bankId, title, file: options.file, source: options.source ?? 'built-in', questionCount, warnings }
}

export function humanizeFileName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  const words = base.replace(/[-_]+/g, ' ').trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Untitled bank'
}
