/**
 * A linear pre-check for markdown built to be slow: micromark (behind remark and
 * react-markdown) is superlinear on deeply nested containers ("- " × 50,000 on a line) and on
 * deeply nested brackets ("[" × 16,000). Real banks nest a handful of levels; a file beyond
 * these limits is refused with the line that breaks them, before any parser sees it.
 */

export const markdownLimits = {
  /** List markers and quote markers that open containers on one line. */
  containerNesting: 100,
  /** Unclosed "[" (outside code) within one paragraph. */
  bracketNesting: 64
} as const

export class MarkdownTooComplexError extends Error {
  override readonly name = 'MarkdownTooComplexError'

  constructor(
    readonly line: number,
    readonly reason: string
  ) {
    super(`line ${line}: ${reason}`)
  }
}

const fencePattern = /^ {0,3}(`{3,}|~{3,})/

export function checkMarkdownComplexity(text: string): void {
  let fence: string | null = null
  let brackets = 0
  let line = 1
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let first = start
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++
    const lead = text.charCodeAt(first)
    const marker = (lead === 96 || lead === 126) && first - start < 4 ? fencePattern.exec(text.slice(start, end))?.[1] : undefined
    if (fence) {
      if (marker !== undefined && marker.charAt(0) === fence.charAt(0) && marker.length >= fence.length && text.slice(start, end).trim() === marker) fence = null
    } else if (marker !== undefined) {
      fence = marker
    } else {
      if (first === end) brackets = 0
      const nesting = containerDepth(text, start, end)
      if (nesting > markdownLimits.containerNesting) {
        throw new MarkdownTooComplexError(line, `${nesting} list or quote markers open containers on one line; mockroom reads at most ${markdownLimits.containerNesting}`)
      }
      brackets = bracketDepth(text, start, end, brackets, line)
    }
    if (end >= text.length) break
    start = end + 1
    line++
  }
}

function containerDepth(text: string, start: number, n: number): number {
  let depth = 0
  let i = start
  for (;;) {
    let spaces = 0
    while (i < n && text.charCodeAt(i) === 32 && spaces < 4) {
      i++
      spaces++
    }
    if (i >= n) return depth
    const c = text.charCodeAt(i)
    if (c === 62) {
      depth++
      i++
      continue
    }
    if ((c === 45 || c === 43 || c === 42) && (i + 1 >= n || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
      depth++
      i++
      continue
    }
    let j = i
    while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++
    if (j > i && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41) && (j + 1 >= n || text.charCodeAt(j + 1) === 32)) {
      depth++
      i = j + 1
      continue
    }
    return depth
  }
}

function bracketDepth(text: string, start: number, end: number, depth: number, lineNumber: number): number {
  let inCode = false
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 92) {
      i++
      continue
    }
    if (c === 96) inCode = !inCode
    if (inCode) continue
    if (c === 91) {
      depth++
      if (depth > markdownLimits.bracketNesting) {
        throw new MarkdownTooComplexError(lineNumber, `more than ${markdownLimits.bracketNesting} nested "[" brackets; mockroom reads at most ${markdownLimits.bracketNesting}`)
      }
    } else if (c === 93 && depth > 0) depth--
  }
  return depth
}
