/**
 * A fast, line-based scan of a markdown document's top-level blocks, following CommonMark and
 * GFM closely enough to split a bank into questions: ATX and setext headings, fenced and
 * indented code, HTML blocks, block quotes, lists (with their items), GFM tables, thematic
 * breaks and paragraphs. Inline markup is not parsed here; a question's body goes through
 * remark only when it is first shown. One pass, no backtracking: linear in the input size
 * (a list item's content is scanned again only when a caller asks for it).
 */

export type BlockType = 'heading' | 'paragraph' | 'code' | 'html' | 'list' | 'table' | 'thematicBreak' | 'blockquote'

export interface ListItem {
  /** Offset of the marker's line start. */
  start: number
  /** End of the item's last non-blank line. */
  end: number
  /** Offset of the first content character after the marker (end of line for an empty item). */
  contentStart: number
  /** Column at which the item's content begins (its continuation lines are indented so). */
  contentColumn: number
  ordered: boolean
  /** The number of an ordered item, else null. */
  number: number | null
}

export interface Block {
  type: BlockType
  /** Offset of the block's first line start. */
  start: number
  /** Offset just after the block's last character (before its final newline). */
  end: number
  /** Heading depth (1–6); 0 for other blocks. */
  depth: number
  /** Heading: its inline text; fenced code: its content. Else equal to start/end. */
  innerStart: number
  innerEnd: number
  /** Fenced code: the info string's first word ('' when none). */
  lang: string
  fenced: boolean
  /** Lists only. */
  items: ListItem[] | null
}

const SPACE = 32
const TAB = 9

const blockTagNames = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' ')
)
const rawTagPattern = /^<(script|pre|style|textarea)(?:[\s>]|$)/i
const blockTagPattern = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[\s>]|\/>|$)/
const completeTagPattern =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/
const thematicBreakPattern = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
const setextPattern = /^(?:=+|-+)[ \t]*$/
const orderedMarkerPattern = /^(\d{1,9})([.)])/
const tableDelimiterPattern = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/** Line starts and ends of `text` between `from` and `to` (ends exclude the newline). */
export class Lines {
  readonly starts: Int32Array
  readonly ends: Int32Array

  constructor(
    readonly text: string,
    from = 0,
    to = text.length
  ) {
    let count = 1
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++
    this.starts = new Int32Array(count)
    this.ends = new Int32Array(count)
    let start = from
    for (let k = 0; k < count; k++) {
      let end = k === count - 1 ? to : text.indexOf('\n', start)
      if (end === -1 || end > to) end = to
      this.starts[k] = start
      this.ends[k] = end
      start = end + 1
    }
  }

  get length(): number {
    return this.starts.length
  }
}

interface Indent {
  /** Columns of leading whitespace (a tab advances to the next multiple of 4). */
  columns: number
  /** Offset of the first non-whitespace character (or the line end). */
  offset: number
}

// One reused result: indentOf runs for nearly every line, and allocating there costs the scan
// most of its time in garbage collection on large banks. Callers read it before the next call.
const scratch: Indent = { columns: 0, offset: 0 }

function indentOf(text: string, start: number, end: number): Indent {
  let columns = 0
  let i = start
  for (; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === SPACE) columns++
    else if (c === TAB) columns += 4 - (columns % 4)
    else break
  }
  scratch.columns = columns
  scratch.offset = i
  return scratch
}

function copyIndent(ind: Indent): Indent {
  return { columns: ind.columns, offset: ind.offset }
}

/** Offset reached after skipping `columns` columns of indentation (tabs count to the next stop). */
function skipColumns(text: string, start: number, end: number, columns: number): number {
  let col = 0
  let i = start
  while (i < end && col < columns) {
    const c = text.charCodeAt(i)
    if (c === SPACE) col++
    else if (c === TAB) col += 4 - (col % 4)
    else break
    i++
  }
  return i
}

interface Fence {
  char: number
  length: number
  lang: string
}

function fenceAt(text: string, offset: number, end: number): Fence | null {
  const char = text.charCodeAt(offset)
  if (char !== 96 && char !== 126) return null
  let i = offset
  while (i < end && text.charCodeAt(i) === char) i++
  const length = i - offset
  if (length < 3) return null
  const info = text.slice(i, end)
  if (char === 96 && info.includes('`')) return null
  const lang = info.trim().split(/\s+/)[0] ?? ''
  return { char, length, lang: unescapeInfo(lang) }
}

