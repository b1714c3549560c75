import type { BankLayoutId } from './bank-layouts'
import { BankText } from './bank-text'
import { regionQuestions, scanRegion } from './block-questions'
import { bodyText, cleanAnswer, trimSeparators } from './draft-body'
import { splitFollowUps } from './follow-ups'
import type { RegionOptions } from './list-questions'
import { scanBody } from './body-scan'
import { classifyKind } from './classify-kind'
import { detectHeadingLayout, type HeadingSummary } from './detect-layout'
import { readDifficultyLegend, type Difficulty, type DifficultyLegend } from './difficulty'
import { readFrontMatter } from './front-matter'
import { parseInline } from './inline-text'
import { headingWords, linkOnly } from './inline-words'
import { checkMarkdownComplexity } from './markdown-guard'
import { isNavigationHeading, isPlaceholder } from './not-questions'
import { normalizeSource } from './normalize-source'
import { parseMarkdownText } from './parse-markdown'
import { isQuestionLike, type BodySegment, type QuestionDraft } from './question-draft'
import { assignRubrics, extractRubrics, rubricSectionKind, type RubricSection, type RubricSectionKind } from './rubric'
import { scanBlocks, type Block } from './scan-blocks'
import { scanLooseNotes, type LooseRegion } from './loose-notes'
import { cleanQuestionTitle, cleanSectionText, isQuestionRangeHeading, questionId, questionMarkerOf, type TitleMarker } from './title-text'
import type { Bank, QuestionKind, Rubric } from './types'

export interface ParseBankOptions {
  bankId: string
  /** File name as stored; shown in sources and warnings. */
  file: string
  source?: Bank['source']
}

/** A question as the block scan found it: what lists and plans need, and where its body is. */
export interface ScannedQuestion {
  id: string
  bankId: string
  sectionPath: string[]
  section: string
  title: string
  kind: QuestionKind
  difficulty: Difficulty | null
  hasAnswer: boolean
  /** Characters of the answer (the longer copy of a duplicate survives a merge). */
  answerLength: number
  followUps: string[]
  /** Where the body (answer, setup, tips, diagrams) is in the bank's text. */
  body: BodySegment[]
  /** The question as asked, when the layout states it apart from the title. */
  prompt: string | null
  /** The answer when the layout cuts it itself (`A:`, a table cell, a list item); absent: from the body. */
  answer?: string | null
  layout: BankLayoutId
  /** Id of the rubric that scores it (set once the library's rubrics are known). */
  rubricId: string
}

export interface ScannedBank {
  bank: Bank
  /** The normalised text the question bodies point into. */
  text: string
  questions: ScannedQuestion[]
  rubrics: Rubric[]
  /** Questions found per layout, most first. */
  layouts: Array<{ layout: BankLayoutId; count: number }>
}

interface HeadingInfo extends HeadingSummary {
  text: string
  clean: string
  rubric: RubricSectionKind | null
  range: boolean
  nav: boolean
  part: boolean
  asks: boolean
}

// Sub-headings of one problem ("#### Scenario", "## Task"): parts of a question, never questions.
const partLabelPattern =
  /^(?:scenario|situation|task|tasks|objectives?|goals?|context|background|(?:the )?problem(?: statement)?|prompt|requirements?|(?:non-)?functional requirements|constraints|assumptions|inputs?|outputs?|expected (?:output|result)s?|examples?|sample (?:input|output|data)|data ?sets?|data|schema|tables?|deliverables?|hints?|notes?|solutions?|answers?|approach|discussion|follow[- ]?ups?(?: questions)?|evaluation(?: criteria)?|acceptance criteria|estimated time|time limit|expected time|bonus|extensions?|stretch goals?|what (?:we|they) look for|explanation)\s*:?$/i
