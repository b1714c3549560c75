import type { BankText } from './bank-text'
import { genericHeadingPattern, type HeadingInfo } from './bank-headings'
import { splitFollowUps } from './follow-ups'
import { parseInline } from './inline-text'
import { headingWords } from './inline-words'
import { isQuestionLike, type BodySegment, type QuestionDraft } from './question-draft'
import type { Block } from './scan-blocks'
import { cleanSectionText, questionMarkerOf } from './title-text'
import { trimSeparators } from './draft-body'

/**
 * A heading question's body, tidied: a lone bold question right under a heading that does not
 * ask ("## Question 1", then "**What is X?**") is the question; "Follow-up" lists become
 * follow-ups; separators around the body go.
 */
export function finishHeadingQuestion(ctx: BankText, draft: QuestionDraft, heading: HeadingInfo, blocks: readonly Block[]): QuestionDraft {
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
    if (bold !== null && asked && others === 0 && (isQuestionLike(asked) || questionMarkerOf(bold) === 'q')) {
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
export function withParts(
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

/** Segments for blocks, one per run of blocks that were adjacent in `all`. */
export function segmentsOf(blocks: readonly Block[], all: readonly Block[] = blocks): BodySegment[] {
  const first = blocks[0]
  const last = blocks[blocks.length - 1]
  if (!first || !last) return []
  // Nothing left out: one stretch (the usual case, without building an index).
  if (blocks.length === all.length) return [{ start: first.start, end: last.end, first: first.start, column: 0 }]
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