function unescapeInfo(lang: string): string {
  return lang.includes('\\') ? lang.replace(/\\([!-/:-@[-`{-~])/g, '$1') : lang
}

function closesFence(text: string, offset: number, end: number, fence: Fence): boolean {
  let i = offset
  while (i < end && text.charCodeAt(i) === fence.char) i++
  if (i - offset < fence.length) return false
  for (; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c !== SPACE && c !== TAB) return false
  }
  return true
}

interface ListMarker {
  ordered: boolean
  /** '-', '+', '*', '.' or ')': items of one list share it. */
  kind: string
  number: number | null
  contentColumn: number
  contentStart: number
  empty: boolean
}

/** A list marker at `offset` (after at most 3 columns of indent), or null. */
function listMarkerAt(text: string, lineStart: number, offset: number, end: number, indentColumns: number): ListMarker | null {
  const c = text.charCodeAt(offset)
  let markerEnd: number
  let ordered = false
  let kind: string
  let number: number | null = null
  if (c === 45 || c === 43 || c === 42) {
    markerEnd = offset + 1
    kind = text.charAt(offset)
  } else if (c >= 48 && c <= 57) {
    const match = orderedMarkerPattern.exec(text.slice(offset, Math.min(end, offset + 11)))
    if (!match) return null
    markerEnd = offset + match[0].length
    ordered = true
    kind = match[2]!
    number = Number(match[1])
  } else {
    return null
  }
  const markerColumns = indentColumns + (markerEnd - offset)
  if (markerEnd === end) {
    return { ordered, kind, number, contentColumn: markerColumns + 1, contentStart: end, empty: true }
  }
  const after = text.charCodeAt(markerEnd)
  if (after !== SPACE && after !== TAB) return null
  // Spaces after the marker: 1–4 belong to it; 5 or more mean indented code inside the item.
  let col = markerColumns
  let i = markerEnd
  while (i < end) {
    const ch = text.charCodeAt(i)
    if (ch === SPACE) col++
    else if (ch === TAB) col += 4 - (col % 4)
    else break
    i++
  }
  if (i === end) return { ordered, kind, number, contentColumn: markerColumns + 1, contentStart: end, empty: true }
  const spaces = col - markerColumns
  if (spaces > 4) return { ordered, kind, number, contentColumn: markerColumns + 1, contentStart: markerEnd + 1, empty: false }
  void lineStart
  return { ordered, kind, number, contentColumn: col, contentStart: i, empty: false }
}

/** HTML block start condition (CommonMark 1–7) of a line whose content begins at `offset`. */
function htmlStart(text: string, offset: number, end: number): number {
  if (text.charCodeAt(offset) !== 60) return 0
  const line = text.slice(offset, end)
  if (rawTagPattern.test(line)) return 1
  if (line.startsWith('<!--')) return 2
  if (line.startsWith('<?')) return 3
  if (line.startsWith('<![CDATA[')) return 5
  if (/^<![A-Za-z]/.test(line)) return 4
  const tag = blockTagPattern.exec(line)
  if (tag && blockTagNames.has(tag[1]!.toLowerCase())) return 6
  if (completeTagPattern.test(line)) return 7
  return 0
}

const htmlEndMarkers: Record<number, RegExp> = {
  1: /<\/(script|pre|style|textarea)>/i,
  2: /-->/,
  3: /\?>/,
  4: />/,
  5: /\]\]>/
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c !== SPACE && c !== TAB) return false
  }
  return true
}

function isTableDelimiter(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end).trim()
  return line.includes('-') && (line.includes('|') || /^:?-+:?$/.test(line)) && tableDelimiterPattern.test(line)
}

export function tableCells(row: string): string[] {
  let line = row.trim()
  if (line.startsWith('|')) line = line.slice(1)
  if (line.endsWith('|') && !line.endsWith('\\|')) line = line.slice(0, -1)
  const cells: string[] = []
  let current = ''
  let inCode = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (ch === '\\' && line[i + 1] === '|') {
      current += '|'
      i++
    } else if (ch === '`') {
      inCode = !inCode
      current += ch
    } else if (ch === '|' && !inCode) {
      cells.push(current.trim())
      current = ''
    } else {
      current += ch
    }
  }
  cells.push(current.trim())
  return cells
}

function block(type: BlockType, start: number, end: number): Block {
  return { type, start, end, depth: 0, innerStart: start, innerEnd: end, lang: '', fenced: false, items: null }
}

/**
 * Scans `text` (or the part between `from` and `to`) into top-level blocks. Containers' contents
 * are not descended into; list items are found, with their extents.
 */
export function scanBlocks(text: string, from = 0, to = text.length): Block[] {
  const lines = new Lines(text, from, to)
  const { starts, ends } = lines
  const n = lines.length
  const blocks: Block[] = []
  const blank = (i: number): boolean => isBlankLine(text, starts[i]!, ends[i]!)

  /** Whether line `i` (indent < 4) starts a block that interrupts a paragraph. */
  const interrupts = (i: number, ind: Indent): boolean => {
    const s = ind.offset
    const e = ends[i]!
    const c = text.charCodeAt(s)
    if (c === 35 && atxDepth(text, s, e) > 0) return true
    if ((c === 96 || c === 126) && fenceAt(text, s, e)) return true
    if (c === 62) return true
    if (c === 60) {
      const kind = htmlStart(text, s, e)
      if (kind >= 1 && kind <= 6) return true
    }
    if ((c === 42 || c === 45 || c === 95) && thematicBreakPattern.test(text.slice(s, e))) return true
    const marker = listMarkerAt(text, starts[i]!, s, e, ind.columns)
    if (marker && !marker.empty && (!marker.ordered || marker.number === 1)) return true
    return false
  }

  let i = 0
  while (i < n) {
    if (blank(i)) {
      i++
      continue
    }
    const start = starts[i]!
    const end = ends[i]!
    const ind = copyIndent(indentOf(text, start, end))
    if (ind.columns >= 4) {
      let last = i
      let j = i + 1
      while (j < n && (blank(j) || indentOf(text, starts[j]!, ends[j]!).columns >= 4)) {
        if (!blank(j)) last = j
        j++
      }
      const code = block('code', start, ends[last]!)
      blocks.push(code)
      i = last + 1
      continue
    }
    const s = ind.offset
    const c = text.charCodeAt(s)

    const fence = c === 96 || c === 126 ? fenceAt(text, s, end) : null
    if (fence) {
      let j = i + 1
      while (j < n) {
        const inner = indentOf(text, starts[j]!, ends[j]!)
        if (inner.columns < 4 && closesFence(text, inner.offset, ends[j]!, fence)) break
        j++
      }
      const closed = j < n
      const code = block('code', start, closed ? ends[j]! : ends[n - 1]!)
      code.fenced = true
      code.lang = fence.lang
      code.innerStart = i + 1 < n ? starts[i + 1]! : end
      code.innerEnd = closed ? Math.max(code.innerStart, starts[j]! - 1) : ends[n - 1]!
      if (code.innerEnd < code.innerStart) code.innerEnd = code.innerStart
      blocks.push(code)
      i = closed ? j + 1 : n
      continue
    }

    if (c === 35) {
      const depth = atxDepth(text, s, end)
      if (depth > 0) {
        const heading = block('heading', start, end)
        heading.depth = depth
        const [innerStart, innerEnd] = atxContent(text, s + depth, end)
        heading.innerStart = innerStart
        heading.innerEnd = innerEnd
        blocks.push(heading)
        i++
        continue
      }
    }

    if (c === 62) {
      let j = i + 1
      let last = i
      while (j < n && !blank(j)) {
        const inner = indentOf(text, starts[j]!, ends[j]!)
        if (text.charCodeAt(inner.offset) !== 62 && inner.columns < 4 && startsBlock(text, starts[j]!, ends[j]!, inner, interrupts(j, inner))) break
        last = j
        j++
      }
      blocks.push(block('blockquote', start, ends[last]!))
      i = last + 1
      continue
    }

    if (c === 60) {
      const kind = htmlStart(text, s, end)
      if (kind > 0) {
        let j = i
        const marker = htmlEndMarkers[kind]
        if (marker) {
          while (j < n && !marker.test(text.slice(j === i ? s : starts[j]!, ends[j]!))) j++
          if (j >= n) j = n - 1
        } else {
          while (j + 1 < n && !blank(j + 1)) j++
        }
        blocks.push(block('html', start, ends[j]!))
        i = j + 1
        continue
      }
    }

    if ((c === 42 || c === 45 || c === 95) && thematicBreakPattern.test(text.slice(s, end))) {
      blocks.push(block('thematicBreak', start, end))
      i++
      continue
    }

    const marker = listMarkerAt(text, start, s, end, ind.columns)
    // After an indented code block with only blank lines between (it could still continue),
    // remark lets a list start only where it could interrupt a paragraph.
    const previous = blocks[blocks.length - 1]
    const adjoining = previous?.type === 'code' && !previous.fenced && text.slice(previous.end, start).trim() === ''
    if (marker && (!adjoining || (!marker.empty && (!marker.ordered || marker.number === 1)))) {
      i = scanList(text, lines, i, marker, blocks, interrupts)
      continue
    }

    if (i + 1 < n && isTableStart(text, lines, i)) {
      i = scanTable(text, lines, i, blocks, interrupts)
      continue
    }

    // Paragraph: up to a blank line, a block that interrupts it, or a setext underline.
    let j = i + 1
    let heading = 0
    while (j < n && !blank(j)) {
      const inner = indentOf(text, starts[j]!, ends[j]!)
      if (inner.columns < 4) {
        const first = text.charCodeAt(inner.offset)
        if ((first === 61 || first === 45) && setextPattern.test(text.slice(inner.offset, ends[j]!))) {
          heading = first === 61 ? 1 : 2
          break
        }
        if (interrupts(j, inner)) break
        if (j + 1 < n && isTableStart(text, lines, j)) break
      }
      j++
    }
    if (heading > 0) {
      const h = block('heading', start, ends[j]!)
      h.depth = heading
      h.innerStart = s
      h.innerEnd = ends[j - 1]!
      blocks.push(h)
      i = j + 1
      continue
    }
    blocks.push(block('paragraph', start, ends[j - 1]!))
    i = j
  }
  return blocks
}

function atxDepth(text: string, offset: number, end: number): number {
  let i = offset
  while (i < end && text.charCodeAt(i) === 35) i++
  const depth = i - offset
  if (depth < 1 || depth > 6) return 0
  if (i < end) {
    const c = text.charCodeAt(i)
    if (c !== SPACE && c !== TAB) return 0
  }
  return depth
}

/** The heading's text without its opening run and an optional closing run of `#`. */
function atxContent(text: string, from: number, end: number): [number, number] {
  let s = from
  while (s < end && (text.charCodeAt(s) === SPACE || text.charCodeAt(s) === TAB)) s++
  let e = end
  while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--
  let h = e
  while (h > s && text.charCodeAt(h - 1) === 35) h--
  if (h < e && (h === s || text.charCodeAt(h - 1) === SPACE || text.charCodeAt(h - 1) === TAB)) {
    e = h
    while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--
  }
  return [s, e]
}

/** Whether a character occurs in [start, end): bounded, where indexOf would search on. */
export function hasChar(text: string, code: number, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return true
  return false
}

function isTableStart(text: string, lines: Lines, i: number): boolean {
  if (!hasChar(text, 124, lines.starts[i]!, lines.ends[i]!)) return false
  const j = i + 1
  if (j >= lines.length) return false
  if (!hasChar(text, 45, lines.starts[j]!, lines.ends[j]!)) return false
  if (!isTableDelimiter(text, lines.starts[j]!, lines.ends[j]!)) return false
  const header = text.slice(lines.starts[i]!, lines.ends[i]!)
  if (indentOf(text, lines.starts[j]!, lines.ends[j]!).columns >= 4) return false
  return tableCells(header).length === tableCells(text.slice(lines.starts[j]!, lines.ends[j]!)).length
}

function scanTable(
  text: string,
  lines: Lines,
  i: number,
  blocks: Block[],
  interrupts: (i: number, ind: Indent) => boolean
): number {
  let j = i + 2
  let last = i + 1
  while (j < lines.length && !isBlankLine(text, lines.starts[j]!, lines.ends[j]!)) {
    const ind = indentOf(text, lines.starts[j]!, lines.ends[j]!)
    if (ind.columns >= 4 || startsBlock(text, lines.starts[j]!, lines.ends[j]!, ind, interrupts(j, ind))) break
    last = j
    j++
  }
  blocks.push(block('table', lines.starts[i]!, lines.ends[last]!))
  return last + 1
}

function scanList(
  text: string,
  lines: Lines,
  first: number,
  firstMarker: ListMarker,
  blocks: Block[],
  interrupts: (i: number, ind: Indent) => boolean
): number {
  const { starts, ends } = lines
  const n = lines.length
  const items: ListItem[] = []
  let i = first
  let marker = firstMarker
  for (;;) {
    const W = marker.contentColumn
    let last = i
    // Fenced code opened inside the item: its lines never continue the item lazily.
    let fence: Fence | null = null
    const firstContent = marker.empty ? null : fenceAt(text, marker.contentStart, ends[i]!)
    if (firstContent) fence = firstContent
    let paragraph = !marker.empty && !firstContent && !isAtxAt(text, marker.contentStart, ends[i]!)
    let j = i + 1
    let sawBlank = false
    while (j < n) {
      const s = starts[j]!
      const e = ends[j]!
      if (isBlankLine(text, s, e)) {
        sawBlank = true
        // An item that starts empty ends at its first blank line.
        if (marker.empty && last === i) break
        j++
        continue
      }
      const ind = indentOf(text, s, e)
      if (ind.columns >= W) {
        const content = skipColumns(text, s, e, W)
        if (fence) {
          if (closesFence(text, indentOf(text, content, e).offset, e, fence)) fence = null
          paragraph = false
        } else {
          const inner = indentOf(text, content, e)
          const opened = inner.columns < 4 ? fenceAt(text, inner.offset, e) : null
          if (opened) {
            fence = opened
            paragraph = false
          } else {
            paragraph = inner.columns >= 4 ? !sawBlank && paragraph : !isAtxAt(text, inner.offset, e)
          }
        }
        last = j
        sawBlank = false
        j++
        continue
      }
      if (fence || sawBlank) break
      // A lazy continuation line of the item's open paragraph.
      // A list marker ends the item even where it could not interrupt a paragraph ("2." after "1.").
      const lazy =
        paragraph &&
        !(ind.columns < 4 && startsBlock(text, s, e, ind, interrupts(j, ind)))
      if (lazy) {
        last = j
        j++
        continue
      }
      break
    }
    items.push({
      start: starts[i]!,
      end: ends[last]!,
      contentStart: marker.contentStart,
      contentColumn: W,
      ordered: marker.ordered,
      number: marker.number
    })
    // The next item of the same list, after any blank lines.
    let k = last + 1
    while (k < n && isBlankLine(text, starts[k]!, ends[k]!)) k++
    if (k >= n) break
    const ind = indentOf(text, starts[k]!, ends[k]!)
    if (ind.columns >= 4) break
    const line = text.slice(ind.offset, ends[k]!)
    if (thematicBreakPattern.test(line)) break
    const next = listMarkerAt(text, starts[k]!, ind.offset, ends[k]!, ind.columns)
    if (!next || next.kind !== marker.kind || next.ordered !== marker.ordered) break
    i = k
    marker = next
  }
  const list = block('list', items[0]!.start, items[items.length - 1]!.end)
  list.items = items
  list.fenced = false
  blocks.push(list)
  const after = items[items.length - 1]!.end
  let index = first
  while (index < n && starts[index]! <= after) index++
  return index
}

/**
 * Whether a line ends a container's lazy continuation (or a table): remark ends it at any list
 * marker too, not only at the blocks that may interrupt a paragraph.
 */
function startsBlock(text: string, lineStart: number, end: number, ind: Indent, interrupting: boolean): boolean {
  if (interrupting) return true
  return listMarkerAt(text, lineStart, ind.offset, end, ind.columns) !== null
}

function isAtxAt(text: string, offset: number, end: number): boolean {
  return text.charCodeAt(offset) === 35 && atxDepth(text, offset, end) > 0
}

/**
 * A list item's content as its own document: the marker replaced by spaces and every line
 * dedented by the item's content column, so it can be scanned (nested lists) or parsed.
 */
export function listItemContent(text: string, item: ListItem): string {
  const lines = new Lines(text, item.start, item.end)
  const out: string[] = []
  for (let k = 0; k < lines.length; k++) {
    const s = k === 0 ? item.contentStart : lines.starts[k]!
    const e = lines.ends[k]!
    if (k === 0) {
      out.push(text.slice(s, e))
      continue
    }
    const ind = indentOf(text, s, e)
    out.push(ind.columns >= item.contentColumn ? text.slice(skipColumns(text, s, e, item.contentColumn), e) : text.slice(ind.offset, e))
  }
  return out.join('\n')
}

/** Text of a block, with the indentation of its first line kept off. */
export function blockText(text: string, b: { start: number; end: number }): string {
  return text.slice(b.start, b.end)
}
