import type { BankText } from './bank-text'
import { taskMarkerPattern } from './bank-text'
import { cleanAnswer } from './draft-body'
import { splitFollowUps } from './follow-ups'
import { parseInline } from './inline-text'
import { leadingStrong, linkOnly, plainText, titleWords, type InlineNode } from './inline-words'
import { isNavigationLink } from './not-questions'
import { isQuestionLike, type BodySegment, type QuestionDraft } from './question-draft'
import { listItemContent, scanBlocks, type Block, type ListItem } from './scan-blocks'
import { collapseWhitespace, questionMarkerOf } from './title-text'

/** Questions a list holds: bold questions with answers in their items, or a plain list of questions. */

export interface RegionOptions {
  /** Plain lists of questions count (not under a heading that is itself a question). */
  plainLists: boolean
  /** The bank or section names questions ("Interview questions"): linked lists may be questions. */
  namesQuestions: boolean
}

interface ItemParts {
  item: ListItem
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
  return { item, lead: parseInline(leadSource), leadSource, rest: blocks.slice(1), content }
}

export function listQuestions(ctx: BankText, list: Block, sectionPath: string[], options: RegionOptions): QuestionDraft[] {
  const text = ctx.text
  const items = list.items ?? []
  const parts = items.map((item) => itemParts(text, item))

  // Bold questions with their answers in the item ("1. **What is SCD2?** It keeps history…").
  const bold: QuestionDraft[] = []
  parts.forEach((p) => {
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
      body: [itemSegment(p.item)],
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
      body: [itemSegment(p.item)],
      answer,
      layout: 'question-list',
      followUps
    })
  })
  return found
}

/** The answer under a list item; one nested bullet holding it ("* **Q?**\n  * A.") is unwrapped. */
function answerText(content: string, blocks: readonly Block[]): string {
  const first = blocks[0]
  const last = blocks[blocks.length - 1]
  if (!first || !last) return ''
  const onlyItem = blocks.length === 1 && first.type === 'list' && first.items?.length === 1 ? first.items[0] : undefined
  if (onlyItem) return listItemContent(content, onlyItem).trim()
  return content.slice(first.start, last.end).trim()
}

function leadOf(p: ItemParts): { text: string; link: boolean; navigation: boolean } {
  const link = linkOnly(p.lead)
  if (link) return { text: collapseWhitespace(link.text), link: true, navigation: isNavigationLink(link.url, link.text) }
  return { text: collapseWhitespace(titleWords(p.lead)), link: false, navigation: false }
}

function itemSegment(item: ListItem): BodySegment {
  return { start: item.start, end: item.end, first: item.contentStart, column: item.contentColumn }
}
