/**
 * A fast, line-based scan of a markdown document's top-level blocks, following CommonMark and
 * GFM closely enough to split a bank into questions: ATX and setext headings, fenced and
 * indented code, HTML blocks, block quotes, lists (with their items), GFM tables, thematic
 * breaks and paragraphs. Inline markup is not parsed here; a question's body goes through
 * remark only when it is first shown. One pass, no backtracking: linear in the input size
 * (a list item's content is scanned again only when a caller asks for it).
 */
import { block, type Block, type ListItem } from './block-model'
import { copyIndent, hasChar, indentOf, isBlankLine, Lines, skipColumns } from './block-lines'
import {
  atxContent,
  atxDepth,
  closesFence,
  fenceAt,
  htmlEndMarkers,
  htmlStart,
  interrupts,
  isTableDelimiter,
  listMarkerAt,
  setextPattern,
  startsBlock,
  tableCells,
  thematicBreakPattern
} from './block-starts'
import { scanList } from './scan-list'

export type { Block, BlockType, ListItem } from './block-model'

/** The scan in progress: the text, its lines and the blocks found so far. */
interface Scan {
  text: string
  lines: Lines
  blocks: Block[]
}

/** Line `i` of a scan, with the offset and character where its content (after indent < 4) begins. */
interface LineAt {
  i: number
  start: number
  end: number
  /** Offset of the first non-whitespace character. */
  s: number
  /** Its character code. */
  c: number
}

/**
 * Scans `text` (or the part between `from` and `to`) into top-level blocks. Containers' contents
 * are not descended into; list items are found, with their extents.
 */
export function scanBlocks(text: string, from = 0, to = text.length): Block[] {
  const scan: Scan = { text, lines: new Lines(text, from, to), blocks: [] }
  let i = 0
  while (i < scan.lines.length) i = scanBlockAt(scan, i)
  return scan.blocks
}

/** Scans the block that starts on line `i` (or skips a blank line); returns the line after it. */
function scanBlockAt(scan: Scan, i: number): number {
  const { text, lines } = scan
  const start = lines.start(i)
  const end = lines.end(i)
  if (isBlankLine(text, start, end)) return i + 1
  const ind = copyIndent(indentOf(text, start, end))
  if (ind.columns >= 4) return scanIndentedCode(scan, i)
  const line: LineAt = { i, start, end, s: ind.offset, c: text.charCodeAt(ind.offset) }
  return (
    scanFencedCode(scan, line) ??
    scanAtxHeading(scan, line) ??
    scanBlockquote(scan, line) ??
    scanHtml(scan, line) ??
    scanThematicBreak(scan, line) ??
    scanListStart(scan, line, ind.columns) ??
    scanTableStart(scan, line) ??
    scanParagraph(scan, line)
  )
}

function isBlankAt(scan: Scan, i: number): boolean {
  return isBlankLine(scan.text, scan.lines.start(i), scan.lines.end(i))
}

function scanIndentedCode(scan: Scan, i: number): number {
  const { text, lines } = scan
  const n = lines.length
  let last = i
  let j = i + 1
  while (j < n && (isBlankAt(scan, j) || indentOf(text, lines.start(j), lines.end(j)).columns >= 4)) {
    if (!isBlankAt(scan, j)) last = j
    j++
  }
  scan.blocks.push(block('code', lines.start(i), lines.end(last)))
  return last + 1
}

function scanFencedCode(scan: Scan, { i, start, end, s, c }: LineAt): number | null {
  const { text, lines } = scan
  const n = lines.length
  const fence = c === 96 || c === 126 ? fenceAt(text, s, end) : null
  if (!fence) return null
  let j = i + 1
  while (j < n) {
    const inner = indentOf(text, lines.start(j), lines.end(j))
    if (inner.columns < 4 && closesFence(text, inner.offset, lines.end(j), fence)) break
    j++
  }
  const closed = j < n
  const code = block('code', start, closed ? lines.end(j) : lines.end(n - 1))
  code.fenced = true
  code.lang = fence.lang
  code.innerStart = i + 1 < n ? lines.start(i + 1) : end
  code.innerEnd = closed ? Math.max(code.innerStart, lines.start(j) - 1) : lines.end(n - 1)
  if (code.innerEnd < code.innerStart) code.innerEnd = code.innerStart
  scan.blocks.push(code)
  return closed ? j + 1 : n
}

function scanAtxHeading(scan: Scan, { i, start, end, s, c }: LineAt): number | null {
  if (c !== 35) return null
  const depth = atxDepth(scan.text, s, end)
  if (depth === 0) return null
  const heading = block('heading', start, end)
  heading.depth = depth
  const [innerStart, innerEnd] = atxContent(scan.text, s + depth, end)
  heading.innerStart = innerStart
  heading.innerEnd = innerEnd
  scan.blocks.push(heading)
  return i + 1
}

function scanBlockquote(scan: Scan, { i, start, c }: LineAt): number | null {
  if (c !== 62) return null
  const { text, lines } = scan
  let j = i + 1
  let last = i
  while (j < lines.length && !isBlankAt(scan, j)) {
    const inner = indentOf(text, lines.start(j), lines.end(j))
    if (text.charCodeAt(inner.offset) !== 62 && inner.columns < 4 && startsBlock(text, lines.start(j), lines.end(j), inner)) break
    last = j
    j++
  }
  scan.blocks.push(block('blockquote', start, lines.end(last)))
  return last + 1
}

