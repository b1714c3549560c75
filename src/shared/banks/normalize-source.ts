import { Lines } from './block-lines'

/**
 * One line-by-line pass over the bank before it is scanned. It accepts `##Q2.` (no space after
 * the hashes, as exported notebooks write it) as a heading, and escapes a stray fence that
 * would swallow the questions after it. Fenced code and HTML comments are tracked so that a
 * `#` line inside them is left alone.
 */

export interface NormalizedSource {
  text: string
  /** Lines such as `##Q2.` that were turned into headings. */
  unspacedHeadings: number
  /** Unpaired fences that were escaped so they do not swallow the questions after them. */
  strayFences: number
}

const fenceOpenPattern = /^\s*(`{3,}|~{3,})(.*)$/
const unspacedHeadingPattern = /^(#{2,6})([^#\s])/
const fenceClosePattern = /^\s*(`{3,}|~{3,})\s*$/
// "### Q12: …" or "##Q2.": a numbered question heading, which code samples do not contain.
const questionHeadingPattern = /^#{1,6}\s*(?:Q|Question)\s*\d+/i

export function normalizeSource(raw: string): NormalizedSource {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  // Line offsets instead of a split: most lines are skipped at their first character, and a
  // 10 MB bank would otherwise become hundreds of thousands of strings.
  const lines = new Lines(text)
  const lineAt = (k: number): string => text.slice(lines.start(k), lines.end(k))
  const edits: Array<{ line: number; text: string }> = []
  let fence: { char: string; length: number } | null = null
  let inComment = false
  let unspacedHeadings = 0
  let strayFences = 0

  for (let i = 0; i < lines.length; i++) {
    // Only lines opening with ` ~ < or # can matter; the rest skip the patterns.
    const lead = leadingChar(text, lines.start(i))
    if (lead !== 96 && lead !== 126 && lead !== 60 && lead !== 35 && !inComment) continue
    const line = lineAt(i)
    if (fence) {
      if (closesFence(line, fence.char, fence.length)) fence = null
    } else if (inComment) {
      if (line.includes('-->')) inComment = false
    } else {
      const open = fenceOpenPattern.exec(line)
      // Both groups always take part in a match (the info string may be empty).
      const marker = open?.[1]
      const info = open?.[2] ?? ''
      if (marker !== undefined && !(marker.startsWith('`') && info.includes('`'))) {
        if (info.trim() === '' && enclosesQuestionHeading(lines.length, lineAt, i, marker)) {
          // A bare fence whose "code" holds numbered question headings is a stray, unpaired
          // fence (an extra ``` after a list, say). Escaped, it stays visible as text and the
          // fences after it pair up as the author meant.
          edits.push({ line: i, text: line.replace(/^(\s*)([`~])/, '$1\\$2') })
          strayFences++
        } else {
          fence = { char: marker.charAt(0), length: marker.length }
        }
      } else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
        inComment = true
      } else {
        const hashes = unspacedHeadingPattern.exec(line)?.[1]
        if (hashes) {
          edits.push({ line: i, text: `${hashes} ${line.slice(hashes.length)}` })
          unspacedHeadings++
        }
      }
    }
  }
  if (edits.length === 0) return { text, unspacedHeadings, strayFences }
  const out: string[] = []
  let from = 0
  for (const edit of edits) {
    out.push(text.slice(from, lines.start(edit.line)), edit.text)
    from = lines.end(edit.line)
  }
  out.push(text.slice(from))
  return { text: out.join(''), unspacedHeadings, strayFences }
}

function leadingChar(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9) return c === 10 ? -1 : c
  }
  return -1
}

function enclosesQuestionHeading(count: number, lineAt: (k: number) => string, openIndex: number, marker: string): boolean {
  for (let j = openIndex + 1; j < count; j++) {
    const line = lineAt(j)
    if (closesFence(line, marker.charAt(0), marker.length)) return false
    if (questionHeadingPattern.test(line)) return true
  }
  return false
}

/** Whether `line` closes a fence of `char` at least `length` long. */
function closesFence(line: string, char: string, length: number): boolean {
  const run = fenceClosePattern.exec(line)?.[1]
  return run !== undefined && run.startsWith(char) && run.length >= length
}
