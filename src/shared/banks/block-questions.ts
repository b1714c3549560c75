import type { BankLayoutId } from './bank-layouts'
import { difficultyOfText, splitDifficulty, type Difficulty, type DifficultyLegend } from './difficulty'
import { parseInline } from './inline-text'
import { isBreakTag, leadingStrong, linkOnly, plainText, strongOnly, titleWords, type InlineNode } from './inline-words'
import { answerLabelPattern, isNavigationHeading, isNavigationLink, isPlaceholder, isSeparatorHtml } from './not-questions'
import { isQuestionLike, type BodySegment, type QuestionDraft } from './question-draft'
import { tableCells } from './block-starts'
import { listItemContent, scanBlocks, type Block, type ListItem } from './scan-blocks'
import { cleanQuestionTitle, collapseWhitespace, questionMarkerOf } from './title-text'

/**
 * Questions that live below headings rather than in them: bold pseudo-headings
 * (`**What is ROC? 👶**`), bold numbers before a prompt (`**1)** The number of active ads.`),
 * `Q:` / `A:` pairs, lists of questions (plain, linked, or bold with answers, follow-ups
 * nested under them), tables with a Question column, and `<details>` whose summary is the
 * question. Works on the block scan: only candidate lines are parsed inline.
 */

const qLinePattern = /^\s*(?:\*\*|__)?(?:Q|Question|Pregunta|Frage)\s*\d*\s*[:.)](?:\*\*|__)?\s*(?=\S)/i
const plainQPattern = /^\s*(?:Q|Question|Pregunta|Frage)\s*\d*\s*[:.)]\s*/i
const aLinePattern = /^\s*(?:\*\*|__)?(?:A|Ans|Answer|Respuesta|Antwort)\s*\d*\s*[:.)](?:\*\*|__)?\s*/i
const detailsOpenPattern = /^\s*<details\b/i
const detailsClosePattern = /<\/details\s*>/i
const summaryPattern = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i
const answerSummaryPattern = /^(answers?|solutions?|show|hide|click|hints?|expand|reveal|explanation|details|more|code|output|result|respuesta|solución|réponse)\b/i
const boldNumberPattern = /^(?:Q\s*)?#?\d{1,4}\s*[.):]?$/i
const boldNamedNumberPattern = /^(?:Q\s*)?#?\d{1,4}\s*[.):]\s*(\S.*)$/i
const followUpLabelPattern = /^(?:possible |likely |common )?follow[- ]?ups?(?: questions?)?\s*[:.]?$|^(?:preguntas de seguimiento|questions de suivi|folgefragen)\s*:?$/i
const followUpPrefixPattern = /^\s*(?:\*\*|__)?follow[- ]?up(?: question)?\s*\d*\s*[:.)-]\s*(?:\*\*|__)?\s*/i
const taskMarkerPattern = /^\[[ xX]\]\s+/
const followUpWord = /follow[- ]?up|seguimiento|suivi|folgefrage/i

export interface RegionOptions {
  /** Plain lists of questions count (not under a heading that is itself a question). */
  plainLists: boolean
  /** The bank or section names questions ("Interview questions"): linked lists may be questions. */
  namesQuestions: boolean
}

export class BankText {
  private readonly inlineCache = new Map<number, InlineNode[]>()

  constructor(
    readonly text: string,
    readonly legend: DifficultyLegend | null
  ) {}

  slice(b: { start: number; end: number }): string {
    return this.text.slice(b.start, b.end)
  }

  /** The inline tree of a paragraph block (or of its first line only). */
  inline(b: Block, firstLineOnly = false): InlineNode[] {
    const key = firstLineOnly ? -b.start - 1 : b.start
    let nodes = this.inlineCache.get(key)
    if (!nodes) {
      let source = this.slice(b).trim()
      if (firstLineOnly) source = firstLine(source)
      nodes = parseInline(source)
      this.inlineCache.set(key, nodes)
    }
    return nodes
  }

  /** A paragraph that is nothing but one bold run: its text, else null. */
  boldOnly(b: Block): string | null {
    if (b.type !== 'paragraph' || !startsBold(this.text, b.start)) return null
    const strong = strongOnly(this.inline(b))
    return strong ? plainText(strong).trim() : null
  }

