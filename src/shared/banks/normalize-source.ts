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
  const lines = text.split('\n')
  let fence: { char: string; length: number } | null = null
  let inComment = false
  let unspacedHeadings = 0
  let strayFences = 0

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string
    // Only lines opening with ` ~ < or # can matter; the rest skip the patterns.
    const lead = leadingChar(line)
    if (lead !== 96 && lead !== 126 && lead !== 60 && lead !== 35 && !inComment) continue
    if (fence) {
      const close = fenceClosePattern.exec(line)
      if (close && close[1]!.startsWith(fence.char) && close[1]!.length >= fence.length) fence = null
    } else if (inComment) {
      if (line.includes('-->')) inComment = false
    } else {
      const open = fenceOpenPattern.exec(line)
      if (open && !(open[1]!.startsWith('`') && open[2]!.includes('`'))) {
        if (open[2]!.trim() === '' && enclosesQuestionHeading(lines, i, open[1]!)) {
          // A bare fence whose "code" holds numbered question headings is a stray, unpaired
          // fence (an extra ``` after a list, say). Escaped, it stays visible as text and the
          // fences after it pair up as the author meant.
          line = line.replace(/^(\s*)([`~])/, '$1\\$2')
          lines[i] = line
          strayFences++
        } else {
          fence = { char: open[1]!.charAt(0), length: open[1]!.length }
        }
      } else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
        inComment = true
      } else {
        const unspaced = unspacedHeadingPattern.exec(line)
        if (unspaced) {
          line = `${unspaced[1]} ${line.slice(unspaced[1]!.length)}`
          lines[i] = line
          unspacedHeadings++
        }
      }
    }
  }
  const changed = unspacedHeadings > 0 || strayFences > 0
  return { text: changed ? lines.join('\n') : text, unspacedHeadings, strayFences }
}

function leadingChar(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 9) return c
  }
  return -1
}

function enclosesQuestionHeading(lines: readonly string[], openIndex: number, marker: string): boolean {
  for (let j = openIndex + 1; j < lines.length; j++) {
    const line = lines[j]!
    const close = fenceClosePattern.exec(line)
    if (close && close[1]!.startsWith(marker.charAt(0)) && close[1]!.length >= marker.length) return false
    if (questionHeadingPattern.test(line)) return true
  }
  return false
}
