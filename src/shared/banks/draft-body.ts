import type { BankText } from './bank-text'
import { isBreakTag } from './inline-words'
import { answerLabelPattern, isPlaceholder, isSeparatorHtml } from './not-questions'
import type { BodySegment } from './question-draft'
import type { Block } from './scan-blocks'

/** A question's body and answer as blocks of the bank's text: segments, text, cleanup. */

export function segmentOf(blocks: readonly Block[]): BodySegment[] {
  const first = blocks[0]
  const last = blocks[blocks.length - 1]
  if (!first || !last) return []
  const start = first.start
  return [{ start, end: last.end, first: start, column: 0 }]
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

/** Separators (`<br/>`, `---`) at the ends of a body are layout, not content. */
export function trimSeparators(ctx: BankText, blocks: readonly Block[]): Block[] {
  let from = 0
  let to = blocks.length
  // Only called on indices inside the list: undefined never reaches it from the loops below.
  const separator = (b: Block | undefined): boolean => b !== undefined && (b.type === 'thematicBreak' || (b.type === 'html' && isSeparatorHtml(ctx.slice(b))))
  while (from < to && separator(blocks[from])) from++
  while (to > from && separator(blocks[to - 1])) to--
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

export function isSeparatorBlock(ctx: BankText, b: Block): boolean {
  return b.type === 'thematicBreak' || (b.type === 'html' && isSeparatorHtml(ctx.slice(b))) || (b.type === 'html' && isBreakTag(ctx.slice(b)))
}
