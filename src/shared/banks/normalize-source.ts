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
  const starts: number[] = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  const lineAt = (k: number): string => text.slice(starts[k]!, k + 1 < starts.length ? starts[k + 1]! - 1 : text.length)
  const edits: Array<{ line: number; text: string }> = []
  let fence: { char: string; length: number } | null = null
  let inComment = false
  let unspacedHeadings = 0
  let strayFences = 0

  for (let i = 0; i < starts.length; i++) {
    // Only lines opening with ` ~ < or # can matter; the rest skip the patterns.
    const lead = leadingChar(text, starts[i]!)
    if (lead !== 96 && lead !== 126 && lead !== 60 && lead !== 35 && !inComment) continue
    const line = lineAt(i)
    if (fence) {
      const close = fenceClosePattern.exec(line)
      if (close && close[1]!.startsWith(fence.char) && close[1]!.length >= fence.length) fence = null
    } else if (inComment) {
      if (line.includes('-->')) inComment = false
    } else {
      const open = fenceOpenPattern.exec(line)
      if (open && !(open[1]!.startsWith('`') && open[2]!.includes('`'))) {
        if (open[2]!.trim() === '' && enclosesQuestionHeading(starts.length, lineAt, i, open[1]!)) {
          // A bare fence whose "code" holds numbered question headings is a stray, unpaired
          // fence (an extra ``` after a list, say). Escaped, it stays visible as text and the
          // fences after it pair up as the author meant.
          edits.push({ line: i, text: line.replace(/^(\s*)([`~])/, '$1\\$2') })
          strayFences++
        } else {
          fence = { char: open[1]!.charAt(0), length: open[1]!.length }
        }
      } else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
        inComment = true
      } else {
        const unspaced = unspacedHeadingPattern.exec(line)
        if (unspaced) {
          edits.push({ line: i, text: `${unspaced[1]} ${line.slice(unspaced[1]!.length)}` })
          unspacedHeadings++
        }
      }
    }
  }
  if (edits.length === 0) return { text, unspacedHeadings, strayFences }
  const out: string[] = []
  let from = 0
  for (const edit of edits) {
    const lineStart = starts[edit.line]!
    const lineEnd = edit.line + 1 < starts.length ? starts[edit.line + 1]! - 1 : text.length
    out.push(text.slice(from, lineStart), edit.text)
    from = lineEnd
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
    const close = fenceClosePattern.exec(line)
    if (close && close[1]!.startsWith(marker.charAt(0)) && close[1]!.length >= marker.length) return false
    if (questionHeadingPattern.test(line)) return true
  }
  return false
}