const genericHeadingPattern = /^(?:q(?:uestion)?|problem|exercise|pregunta|frage|#)\s*\d+\s*[:.)]?$/i
const collectionTitlePattern = /\b(questions|problems|exercises|question bank|interview prep|cheat ?sheet|preguntas|questões|fragen)\b/i

/**
 * Markdown text → one bank's questions, found by a fast scan of its blocks; each question's
 * body is only located here and analysed when it is first shown (`questionDetails`). Throws
 * MarkdownTooComplexError on markdown built to be slow; `parseBank` wraps this and never throws.
 */
export function scanBank(raw: string, options: ParseBankOptions): ScannedBank {
  const warnings: string[] = []
  const source = normalizeSource(raw)
  if (source.unspacedHeadings > 0) {
    warnings.push(`${source.unspacedHeadings} heading line(s) without a space after "#" (such as "##Q2.") read as headings`)
  }
  if (source.strayFences > 0) {
    warnings.push(`${source.strayFences} unpaired code fence(s) that would have swallowed the questions after them read as text`)
  }
  const text = source.text
  checkMarkdownComplexity(text)
  const front = readFrontMatter(text)
  const ctx = new BankText(text, findLegend(text))
  const blocks = scanBlocks(text, front?.end ?? 0)

  const headings = new Map<number, HeadingInfo>()
  let titleIndex = -1
  let firstHeadingIndex = -1
  let topLevelCount = 0
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return
    const content = text.slice(block.innerStart, block.innerEnd)
    // Plain words need no inline parse (most headings of a large bank).
    const inline = /[*_`[\]<>&\\!~]|https?:|www\./.test(content) ? parseInline(content) : null
    const raw = inline ? headingWords(inline) : content
    const clean = cleanSectionText(raw)
    const rubric = rubricSectionKind(clean)
    const range = isQuestionRangeHeading(clean)
    const link = inline ? linkOnly(inline) : null
    const asks = isQuestionLike(clean) || questionMarkerOf(clean) === 'q'
    // A heading that is only a link ("## [Main title](../README.md)") navigates, unless it asks.
    // A placeholder heading ("Coming soon") stands for content that is not there yet.
    const nav = isNavigationHeading(clean) || (link !== null && !isQuestionLike(link.text)) || isPlaceholder(clean) || !/[\p{L}\p{N}]/u.test(clean)
    const part = partLabelPattern.test(clean)
    const info: HeadingInfo = {
      depth: block.depth,
      text: raw,
      clean,
      marker: questionMarkerOf(clean) as TitleMarker,
      rubric,
      range,
      nav,
      part,
      asks,
      countable: !rubric && !range && !nav && !part
    }
    headings.set(index, info)
    if (block.depth === 1) topLevelCount++
    if (firstHeadingIndex === -1) firstHeadingIndex = index
  })
  const firstHeading = firstHeadingIndex === -1 ? null : headings.get(firstHeadingIndex)!
  // A lone top-level heading that opens the file names the bank, not a section of it.
  if (firstHeading && firstHeading.depth === 1 && topLevelCount === 1) titleIndex = firstHeadingIndex
  const firstTopLevel = [...headings.values()].find((h) => h.depth === 1)
  // A heading that is mostly a link ("Mock 1 : https://…") names the bank worse than its file does.
  const heading = cleanSectionText(firstTopLevel?.text ?? '')
  const withoutLinks = heading.replace(/\s*[:\-–—|]?\s*https?:\/\/\S+/g, '').trim()
  const linkWasMostOfIt = withoutLinks !== heading && withoutLinks.length < 8
  const bankTitle = front?.title ?? ((linkWasMostOfIt ? '' : withoutLinks) || humanizeFileName(options.file))
  const namesQuestions = collectionTitlePattern.test(bankTitle) || /\bquestions?\b/i.test(options.file)

  const drafts: QuestionDraft[] = []
  const regions: LooseRegion[] = []
  const rubricSections: Array<{ kind: RubricSectionKind; heading: string; blocks: Block[] }> = []

  const single = singleQuestion(headings, titleIndex)
  if (single && titleIndex !== -1) {
    const body = trimSeparators(ctx, blocks.slice(titleIndex + 1).filter((_, k) => !headings.get(titleIndex + 1 + k)?.rubric))
    const title = ctx.title(headings.get(titleIndex)!.text)
    if (title) {
      const draft: QuestionDraft = { title: title.title, difficulty: title.difficulty, sectionPath: [], body: [], layout: 'single-question' }
      drafts.push(withParts(ctx, draft, body, headings, blocks, 'prompt'))
    }
  } else {
    scanHeadings()
  }

  function scanHeadings(): void {
    const layout = detectHeadingLayout([...headings.entries()].filter(([i]) => i !== titleIndex).map(([, h]) => h))
    const stack: Array<{ depth: number; text: string; nav: boolean }> = []
    type Mode =
      | { kind: 'question'; draft: QuestionDraft; numbered: boolean; heading: HeadingInfo; blocks: Block[] }
      | { kind: 'region'; blocks: Block[]; path: string[]; nav: boolean; asks: boolean }
      | { kind: 'rubric'; section: { kind: RubricSectionKind; heading: string; blocks: Block[] }; depth: number }
    let mode: Mode | null = null

    const path = (): string[] => stack.map((s) => s.text)
    const inNav = (): boolean => stack.some((s) => s.nav)
    const popTo = (depth: number): void => {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop()
    }
    const regionOptions = (asks: boolean): RegionOptions => ({ plainLists: !asks, namesQuestions: namesQuestions || stack.some((s) => collectionTitlePattern.test(s.text)) })
    const flush = (): void => {
      const current = mode
      mode = null
      if (current?.kind === 'question') drafts.push(finishHeadingQuestion(ctx, current.draft, current.heading, current.blocks))
      else if (current?.kind === 'region' && current.blocks.length > 0 && !current.nav) {
        regions.push({ blocks: current.blocks, sectionPath: current.path })
        drafts.push(...scanRegion(ctx, current.blocks, current.path, regionOptions(current.asks)))
      } else if (current?.kind === 'rubric') rubricSections.push(current.section)
    }
    const openSection = (info: HeadingInfo): void => {
      flush()
      popTo(info.depth)
      stack.push({ depth: info.depth, text: info.clean, nav: info.nav })
      mode = { kind: 'region', blocks: [], path: path(), nav: inNav(), asks: info.asks }
    }
    const nextBoundary = (from: number, depth: number): number => {
      for (let j = from + 1; j < blocks.length; j++) {
        const h = headings.get(j)
        if (h && (h.depth <= depth || h.rubric)) return j
      }
      return blocks.length
    }

    /**
     * A heading at the question depth that only groups questions is a section: several
     * questions below it, or one in an unmistakable layout (a table, a Q:/A: pair, <details>),
     * or, right under it, a deeper heading that asks.
     */
    const groupsQuestions = (i: number, info: HeadingInfo): boolean => {
      const next = headings.get(i + 1)
      if (!info.asks && next && next.depth > info.depth && next.asks && !next.part) return true
      const found = regionQuestions(ctx, blocks.slice(i + 1, nextBoundary(i, questionDepth!)), regionOptions(info.asks))
      if (found.length >= 2) return true
      return !info.asks && found.some((d) => d.layout === 'question-table' || d.layout === 'question-answer-pairs' || d.layout === 'details')
    }

    const questionDepth = layout.questionDepth
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!
      const info = headings.get(i)
      if (!info) {
        if (mode === null) mode = { kind: 'region', blocks: [], path: path(), nav: inNav(), asks: false }
        // (Set in closures too, which TypeScript's narrowing does not follow.)
        const open = mode as Mode
        if (open.kind === 'question') open.blocks.push(block)
        else if (open.kind === 'region') open.blocks.push(block)
        else open.section.blocks.push(block)
        continue
      }
      const current = mode as Mode | null
      if (i === titleIndex) {
        flush()
        mode = { kind: 'region', blocks: [], path: [], nav: false, asks: false }
        continue
      }
      if (current?.kind === 'rubric' && info.depth > current.depth) {
        current.section.blocks.push(block)
        continue
      }
      if (info.rubric) {
        flush()
        popTo(info.depth)
        mode = { kind: 'rubric', section: { kind: info.rubric, heading: info.text, blocks: [] }, depth: info.depth }
        continue
      }
      // "## Answer" or "#### Scenario" under a question: a part of it.
      if (info.part && current?.kind === 'question' && (questionDepth === null || info.depth >= questionDepth)) {
        current.blocks.push(block)
        continue
      }
      if (questionDepth === null || info.depth < questionDepth) {
        openSection(info)
        continue
      }
      if (info.depth > questionDepth) {
        if (current?.kind === 'question') current.blocks.push(block)
        else if (info.asks && !info.nav && !info.range) startQuestion(info, false)
        else openSection(info)
        continue
      }
      if (info.range || info.part) {
        openSection(info)
        continue
      }
      if (info.nav) {
        warnings.push(`heading "${info.clean}" is navigation, not a question; skipped`)
        openSection(info)
        continue
      }
      const numbered = layout.style !== 'any' && info.marker === layout.style
      if (!numbered && layout.style !== 'any' && current?.kind === 'question' && current.numbered) {
        // "## Explanation:" after "##Q11. …": the numbered question continues.
        current.blocks.push(block)
        continue
      }
      if (!numbered && groupsQuestions(i, info)) {
        openSection(info)
        continue
      }
      startQuestion(info, numbered)
    }
    flush()

    function startQuestion(info: HeadingInfo, numbered: boolean): void {
      flush()
      popTo(info.depth)
      const title = cleanQuestionTitle(info.text)
      mode = {
        kind: 'question',
        draft: { title, sectionPath: path(), body: [], layout: numbered ? 'numbered-headings' : 'headings' },
        numbered,
        heading: info,
        blocks: []
      }
    }
  }

  // One question per file, said in its title alone ("# How would you design X?" and its answer).
  if (drafts.length === 0 && titleIndex !== -1 && headings.get(titleIndex)!.asks && headings.size === 1) {
    const title = ctx.title(headings.get(titleIndex)!.text)
    const body = trimSeparators(ctx, blocks.slice(titleIndex + 1))
    if (title) drafts.push({ title: title.title, difficulty: title.difficulty, sectionPath: [], body: segmentsOf(body), layout: 'single-question' })
  }
  const found = drafts.length > 0 ? dropProseHeadings(drafts) : scanLooseNotes(ctx, regions)
  const questions = buildQuestions(text, options.bankId, bankTitle, found, warnings)

  const kinds = [...new Set(questions.map((q) => q.kind))] as QuestionKind[]
  const sections: RubricSection[] = rubricSections.map((s) => ({
    kind: s.kind,
    heading: s.heading,
    nodes: s.blocks.length > 0 ? parseMarkdownText(text.slice(s.blocks[0]!.start, s.blocks[s.blocks.length - 1]!.end)).children : []
  }))
  const { rubrics, warnings: rubricWarnings } = extractRubrics(options.bankId, bankTitle, sections, kinds)
  warnings.push(...rubricWarnings)
  assignRubrics(questions, rubrics)
  if (questions.length === 0 && rubrics.length === 0) warnings.push('no questions found')

  const counts = new Map<BankLayoutId, number>()
  for (const q of questions) counts.set(q.layout, (counts.get(q.layout) ?? 0) + 1)
  const layouts = [...counts.entries()].map(([layout, count]) => ({ layout, count })).sort((a, b) => b.count - a.count)
  return {
    bank: { id: options.bankId, title: bankTitle, file: options.file, source: options.source ?? 'built-in', questionCount: questions.length, warnings },
    text,
    questions,
    rubrics,
    layouts
  }
}

/**
 * A file whose title heading is the problem and whose sub-headings are its parts (Scenario,
 * Task, Objective…): one question, however its numbered sub-headings look.
 */
function singleQuestion(headings: ReadonlyMap<number, HeadingInfo>, titleIndex: number): boolean {
  if (titleIndex === -1) return false
  const title = headings.get(titleIndex)!
  if (collectionTitlePattern.test(title.clean)) return false
  const others = [...headings.entries()].filter(([i, h]) => i !== titleIndex && !h.rubric).map(([, h]) => h)
  if (others.length === 0) return false
  const top = Math.min(...others.map((h) => h.depth))
  const shallow = others.filter((h) => h.depth === top)
  const parts = shallow.filter((h) => h.part).length
  const asking = shallow.filter((h) => !h.part && (h.marker === 'q' || h.asks)).length
  return parts >= 1 && parts >= asking * 2 && !shallow.some((h) => h.marker === 'q')
}

/**
 * A heading question's body, tidied: a lone bold question right under a heading that does not
 * ask ("## Question 1", then "**What is X?**") is the question; "Follow-up" lists become
 * follow-ups; separators around the body go.
 */
function finishHeadingQuestion(ctx: BankText, draft: QuestionDraft, heading: HeadingInfo, blocks: readonly Block[]): QuestionDraft {
  let body = trimSeparators(ctx, blocks)
  const first = body[0]
  if (!heading.asks && first?.type === 'paragraph') {
    const boldOnly = ctx.boldOnly(first)
    const boldLine = boldOnly === null ? ctx.leadingBoldLine(first) : null
    const bold = boldOnly ?? boldLine?.text ?? null
    const others = body.slice(1).filter((b) => {
      const t = ctx.boldOnly(b)
      return t !== null && isQuestionLike(t)
    }).length
    const asked = bold?.replace(/^\s*(?:Q|Question)\s*\d*\s*[:.)]\s*/i, '') ?? null
    if (asked && others === 0 && (isQuestionLike(asked) || questionMarkerOf(bold!) === 'q')) {
      const title = ctx.title(asked)
      if (title) {
        draft.title = title.title
        draft.difficulty = title.difficulty
        if (!genericHeadingPattern.test(heading.clean)) draft.sectionPath = [...draft.sectionPath, heading.clean]
        body = boldLine ? [{ ...first, start: boldLine.restStart }, ...body.slice(1)] : body.slice(1)
        draft.layout = 'bold-questions'
      }
    }
  }
  if (draft.difficulty === undefined) {
    const split = ctx.title(draft.title)
    if (split && split.title !== draft.title) {
      draft.title = split.title
      draft.difficulty = split.difficulty
    }
  }
  return withParts(ctx, draft, body, null, null, 'answer')
}

// Parts of a problem that state it (the rest of its parts answer it).
const promptPartPattern =
  /^(?:scenario|situation|tasks?|objectives?|goals?|context|background|(?:the )?problem(?: statement)?|prompt|question|requirements?|(?:non-)?functional requirements|constraints|assumptions|inputs?|outputs?|expected (?:output|result)s?|examples?|sample (?:input|output|data)|data ?sets?|data|schema|tables?|deliverables?|estimated time|time limit|expected time)\s*:?$/i

const statementPartPattern =
  /^(?:scenario|situation|tasks?|objectives?|goals?|context|background|(?:the )?problem(?: statement)?|prompt|requirements?|(?:non-)?functional requirements|constraints|assumptions)\s*:?$/i

/**
 * A body whose sub-headings are parts (Scenario, Task, Objective…): the parts that state the
 * problem become the prompt, the others (and numbered sub-headings) the answer; "Follow-up"
 * lists become follow-ups. `lead` says where text before the first part goes.
 */
function withParts(
  ctx: BankText,
  draft: QuestionDraft,
  body: readonly Block[],
  headings: ReadonlyMap<number, HeadingInfo> | null,
  all: readonly Block[] | null,
  lead: 'prompt' | 'answer'
): QuestionDraft {
  const positions = headings && all ? new Map(all.map((b, i) => [b, i])) : null
  const partOf = (b: Block): string | null => {
    if (b.type !== 'heading') return null
    const info = headings && positions ? headings.get(positions.get(b) ?? -1) : null
    return info?.clean ?? cleanSectionText(headingWords(parseInline(ctx.text.slice(b.innerStart, b.innerEnd))))
  }
  // "Example" or "Input" alone are as likely part of an answer; a problem is split only when it
  // has a part that only a problem statement has.
  const hasPromptPart = body.some((b) => {
    const part = partOf(b)
    return part !== null && statementPartPattern.test(part)
  })
  let answerBlocks: Block[] = [...body]
  if (hasPromptPart) {
    const promptBlocks: Block[] = []
    answerBlocks = []
    let target = lead === 'prompt' ? promptBlocks : answerBlocks
    for (const b of body) {
      const part = partOf(b)
      if (part !== null) target = promptPartPattern.test(part) ? promptBlocks : answerBlocks
      target.push(b)
    }
    if (promptBlocks.length > 0) {
      draft.prompt = [draft.title, ...segmentsOf(promptBlocks, body).map((s) => ctx.text.slice(s.start, s.end).trim())].join('\n\n')
    }
  }
  const { followUps, answerBlocks: rest } = splitFollowUps(ctx.text, answerBlocks, false)
  draft.followUps = followUps
  draft.body = segmentsOf(rest, body)
  return draft
}

/**
 * In a file whose questions sit below its headings (bold questions, lists, tables), a heading
 * that does not ask and holds prose ("## Created and maintained by …") is an introduction, not
 * a question: when such headings are few against the questions found below headings (and no
 * heading is a numbered question), they go.
 */
function dropProseHeadings(drafts: QuestionDraft[]): QuestionDraft[] {
  const prose = drafts.filter((d) => d.layout === 'headings' && !isQuestionLike(d.title))
  const inline = drafts.filter((d) => d.layout !== 'headings' && d.layout !== 'numbered-headings' && d.layout !== 'single-question')
  // Where headings are numbered questions, an unnumbered one among them is a question too.
  const numbered = drafts.some((d) => d.layout === 'numbered-headings')
  if (numbered || prose.length === 0 || inline.length < 3 * prose.length) return drafts
  const dropped = new Set(prose)
  return drafts.filter((d) => !dropped.has(d))
}

/** Segments for blocks, one per run of blocks that were adjacent in `all`. */
function segmentsOf(blocks: readonly Block[], all: readonly Block[] = blocks): BodySegment[] {
  if (blocks.length === 0) return []
  // Nothing left out: one stretch (the usual case, without building an index).
  if (blocks.length === all.length) return [{ start: blocks[0]!.start, end: blocks[blocks.length - 1]!.end, first: blocks[0]!.start, column: 0 }]
  const positions = new Map(all.map((b, i) => [b, i]))
  const segments: BodySegment[] = []
  let previous = -2
  for (const b of blocks) {
    const index = positions.get(b) ?? -2
    const last = segments[segments.length - 1]
    if (last && index === previous + 1) last.end = b.end
    else segments.push({ start: b.start, end: b.end, first: b.start, column: 0 })
    previous = index
  }
  return segments
}

function buildQuestions(text: string, bankId: string, bankTitle: string, drafts: readonly QuestionDraft[], warnings: string[]): ScannedQuestion[] {
  const questions: ScannedQuestion[] = []
  const ids = new Set<string>()
  for (const draft of drafts) {
    draft.title = plainTitle(draft.title)
    if (draft.title.trim() === '') {
      warnings.push(`a question without a title in "${draft.sectionPath.join(' › ')}" was skipped`)
      continue
    }
    // In place where the body is a plain range of the bank; a list item's is dedented first.
    const scan = draft.body.every((s) => s.column === 0 && s.first === s.start)
      ? scanBody(text, draft.body.map((s) => [s.start, s.end] as const))
      : scanBody(bodyText(text, draft.body))
    const baseId = questionId(bankId, draft.sectionPath, draft.title)
    let id = baseId
    // Same title twice in one section: numbered in file order (the only order-dependent part).
    for (let n = 2; ids.has(id); n++) id = `${baseId}-${n}`
    ids.add(id)
    const answer = draft.answer
    const question: ScannedQuestion = {
      id,
      bankId,
      sectionPath: draft.sectionPath,
      section: draft.sectionPath.join(' › '),
      title: draft.title,
      // The bank's own title is the outermost context ("SQL drills", "Behavioral questions").
      kind: classifyKind(draft.title, draft.prompt ?? draft.title, [bankTitle, ...draft.sectionPath], scan.signals),
      difficulty: draft.difficulty ?? null,
      hasAnswer: answer !== undefined ? answer !== null : scan.answerChars > 0,
      answerLength: answer !== undefined ? (answer?.length ?? 0) : scan.answerChars,
      followUps: draft.followUps ?? [],
      body: draft.body,
      prompt: draft.prompt ?? null,
      layout: draft.layout,
      rubricId: ''
    }
    if (answer !== undefined) question.answer = answer === null ? null : cleanAnswer(answer)
    questions.push(question)
  }
  return questions
}

/**
 * What is left of markdown in a title after its inline text was taken (a literal `**` that
 * closed nothing, a tag-like `<T>`, a "#" that was text): titles are plain words.
 */
function plainTitle(title: string): string {
  let t = title.replace(/<\/?[A-Za-z][^<>]*>/g, ' ').replace(/\*\*|__|`|!\[|\]\(/g, ' ')
  for (let previous = ''; previous !== t; ) {
    previous = t
    t = t.replace(/^\s*(?:#{1,6}|>|[-*+])(?:\s+|$)/, '')
  }
  return t.replace(/\s+/g, ' ').trim()
}

/** A line such as "Legend: 👶 easy ⭐️ medium 🚀 expert" near the top of the file. */
function findLegend(text: string): DifficultyLegend | null {
  const head = text.slice(0, 20_000)
  for (const line of head.split('\n')) {
    if (!/\b(easy|medium|hard|expert|beginner|intermediate|advanced|fácil|difícil)\b/i.test(line)) continue
    const legend = readDifficultyLegend(line)
    if (legend) return legend
  }
  return null
}

export function humanizeFileName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  const words = base.replace(/[-_]+/g, ' ').trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Untitled bank'
}
