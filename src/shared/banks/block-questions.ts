import type { BankLayoutId } from './bank-layouts'
import { plainQPattern, startsBold, type BankText } from './bank-text'
import { difficultyOfText, splitDifficulty } from './difficulty'
import { bodyText, cleanAnswer, isSeparatorBlock, segmentOf, trimSeparators } from './draft-body'
import { parseInline } from './inline-text'
import { linkOnly, titleWords } from './inline-words'
import { listQuestions, type RegionOptions } from './list-questions'
import { isNavigationLink } from './not-questions'
import { isQuestionLike, type BodySegment, type QuestionDraft } from './question-draft'
import { tableCells } from './block-starts'
import type { Block } from './scan-blocks'
import { collapseWhitespace, questionMarkerOf } from './title-text'

/**
 * Questions that live below headings rather than in them: bold pseudo-headings
 * (`**What is ROC? 👶**`), bold numbers before a prompt (`**1)** The number of active ads.`),
 * `Q:` / `A:` pairs, lists of questions (plain, linked, or bold with answers, follow-ups
 * nested under them), tables with a Question column, and `<details>` whose summary is the
 * question. Works on the block scan: only candidate lines are parsed inline.
 */

const qLinePattern = /^\s*(?:\*\*|__)?(?:Q|Question|Pregunta|Frage)\s*\d*\s*[:.)](?:\*\*|__)?\s*(?=\S)/i
const aLinePattern = /^\s*(?:\*\*|__)?(?:A|Ans|Answer|Respuesta|Antwort)\s*\d*\s*[:.)](?:\*\*|__)?\s*/i
const detailsOpenPattern = /^\s*<details\b/i
const detailsClosePattern = /<\/details\s*>/i
const summaryPattern = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i
const answerSummaryPattern = /^(answers?|solutions?|show|hide|click|hints?|expand|reveal|explanation|details|more|code|output|result|respuesta|solución|réponse)\b/i

/** How many bold paragraphs of a region ask a question, and how many are bold numbers before prompts. */
function boldCounts(ctx: BankText, blocks: readonly Block[]): { boldQuestionLike: number; boldNumbers: number } {
  let boldQuestionLike = 0
  let boldNumbers = 0
  for (const b of blocks) {
    if (b.type !== 'paragraph' || !startsBold(ctx.text, b.start)) continue
    const bold = ctx.boldOnly(b) ?? ctx.leadingBoldLine(b)?.text ?? null
    if (bold !== null && isQuestionLike(bold)) boldQuestionLike++
    else if (ctx.boldNumberPrompt(b)) boldNumbers++
  }
  return { boldQuestionLike, boldNumbers }
}

/**
 * Among several bold questions, a bold statement is one too when it carries a difficulty
 * marker ("**Gradient descent ⭐️**") or follows a separator the way the questions do.
 */
function acceptsBold(ctx: BankText, blocks: readonly Block[], index: number, bold: string, boldQuestionLike: number): boolean {
  return (
    questionMarkerOf(bold) === 'q' ||
    (boldQuestionLike >= 2 &&
      (isQuestionLike(bold) ||
        (!/[:：]\s*$/.test(bold) && /\s/.test(bold.trim()) && (splitDifficulty(bold, ctx.legend ?? undefined).difficulty !== null || separatorBefore(ctx, blocks, index)))))
  )
}

export function scanRegion(ctx: BankText, blocks: readonly Block[], sectionPath: string[], options: RegionOptions): QuestionDraft[] {
  const text = ctx.text
  const drafts: QuestionDraft[] = []
  // A bold line that asks is a question only when the region has several: one alone is more
  // likely emphasis inside prose. Bold numbers before prompts need two as well.
  const { boldQuestionLike, boldNumbers } = boldCounts(ctx, blocks)
  const acceptBold = (bold: string, index: number): boolean => acceptsBold(ctx, blocks, index, bold, boldQuestionLike)

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

  let skipTo = -1
  for (const [i, b] of blocks.entries()) {
    if (i <= skipTo) continue
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
          if (qa.consumedNext) skipTo = i + 1
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
      const found = detailsQuestion(ctx, blocks, i, b, sectionPath)
      if (found) {
        drafts.push(found.draft)
        skipTo = found.lastIndex
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


/** The `<details>` question whose opening block `open` is `blocks[index]`, and its last block's index. */
function detailsQuestion(
  ctx: BankText,
  blocks: readonly Block[],
  index: number,
  open: Block,
  sectionPath: string[]
): { draft: QuestionDraft; lastIndex: number } | null {
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
  for (const [j, b] of blocks.entries()) {
    if (j <= index) continue
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
