import type { Html, List, ListItem, Nodes, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { boldOnlyText, endOffset, leadingBoldLine, sliceNodes, sliceRange, startOffset } from './markdown-nodes'
import { summaryLabel } from './question-body'
import { isQuestionLike, type QuestionDraft } from './question-draft'
import { cleanQuestionTitle, questionMarkerOf } from './title-text'

/**
 * Questions that live below headings rather than in them: bold pseudo-headings
 * (`**Q41: …**`), `Q:` / `A:` pairs, numbered lists of bold questions with indented answers,
 * Question | Answer tables and `<details>` whose summary is the question.
 */

const qLinePattern = /^\s*(?:\*\*|__)?(?:Q|Question)\s*\d*\s*[:.)](?:\*\*|__)?\s*(?=\S)/i
const aLinePattern = /^\s*(?:\*\*|__)?(?:A|Ans|Answer)\s*\d*\s*[:.)](?:\*\*|__)?\s*/i
const detailsOpenPattern = /^\s*<details\b/i
const detailsClosePattern = /<\/details\s*>/i
const summaryPattern = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i
const answerSummaryPattern = /^(answers?|solutions?|show|hide|click|hints?|expand|reveal|explanation|details|more|code|output|result)\b/i

export function scanInlineQuestions(
  text: string,
  nodes: readonly RootContent[],
  sectionPath: string[]
): QuestionDraft[] {
  const drafts: QuestionDraft[] = []
  // A bold line ending in "?" is a question only when the region has several: one alone is
  // more likely emphasis inside prose.
  let boldQuestionLike = 0
  for (const node of nodes) {
    const bold = boldOnlyText(node) ?? leadingBoldLine(node)?.text ?? null
    if (bold !== null && isQuestionLike(bold)) boldQuestionLike++
  }
  const acceptBold = (bold: string): boolean =>
    questionMarkerOf(bold) === 'q' || (boldQuestionLike >= 2 && isQuestionLike(bold))

  let current: { draft: QuestionDraft; answerHead: string | null; rest: Nodes[] } | null = null
  const close = (): void => {
    if (!current) return
    const { draft, answerHead, rest } = current
    draft.body.push(...rest)
    if (answerHead !== null) {
      draft.answer = [answerHead, rest.length > 0 ? sliceNodes(text, rest) : ''].filter((p) => p !== '').join('\n\n') || null
    }
    drafts.push(draft)
    current = null
  }

  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    const bold = boldOnlyText(node)
    if (bold !== null && acceptBold(bold)) {
      close()
      current = { draft: { title: cleanQuestionTitle(bold), sectionPath, body: [] }, answerHead: null, rest: [] }
      continue
    }
    const boldLine = bold === null ? leadingBoldLine(node) : null
    if (boldLine && acceptBold(boldLine.text)) {
      close()
      const head = sliceRange(text, boldLine.restStart, endOffset(node))
      current = { draft: { title: cleanQuestionTitle(boldLine.text), sectionPath, body: [node] }, answerHead: head, rest: [] }
      continue
    }
    const qa = node.type === 'paragraph' ? questionAnswerPair(text, node, nodes[i + 1]) : null
    if (qa) {
      close()
      current = { draft: { title: cleanQuestionTitle(qa.question), prompt: qa.question, sectionPath, body: qa.nodes }, answerHead: qa.answer, rest: [] }
      if (qa.consumedNext) i++
      continue
    }
    if (current) {
      current.rest.push(node)
      continue
    }
    if (node.type === 'list') {
      drafts.push(...listQuestions(text, node, sectionPath))
    } else if (node.type === 'table') {
      drafts.push(...tableQuestions(text, node, sectionPath))
    } else if (node.type === 'html' && detailsOpenPattern.test(node.value)) {
      const found = detailsQuestion(text, nodes, i, sectionPath)
      if (found) {
        drafts.push(found.draft)
        i = found.lastIndex
      }
    }
  }
  close()
  return drafts
}

/** Cheap count used to tell a group heading (several inline questions) from a question. */
export function countInlineQuestions(text: string, nodes: readonly RootContent[]): number {
  return scanInlineQuestions(text, nodes, []).length
}