  /** A paragraph whose first line is one bold run, followed by more lines. */
  leadingBoldLine(b: Block): { text: string; restStart: number } | null {
    if (b.type !== 'paragraph' || !startsBold(this.text, b.start)) return null
    const newline = this.text.indexOf('\n', b.start)
    if (newline === -1 || newline >= b.end) return null
    const strong = strongOnly(this.inline(b, true))
    return strong ? { text: plainText(strong).trim(), restStart: newline + 1 } : null
  }

  /**
   * `**1)** The number of active ads.` or `**2) Factorial**. Calculate a factorial`: a bold
   * number (with the problem's name, or not) before the prompt. The title is the name when
   * there is one, else the prompt; the rest of the paragraph follows.
   */
  boldNumberPrompt(b: Block): { title: string; prompt: string; restStart: number } | null {
    if (b.type !== 'paragraph' || !startsBold(this.text, b.start)) return null
    const lead = leadingStrong(this.inline(b, true))
    if (!lead) return null
    const bold = collapseWhitespace(plainText(lead.strong))
    const named = boldNamedNumberPattern.exec(bold)
    if (!boldNumberPattern.test(bold) && !named) return null
    const name = named ? named[1]!.replace(/[.:]+$/, '').trim() : ''
    const after = collapseWhitespace(titleWords(lead.rest)).replace(/^[:.)\-–—]\s*/, '')
    const prompt = name ? [named![1]!.replace(/[:]+$/, '').trim(), after].filter(Boolean).join(/[.!?]$/.test(named![1]!.trim()) ? ' ' : '. ') : after
    if (!prompt) return null
    const newline = this.text.indexOf('\n', b.start)
    return { title: name || prompt, prompt, restStart: newline === -1 || newline >= b.end ? b.end : newline + 1 }
  }

  /** A title from plain text: numbering, difficulty and decoration off. Null when it is not one. */
  title(raw: string): { title: string; difficulty: Difficulty | null } | null {
    let t = cleanQuestionTitle(raw.replace(plainQPattern, '')).replace(taskMarkerPattern, '')
    const split = splitDifficulty(t, this.legend ?? undefined)
    t = split.title.replace(/\*\*|__|`/g, '').trim()
    if (!t || !/[\p{L}\p{N}]/u.test(t) || isPlaceholder(t) || isNavigationHeading(t)) return null
    return { title: t, difficulty: split.difficulty }
  }
}

function startsBold(text: string, offset: number): boolean {
  let i = offset
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++
  const c = text.charCodeAt(i)
  return (c === 42 || c === 95) && text.charCodeAt(i + 1) === c
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n')
  return (newline === -1 ? text : text.slice(0, newline)).replace(/\\$/, '').trimEnd()
}

export function segmentOf(blocks: readonly Block[]): BodySegment[] {
  if (blocks.length === 0) return []
  const start = blocks[0]!.start
  return [{ start, end: blocks[blocks.length - 1]!.end, first: start, column: 0 }]
}

/** Body text for segments: each dedented, joined by blank lines. */
export function bodyText(text: string, segments: readonly BodySegment[]): string {
  return segments
    .map((s) => {
      const slice = text.slice(s.first, s.end)
      if (s.column <= 0 || !slice.includes('\n')) return slice
      const lines = slice.split('\n')
      const dedent = new RegExp(`^ {0,${s.column}}`)
      return lines.map((line, i) => (i === 0 ? line : line.replace(dedent, ''))).join('\n')
    })
    .join('\n\n')
}

export function scanRegion(ctx: BankText, blocks: readonly Block[], sectionPath: string[], options: RegionOptions): QuestionDraft[] {
  const text = ctx.text
  const drafts: QuestionDraft[] = []
  // A bold line that asks is a question only when the region has several: one alone is more
  // likely emphasis inside prose. Bold numbers before prompts need two as well.
  let boldQuestionLike = 0
  let boldNumbers = 0
  for (const b of blocks) {
    if (b.type !== 'paragraph' || !startsBold(text, b.start)) continue
    const bold = ctx.boldOnly(b) ?? ctx.leadingBoldLine(b)?.text ?? null
    if (bold !== null && isQuestionLike(bold)) boldQuestionLike++
    else if (ctx.boldNumberPrompt(b)) boldNumbers++
  }
  // Among several bold questions, a bold statement is one too when it carries a difficulty
  // marker ("**Gradient descent ⭐️**") or follows a separator the way the questions do.
  const acceptBold = (bold: string, index: number): boolean =>
    questionMarkerOf(bold) === 'q' ||
    (boldQuestionLike >= 2 &&
      (isQuestionLike(bold) ||
        (!/[:：]\s*$/.test(bold) && /\s/.test(bold.trim()) && (splitDifficulty(bold, ctx.legend ?? undefined).difficulty !== null || separatorBefore(ctx, blocks, index)))))

  type Current = { draft: QuestionDraft; answerHead: string | null; rest: Block[] }
  let current: Current | null = null
  const close = (): void => {
    if (!current) return
    const { draft, answerHead, rest } = current
    const body = trimSeparators(ctx, rest)
    draft.body.push(...segmentOf(body))
    if (answerHead !== null) {
      draft.answer = cleanAnswer([answerHead, body.length > 0 ? bodyText(text, segmentOf(body)) : ''].filter((p) => p !== '').join('\n\n'))
    }
    drafts.push(draft)
    current = null
  }
  const start = (raw: string, layout: BankLayoutId, extra: Partial<QuestionDraft>, answerHead: string | null, rest: Block[] = []): boolean => {
    const title = ctx.title(raw)
    if (!title) return false
    close()
    current = { draft: { title: title.title, difficulty: title.difficulty, sectionPath, body: [], layout, ...extra }, answerHead, rest }
    return true
  }

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    if (b.type === 'paragraph') {
      const bold = ctx.boldOnly(b)
      if (bold !== null && acceptBold(bold, i) && start(bold, qPrefixed(bold) ? 'question-answer-pairs' : 'bold-questions', {}, null)) continue
      const boldLine = bold === null ? ctx.leadingBoldLine(b) : null
      if (boldLine && acceptBold(boldLine.text, i)) {
        const head = text.slice(boldLine.restStart, b.end).trim()
        if (start(boldLine.text, 'bold-questions', { body: [{ start: b.start, end: b.end, first: b.start, column: 0 }] }, head)) continue
      }
      if (boldNumbers >= 2) {
        const numbered = ctx.boldNumberPrompt(b)
        if (numbered) {
          const restBlock = numbered.restStart < b.end ? [{ ...b, start: numbered.restStart }] : []
          if (start(numbered.title, 'bold-numbered', { prompt: numbered.prompt }, null, restBlock)) continue
        }
      }
      const qa = questionAnswerPair(ctx, b, blocks[i + 1])
      if (qa) {
        const head = cleanAnswer(qa.answer)
        if (start(qa.question, 'question-answer-pairs', { prompt: qa.question, body: qa.segments }, head)) {
          if (qa.consumedNext) i++
          continue
        }
      }
    }
    if (current) {
      ;(current as Current).rest.push(b)
      continue
    }
    if (b.type === 'list') {
      drafts.push(...listQuestions(ctx, b, sectionPath, options))
    } else if (b.type === 'table') {
      drafts.push(...tableQuestions(ctx, b, sectionPath))
    } else if (b.type === 'html' && detailsOpenPattern.test(ctx.slice(b))) {
      const found = detailsQuestion(ctx, blocks, i, sectionPath)
      if (found) {
        drafts.push(found.draft)
        i = found.lastIndex
      }
    }
  }
  close()
  return drafts
}

/** Used to tell a group heading (questions below it) from a question. */
export function regionQuestions(ctx: BankText, blocks: readonly Block[], options: RegionOptions): QuestionDraft[] {
  return scanRegion(ctx, blocks, [], options)
}

function separatorBefore(ctx: BankText, blocks: readonly Block[], index: number): boolean {
  const previous = blocks[index - 1]
  return previous !== undefined && isSeparatorBlock(ctx, previous)
}

function qPrefixed(text: string): boolean {
  return plainQPattern.test(text)
}

/** Separators (`<br/>`, `---`) at the ends of a body are layout, not content. */
export function trimSeparators(ctx: BankText, blocks: readonly Block[]): Block[] {
  let from = 0
  let to = blocks.length
  const separator = (b: Block): boolean => b.type === 'thematicBreak' || (b.type === 'html' && isSeparatorHtml(ctx.slice(b)))
  while (from < to && separator(blocks[from]!)) from++
  while (to > from && separator(blocks[to - 1]!)) to--
  return blocks.slice(from, to)
}

/** An answer without its own "Answer:" label; a placeholder ("Answer here") is no answer. */
export function cleanAnswer(answer: string): string | null {
  let a = answer.replace(answerLabelPattern, '').trim()
  // "**A: it is X**" lost its opening run with the label: drop the orphan closing one.
  if (/^[^*]*\*\*$/.test(a) && !a.startsWith('**')) a = a.slice(0, -2).trim()
  if (/^[^_]*__$/.test(a) && !a.startsWith('__')) a = a.slice(0, -2).trim()
  a = a.replace(/(?:\s*<br\s*\/?>\s*)+$/i, '').trim()
  if (a === '' || isPlaceholder(a)) return null
  return a
}

function questionAnswerPair(
  ctx: BankText,
  b: Block,
  next: Block | undefined
): { question: string; answer: string; segments: BodySegment[]; consumedNext: boolean } | null {
  const source = ctx.slice(b).trim()
  if (!qLinePattern.test(source)) return null
  const lines = source.split('\n')
  const aLine = lines.findIndex((l, i) => i > 0 && aLinePattern.test(l))
  const questionOf = (markdown: string): string => collapseWhitespace(titleWords(parseInline(markdown))).replace(plainQPattern, '').trim()
  const segment = { start: b.start, end: b.end, first: b.start, column: 0 }
  if (aLine > 0) {
    const question = questionOf(lines.slice(0, aLine).join('\n'))
    const answer = lines.slice(aLine).join('\n').replace(aLinePattern, '').trim()
    return { question, answer, segments: [segment], consumedNext: false }
  }
  if (next?.type === 'paragraph') {
    const nextSource = ctx.slice(next).trim()
    if (aLinePattern.test(nextSource)) {
      return {
        question: questionOf(source),
        answer: nextSource.replace(aLinePattern, '').trim(),
        segments: [{ start: next.start, end: next.end, first: next.start, column: 0 }],
        consumedNext: true
      }
    }
  }
  return null
}

interface ItemParts {
  /** The first paragraph's inline content. */
  lead: InlineNode[]
  leadSource: string
  /** Blocks of the item's content after its first paragraph, in `content`. */
  rest: Block[]
  content: string
}

function itemParts(text: string, item: ListItem): ItemParts | null {
  const content = listItemContent(text, item)
  const blocks = scanBlocks(content)
  const first = blocks[0]
  if (first?.type !== 'paragraph') return null
  const leadSource = content.slice(first.start, first.end).replace(taskMarkerPattern, '')
  return { lead: parseInline(leadSource), leadSource, rest: blocks.slice(1), content }
}

function listQuestions(ctx: BankText, list: Block, sectionPath: string[], options: RegionOptions): QuestionDraft[] {
  const text = ctx.text
  const items = list.items ?? []
  const parts = items.map((item) => itemParts(text, item))

  // Bold questions with their answers in the item ("1. **What is SCD2?** It keeps history…").
  const bold: QuestionDraft[] = []
  parts.forEach((p, k) => {
    if (!p) return
    const lead = leadingStrong(p.lead)
    if (!lead) return
    const question = plainText(lead.strong).trim()
    if (!isQuestionLike(question) && questionMarkerOf(question) !== 'q') return
    const title = ctx.title(question)
    if (!title) return
    const remainder = p.leadSource.slice(lead.restOffset).replace(/^[\s:.–-]+/, '').trim()
    const { followUps, answerBlocks } = splitFollowUps(p.content, p.rest)
    const answer = [remainder, answerText(p.content, answerBlocks)]
      .filter((s) => s !== '')
      .join('\n\n')
    bold.push({
      title: title.title,
      difficulty: title.difficulty,
      sectionPath,
      body: [itemSegment(items[k]!)],
      answer: cleanAnswer(answer),
      layout: 'bold-list',
      followUps
    })
  })
  // A list where only one item starts with a bold question is an answer's bullet list.
  if (bold.length >= 2 && bold.length * 2 >= items.length) return bold
  if (!options.plainLists) return []

  // A list of questions: most items ask something, or (under a heading that names questions)
  // most items are links to them. A table of contents (anchor links) never is.
  const leads = parts.map((p) => (p ? leadOf(p) : null))
  const asking = leads.filter((l) => l !== null && !l.navigation && isQuestionLike(l.text)).length
  const links = leads.filter((l) => l !== null && l.link && !l.navigation).length
  const anchors = leads.filter((l) => l?.navigation).length
  const isQuestionList =
    items.length >= 2 &&
    anchors * 2 < items.length &&
    (asking >= Math.max(2, Math.ceil(items.length * 0.6)) || (options.namesQuestions && links >= Math.max(2, Math.ceil(items.length * 0.8))))
  if (!isQuestionList) return []
  const found: QuestionDraft[] = []
  parts.forEach((p, k) => {
    const lead = leads[k]
    if (!p || !lead || lead.navigation) return
    const title = ctx.title(lead.text)
    if (!title) return
    const { followUps, answerBlocks } = splitFollowUps(p.content, p.rest)
    const answer = answerBlocks.length > 0 ? cleanAnswer(answerText(p.content, answerBlocks)) : null
    found.push({
      title: title.title,
      difficulty: title.difficulty,
      sectionPath,
      body: [itemSegment(items[k]!)],
      answer,
      layout: 'question-list',
      followUps
    })
  })
  return found
}

/** The answer under a list item; one nested bullet holding it ("* **Q?**\n  * A.") is unwrapped. */
function answerText(content: string, blocks: readonly Block[]): string {
  if (blocks.length === 0) return ''
  const only = blocks[0]!
  if (blocks.length === 1 && only.type === 'list' && only.items?.length === 1) return listItemContent(content, only.items[0]!).trim()
  return content.slice(only.start, blocks[blocks.length - 1]!.end).trim()
}

function leadOf(p: ItemParts): { text: string; link: boolean; navigation: boolean } {
  const link = linkOnly(p.lead)
  if (link) return { text: collapseWhitespace(link.text), link: true, navigation: isNavigationLink(link.url, link.text) }
  return { text: collapseWhitespace(titleWords(p.lead)), link: false, navigation: false }
}

function itemSegment(item: ListItem): BodySegment {
  return { start: item.start, end: item.end, first: item.contentStart, column: item.contentColumn }
}

/**
 * Follow-up questions under a question: a nested list whose items ask, or items labelled
 * "Follow-up:", or a list after a "Follow-up questions" label. The rest is the answer.
 */
export function splitFollowUps(content: string, blocks: readonly Block[], unlabelled = true): { followUps: string[]; answerBlocks: Block[] } {
  const followUps: string[] = []
  const answerBlocks: Block[] = []
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    const next = blocks[i + 1]
    // Cheap checks first: most bodies hold no follow-ups, and the scan must stay linear.
    if ((b.type === 'paragraph' || b.type === 'heading') && next?.type === 'list' && b.end - b.start < 120 && followUpWord.test(content.slice(b.start, b.end))) {
      const label = collapseWhitespace(titleWords(parseInline(headingless(content.slice(b.start, b.end)))))
      if (followUpLabelPattern.test(label)) {
        followUps.push(...listLeads(content, next).map((l) => l.text))
        i++
        continue
      }
    }
    if (b.type === 'list' && (unlabelled || followUpWord.test(content.slice(b.start, b.end)))) {
      const leads = listLeads(content, b)
      const labelled = leads.filter((l) => followUpPrefixPattern.test(l.raw)).length
      const asking = leads.filter((l) => isQuestionLike(l.text)).length
      // Under a list item, a nested list of questions is its follow-ups; under a heading (where
      // an answer may well list questions) only a labelled one is.
      if (leads.length > 0 && (labelled === leads.length || (unlabelled && asking === leads.length))) {
        followUps.push(...leads.map((l) => l.text))
        continue
      }
    }
    answerBlocks.push(b)
  }
  return { followUps: followUps.map((f) => f.replace(followUpPrefixPattern, '').trim()).filter((f) => f !== ''), answerBlocks }
}

function headingless(line: string): string {
  return line.replace(/^#{1,6}\s+/, '')
}

function listLeads(content: string, list: Block): Array<{ text: string; raw: string }> {
  const leads: Array<{ text: string; raw: string }> = []
  for (const item of list.items ?? []) {
    const itemText = listItemContent(content, item)
    const firstParagraph = itemText.split(/\n\s*\n/)[0] ?? ''
    const raw = firstParagraph.replace(/\n/g, ' ').trim()
    const text = collapseWhitespace(titleWords(parseInline(raw.replace(followUpPrefixPattern, ''))))
    if (text) leads.push({ text, raw })
  }
  return leads
}

function tableQuestions(ctx: BankText, table: Block, sectionPath: string[]): QuestionDraft[] {
  const rows = ctx.slice(table).split('\n')
  const header = tableCells(rows[0] ?? '').map((cell) => collapseWhitespace(titleWords(parseInline(cell))).toLowerCase())
  const q = header.findIndex((h) => /^(q|questions?|interview questions?|problems?|prompts?|preguntas?|fragen?|вопросы?|问题)\b/.test(h))
  if (q === -1) return []
  const a = header.findIndex((h, i) => i !== q && /\b(answers?|solutions?|explanation|respuestas?|antworten?|ответы?|答案)\b/.test(h))
  const d = header.findIndex((h, i) => i !== q && /\b(difficulty|level|nivel|niveau|schwierigkeit|сложность|难度)\b/.test(h))
  const found: QuestionDraft[] = []
  for (const row of rows.slice(2)) {
    const cells = tableCells(row)
    const questionCell = cells[q] ?? ''
    const inline = parseInline(questionCell)
    const link = linkOnly(inline)
    if (link && isNavigationLink(link.url, link.text)) continue
    const raw = collapseWhitespace(link ? link.text : titleWords(inline))
    const title = ctx.title(raw)
    if (!title) continue
    const answerCell = a === -1 ? '' : (cells[a] ?? '').replace(/<br\s*\/?>/gi, '\n')
    const difficulty = d === -1 ? title.difficulty : (difficultyOfText(cells[d] ?? '', ctx.legend ?? undefined) ?? title.difficulty)
    found.push({
      title: title.title,
      difficulty,
      prompt: raw,
      sectionPath,
      body: [],
      answer: answerCell ? cleanAnswer(answerCell) : null,
      layout: 'question-table'
    })
  }
  return found
}

function detailsQuestion(ctx: BankText, blocks: readonly Block[], index: number, sectionPath: string[]): { draft: QuestionDraft; lastIndex: number } | null {
  const open = blocks[index]!
  const openText = ctx.slice(open)
  const summaryHtml = summaryPattern.exec(openText)?.[1] ?? ''
  const summary = collapseWhitespace(titleWords(parseInline(summaryHtml.replace(/<[^>]+>/g, ' '))))
  if (!summary || answerSummaryPattern.test(summary) || !isQuestionLike(summary)) return null
  const title = ctx.title(summary)
  if (!title) return null
  const draft: QuestionDraft = { title: title.title, difficulty: title.difficulty, prompt: summary, sectionPath, body: [], layout: 'details' }
  if (detailsClosePattern.test(openText)) {
    const inner = openText.replace(/^[\s\S]*?<\/summary\s*>/i, '').replace(/<\/details\s*>[\s\S]*$/i, '').trim()
    draft.answer = cleanAnswer(inner)
    return { draft, lastIndex: index }
  }
  const inside: Block[] = []
  for (let j = index + 1; j < blocks.length; j++) {
    const b = blocks[j]!
    const source = ctx.slice(b)
    if (b.type === 'html' && detailsClosePattern.test(source)) {
      const closeAt = b.start + source.search(detailsClosePattern)
      draft.answer = cleanAnswer(ctx.text.slice(open.end, closeAt))
      draft.body.push(...segmentOf(inside))
      return { draft, lastIndex: j }
    }
    inside.push(b)
  }
  draft.body.push(...segmentOf(inside))
  draft.answer = inside.length > 0 ? cleanAnswer(bodyText(ctx.text, segmentOf(inside))) : null
  return { draft, lastIndex: blocks.length - 1 }
}

export function isSeparatorBlock(ctx: BankText, b: Block): boolean {
  return b.type === 'thematicBreak' || (b.type === 'html' && isSeparatorHtml(ctx.slice(b))) || (b.type === 'html' && isBreakTag(ctx.slice(b)))
}
