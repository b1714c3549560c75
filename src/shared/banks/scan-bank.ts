import type { BankLayoutId } from './bank-layouts'
import { collectionTitlePattern, readHeadings, singleQuestion, type HeadingInfo, type TitleHeading } from './bank-headings'
import { BankText } from './bank-text'
import { scanBody } from './body-scan'
import { classifyKind } from './classify-kind'
import { readDifficultyLegend, type Difficulty, type DifficultyLegend } from './difficulty'
import { bodyText, cleanAnswer, trimSeparators } from './draft-body'
import { readFrontMatter } from './front-matter'
import { scanHeadings, type HeadingQuestions, type RubricBlocks } from './heading-questions'
import { checkMarkdownComplexity } from './markdown-guard'
import { normalizeSource } from './normalize-source'
import { parseMarkdownText } from './parse-markdown'
import { isQuestionLike, type BodySegment, type QuestionDraft } from './question-draft'
import { segmentsOf, withParts } from './question-parts'
import { assignRubrics, extractRubrics, type RubricSection } from './rubric'
import { scanBlocks, type Block } from './scan-blocks'
import { scanLooseNotes } from './loose-notes'
import { cleanSectionText, questionId } from './title-text'
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

/**
 * Markdown text → one bank's questions, found by a fast scan of its blocks; each question's
 * body is only located here and analysed when it is first shown (`questionDetails`). Throws
 * MarkdownTooComplexError on markdown built to be slow; `parseBank` wraps this and never throws.
 */
export function scanBank(raw: string, options: ParseBankOptions): ScannedBank {
  const warnings: string[] = []
  const text = normalizedText(raw, warnings)
  checkMarkdownComplexity(text)
  const front = readFrontMatter(text)
  const ctx = new BankText(text, findLegend(text))
  const blocks = scanBlocks(text, front?.end ?? 0)
  const { headings, title } = readHeadings(text, blocks)
  const bankTitle = front?.title ?? titleFromHeadings(headings, options.file)
  const namesQuestions = collectionTitlePattern.test(bankTitle) || /\bquestions?\b/i.test(options.file)

  const found = questionDrafts(ctx, blocks, headings, title, namesQuestions, warnings)
  const drafts = found.drafts.length > 0 ? dropProseHeadings(found.drafts) : scanLooseNotes(ctx, found.regions)
  const questions = buildQuestions(text, options.bankId, bankTitle, drafts, warnings)
  const rubrics = bankRubrics(text, options.bankId, bankTitle, found.rubricSections, questions, warnings)
  assignRubrics(questions, rubrics)
  if (questions.length === 0 && rubrics.length === 0) warnings.push('no questions found')
  return {
    bank: { id: options.bankId, title: bankTitle, file: options.file, source: options.source ?? 'built-in', questionCount: questions.length, warnings },
    text,
    questions,
    rubrics,
    layouts: layoutCounts(questions)
  }
}

/** The source with its fixable slips fixed (each said in a warning). */
function normalizedText(raw: string, warnings: string[]): string {
  const source = normalizeSource(raw)
  if (source.unspacedHeadings > 0) {
    warnings.push(`${source.unspacedHeadings} heading line(s) without a space after "#" (such as "##Q2.") read as headings`)
  }
  if (source.strayFences > 0) {
    warnings.push(`${source.strayFences} unpaired code fence(s) that would have swallowed the questions after them read as text`)
  }
  return source.text
}

/** The bank's title from its first top-level heading, or else from its file name. */
function titleFromHeadings(headings: ReadonlyMap<number, HeadingInfo>, file: string): string {
  const firstTopLevel = [...headings.values()].find((h) => h.depth === 1)
  // A heading that is mostly a link ("Mock 1 : https://…") names the bank worse than its file does.
  const heading = cleanSectionText(firstTopLevel?.text ?? '')
  const withoutLinks = heading.replace(/\s*[:\-–—|]?\s*https?:\/\/\S+/g, '').trim()
  const linkWasMostOfIt = withoutLinks !== heading && withoutLinks.length < 8
  return (linkWasMostOfIt ? '' : withoutLinks) || humanizeFileName(file)
}

/** The drafts the headings give, or the one question a single-problem file holds. */
function questionDrafts(
  ctx: BankText,
  blocks: readonly Block[],
  headings: ReadonlyMap<number, HeadingInfo>,
  title: TitleHeading | null,
  namesQuestions: boolean,
  warnings: string[]
): HeadingQuestions {
  const found: HeadingQuestions =
    title && singleQuestion(headings, title)
      ? { drafts: singleProblem(ctx, blocks, headings, title), regions: [], rubricSections: [] }
      : scanHeadings({ ctx, blocks, headings, titleIndex: title?.index ?? -1, namesQuestions }, warnings)
  // One question per file, said in its title alone ("# How would you design X?" and its answer).
  if (found.drafts.length === 0 && title?.info.asks && headings.size === 1) {
    const question = ctx.title(title.info.text)
    const body = trimSeparators(ctx, blocks.slice(title.index + 1))
    if (question) found.drafts.push({ title: question.title, difficulty: question.difficulty, sectionPath: [], body: segmentsOf(body), layout: 'single-question' })
  }
  return found
}

/** A file that is one problem: its title heading asks it, its sub-headings are its parts. */
function singleProblem(ctx: BankText, blocks: readonly Block[], headings: ReadonlyMap<number, HeadingInfo>, title: TitleHeading): QuestionDraft[] {
  const body = trimSeparators(ctx, blocks.slice(title.index + 1).filter((_, k) => !headings.get(title.index + 1 + k)?.rubric))
  const question = ctx.title(title.info.text)
  if (!question) return []
  const draft: QuestionDraft = { title: question.title, difficulty: question.difficulty, sectionPath: [], body: [], layout: 'single-question' }
  return [withParts(ctx, draft, body, headings, blocks, 'prompt')]
}

/** Rubrics the bank's rubric and template sections define (their problems said in `warnings`). */
function bankRubrics(text: string, bankId: string, bankTitle: string, rubricSections: readonly RubricBlocks[], questions: readonly ScannedQuestion[], warnings: string[]): Rubric[] {
  const kinds = [...new Set(questions.map((q) => q.kind))] as QuestionKind[]
  const sections: RubricSection[] = rubricSections.map((s) => ({ kind: s.kind, heading: s.heading, nodes: sectionNodes(text, s.blocks) }))
  const { rubrics, warnings: rubricWarnings } = extractRubrics(bankId, bankTitle, sections, kinds)
  warnings.push(...rubricWarnings)
  return rubrics
}

function sectionNodes(text: string, blocks: readonly Block[]): RubricSection['nodes'] {
  const first = blocks[0]
  const last = blocks[blocks.length - 1]
  return first && last ? parseMarkdownText(text.slice(first.start, last.end)).children : []
}

/** Questions found per layout, most first. */
function layoutCounts(questions: readonly ScannedQuestion[]): ScannedBank['layouts'] {
  const counts = new Map<BankLayoutId, number>()
  for (const q of questions) counts.set(q.layout, (counts.get(q.layout) ?? 0) + 1)
  return [...counts.entries()].map(([layout, count]) => ({ layout, count })).sort((a, b) => b.count - a.count)
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
