import { splitDifficulty, type Difficulty, type DifficultyLegend } from './difficulty'
import { parseInline } from './inline-text'
import { leadingStrong, plainText, strongOnly, titleWords, type InlineNode } from './inline-words'
import { isNavigationHeading, isPlaceholder } from './not-questions'
import type { Block } from './scan-blocks'
import { cleanQuestionTitle, collapseWhitespace } from './title-text'

/**
 * A bank's text as the question layouts read it: slices of blocks, their inline trees (parsed
 * once, cached), and the bold shapes that mark questions below headings.
 */

export const plainQPattern = /^\s*(?:Q|Question|Pregunta|Frage)\s*\d*\s*[:.)]\s*/i
export const taskMarkerPattern = /^\[[ xX]\]\s+/
const boldNumberPattern = /^(?:Q\s*)?#?\d{1,4}\s*[.):]?$/i
const boldNamedNumberPattern = /^(?:Q\s*)?#?\d{1,4}\s*[.):]\s*(\S.*)$/i

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
    // The name after the number; the pattern's group is never empty when it matches.
    const named = boldNamedNumberPattern.exec(bold)?.[1]
    if (!boldNumberPattern.test(bold) && !named) return null
    const name = named ? named.replace(/[.:]+$/, '').trim() : ''
    const after = collapseWhitespace(titleWords(lead.rest)).replace(/^[:.)\-–—]\s*/, '')
    const prompt = named && name ? [named.replace(/[:]+$/, '').trim(), after].filter(Boolean).join(/[.!?]$/.test(named.trim()) ? ' ' : '. ') : after
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

export function startsBold(text: string, offset: number): boolean {
  let i = offset
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++
  const c = text.charCodeAt(i)
  return (c === 42 || c === 95) && text.charCodeAt(i + 1) === c
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n')
  return (newline === -1 ? text : text.slice(0, newline)).replace(/\\$/, '').trimEnd()
}