function scanHtml(scan: Scan, { i, start, end, s, c }: LineAt): number | null {
  if (c !== 60) return null
  const { text, lines } = scan
  const n = lines.length
  const kind = htmlStart(text, s, end)
  if (kind === 0) return null
  let j = i
  const marker = htmlEndMarkers[kind]
  if (marker) {
    while (j < n && !marker.test(text.slice(j === i ? s : lines.start(j), lines.end(j)))) j++
    if (j >= n) j = n - 1
  } else {
    while (j + 1 < n && !isBlankAt(scan, j + 1)) j++
  }
  scan.blocks.push(block('html', start, lines.end(j)))
  return j + 1
}

function scanThematicBreak(scan: Scan, { i, start, end, s, c }: LineAt): number | null {
  if (!((c === 42 || c === 45 || c === 95) && thematicBreakPattern.test(scan.text.slice(s, end)))) return null
  scan.blocks.push(block('thematicBreak', start, end))
  return i + 1
}

function scanListStart(scan: Scan, { i, start, end, s }: LineAt, indentColumns: number): number | null {
  const { text, blocks } = scan
  const marker = listMarkerAt(text, start, s, end, indentColumns)
  if (!marker) return null
  // After an indented code block with only blank lines between (it could still continue),
  // remark lets a list start only where it could interrupt a paragraph.
  const previous = blocks[blocks.length - 1]
  const adjoining = previous?.type === 'code' && !previous.fenced && text.slice(previous.end, start).trim() === ''
  if (adjoining && (marker.empty || (marker.ordered && marker.number !== 1))) return null
  return scanList(text, scan.lines, i, marker, blocks)
}

function scanTableStart(scan: Scan, { i }: LineAt): number | null {
  if (!(i + 1 < scan.lines.length && isTableStart(scan.text, scan.lines, i))) return null
  return scanTable(scan, i)
}

/** Paragraph: up to a blank line, a block that interrupts it, or a setext underline. */
function scanParagraph(scan: Scan, { i, start, s }: LineAt): number {
  const { text, lines } = scan
  const n = lines.length
  let j = i + 1
  let heading = 0
  while (j < n && !isBlankAt(scan, j)) {
    const inner = indentOf(text, lines.start(j), lines.end(j))
    if (inner.columns < 4) {
      const first = text.charCodeAt(inner.offset)
      if ((first === 61 || first === 45) && setextPattern.test(text.slice(inner.offset, lines.end(j)))) {
        heading = first === 61 ? 1 : 2
        break
      }
      if (interrupts(text, lines.start(j), lines.end(j), inner)) break
      if (j + 1 < n && isTableStart(text, lines, j)) break
    }
    j++
  }
  if (heading > 0) {
    const h = block('heading', start, lines.end(j))
    h.depth = heading
    h.innerStart = s
    h.innerEnd = lines.end(j - 1)
    scan.blocks.push(h)
    return j + 1
  }
  scan.blocks.push(block('paragraph', start, lines.end(j - 1)))
  return j
}

function isTableStart(text: string, lines: Lines, i: number): boolean {
  if (!hasChar(text, 124, lines.start(i), lines.end(i))) return false
  const j = i + 1
  if (j >= lines.length) return false
  const delimiterStart = lines.start(j)
  const delimiterEnd = lines.end(j)
  if (!hasChar(text, 45, delimiterStart, delimiterEnd)) return false
  if (!isTableDelimiter(text, delimiterStart, delimiterEnd)) return false
  const header = text.slice(lines.start(i), lines.end(i))
  if (indentOf(text, delimiterStart, delimiterEnd).columns >= 4) return false
  return tableCells(header).length === tableCells(text.slice(delimiterStart, delimiterEnd)).length
}

function scanTable(scan: Scan, i: number): number {
  const { text, lines } = scan
  let j = i + 2
  let last = i + 1
  while (j < lines.length && !isBlankAt(scan, j)) {
    const ind = indentOf(text, lines.start(j), lines.end(j))
    if (ind.columns >= 4 || startsBlock(text, lines.start(j), lines.end(j), ind)) break
    last = j
    j++
  }
  scan.blocks.push(block('table', lines.start(i), lines.end(last)))
  return last + 1
}

/**
 * A list item's content as its own document: the marker replaced by spaces and every line
 * dedented by the item's content column, so it can be scanned (nested lists) or parsed.
 */
export function listItemContent(text: string, item: ListItem): string {
  const lines = new Lines(text, item.start, item.end)
  const out: string[] = []
  for (let k = 0; k < lines.length; k++) {
    const s = k === 0 ? item.contentStart : lines.start(k)
    const e = lines.end(k)
    if (k === 0) {
      out.push(text.slice(s, e))
      continue
    }
    const ind = indentOf(text, s, e)
    out.push(ind.columns >= item.contentColumn ? text.slice(skipColumns(text, s, e, item.contentColumn), e) : text.slice(ind.offset, e))
  }
  return out.join('\n')
}