function questionAnswerPair(
  text: string,
  node: Extract<RootContent, { type: 'paragraph' }>,
  next: RootContent | undefined
): { question: string; answer: string; nodes: Nodes[]; consumedNext: boolean } | null {
  const source = sliceNodes(text, [node])
  if (!qLinePattern.test(source)) return null
  const lines = source.split('\n')
  const aLine = lines.findIndex((l, i) => i > 0 && aLinePattern.test(l))
  if (aLine > 0) {
    const question = lines.slice(0, aLine).join('\n').replace(qLinePattern, '').trim()
    const answer = lines.slice(aLine).join('\n').replace(aLinePattern, '').trim()
    return { question, answer, nodes: [node], consumedNext: false }
  }
  if (next?.type === 'paragraph') {
    const nextSource = sliceNodes(text, [next])
    if (aLinePattern.test(nextSource)) {
      return {
        question: source.replace(qLinePattern, '').trim(),
        answer: nextSource.replace(aLinePattern, '').trim(),
        nodes: [next],
        consumedNext: true
      }
    }
  }
  return null
}

function listQuestions(text: string, list: List, sectionPath: string[]): QuestionDraft[] {
  const found: QuestionDraft[] = []
  for (const item of list.children) {
    const draft = listItemQuestion(text, item, sectionPath)
    if (draft) found.push(draft)
  }
  // A list where only one item starts with a bold question is an answer's bullet list.
  return found.length >= 2 && found.length * 2 >= list.children.length ? found : []
}

function listItemQuestion(text: string, item: ListItem, sectionPath: string[]): QuestionDraft | null {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return null
  const lead = first.children[0]
  if (lead?.type !== 'strong') return null
  const question = toString(lead).trim()
  if (!isQuestionLike(question) && questionMarkerOf(question) !== 'q') return null
  const remainder = sliceRange(text, endOffset(lead), endOffset(first)).replace(/^[\s:.–-]+/, '')
  const rest = item.children.slice(1) as Nodes[]
  const answer = [remainder, rest.length > 0 ? sliceNodes(text, rest) : ''].filter((p) => p !== '').join('\n\n')
  return { title: cleanQuestionTitle(question), sectionPath, body: [first, ...rest], answer: answer || null }
}

function tableQuestions(text: string, table: Table, sectionPath: string[]): QuestionDraft[] {
  const header = table.children[0]?.children.map((cell) => toString(cell).trim().toLowerCase()) ?? []
  const q = header.findIndex((h) => /^(q|questions?)\b/.test(h))
  const a = header.findIndex((h, i) => i !== q && /\b(answers?|solutions?|explanation)\b/.test(h))
  if (q === -1 || a === -1) return []
  const found: QuestionDraft[] = []
  for (const row of table.children.slice(1)) {
    const questionCell = row.children[q]
    const answerCell = row.children[a]
    const title = questionCell ? toString(questionCell).trim() : ''
    if (!title) continue
    const body = (answerCell?.children ?? []) as Nodes[]
    found.push({ title: cleanQuestionTitle(title), prompt: title, sectionPath, body, answer: body.length > 0 ? sliceNodes(text, body) : null })
  }
  return found
}

function detailsQuestion(
  text: string,
  nodes: readonly RootContent[],
  index: number,
  sectionPath: string[]
): { draft: QuestionDraft; lastIndex: number } | null {
  const open = nodes[index] as Html
  const summary = summaryLabel(summaryPattern.exec(open.value)?.[1] ?? '')
  if (answerSummaryPattern.test(summary) || !isQuestionLike(summary)) return null
  const draft: QuestionDraft = { title: cleanQuestionTitle(summary), prompt: summary, sectionPath, body: [] }
  if (detailsClosePattern.test(open.value)) {
    const inner = open.value.replace(/^[\s\S]*?<\/summary\s*>/i, '').replace(detailsClosePattern, '').trim()
    draft.answer = inner || null
    return { draft, lastIndex: index }
  }
  for (let j = index + 1; j < nodes.length; j++) {
    const node = nodes[j]!
    if (node.type === 'html' && detailsClosePattern.test(node.value)) {
      draft.answer = sliceRange(text, endOffset(open), startOffset(node) + node.value.search(detailsClosePattern)) || null
      return { draft, lastIndex: j }
    }
    draft.body.push(node)
  }
  draft.answer = draft.body.length > 0 ? sliceNodes(text, draft.body) : null
  return { draft, lastIndex: nodes.length - 1 }
}
