/**
 * What a line of markdown opens, judged from its first characters: code fences, list markers,
 * HTML blocks (CommonMark start conditions), ATX headings, thematic breaks and table rows.
 */
import { SPACE, TAB, type Indent } from './block-lines'

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
export const thematicBreakPattern = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
export const setextPattern = /^(?:=+|-+)[ \t]*$/
const orderedMarkerPattern = /^\d{1,9}[.)]/
const tableDelimiterPattern = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

export interface Fence {
  char: number
  length: number
  lang: string
}

export function fenceAt(text: string, offset: number, end: number): Fence | null {
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

export function closesFence(text: string, offset: number, end: number, fence: Fence): boolean {
  let i = offset
  while (i < end && text.charCodeAt(i) === fence.char) i++
  if (i - offset < fence.length) return false
  for (; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c !== SPACE && c !== TAB) return false
  }
  return true
}

export interface ListMarker {
  ordered: boolean
  /** '-', '+', '*', '.' or ')': items of one list share it. */
  kind: string
  number: number | null
  contentColumn: number
  contentStart: number
  empty: boolean
}

/** A list marker at `offset` (after at most 3 columns of indent), or null. */
export function listMarkerAt(text: string, lineStart: number, offset: number, end: number, indentColumns: number): ListMarker | null {
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
    // The marker is digits and one delimiter: the delimiter is its last character.
    const marker = match[0]
    markerEnd = offset + marker.length
    ordered = true
    kind = marker.slice(-1)
    number = Number(marker.slice(0, -1))
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
export function htmlStart(text: string, offset: number, end: number): number {
  if (text.charCodeAt(offset) !== 60) return 0
  const line = text.slice(offset, end)
  if (rawTagPattern.test(line)) return 1
  if (line.startsWith('<!--')) return 2
  if (line.startsWith('<?')) return 3
  if (line.startsWith('<![CDATA[')) return 5
  if (/^<![A-Za-z]/.test(line)) return 4
  const tagName = blockTagPattern.exec(line)?.[1]
  if (tagName && blockTagNames.has(tagName.toLowerCase())) return 6
  if (completeTagPattern.test(line)) return 7
  return 0
}

export const htmlEndMarkers: Record<number, RegExp> = {
  1: /<\/(script|pre|style|textarea)>/i,
  2: /-->/,
  3: /\?>/,
  4: />/,
  5: /\]\]>/
}

export function isTableDelimiter(text: string, start: number, end: number): boolean {
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
    const ch = line.charAt(i)
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

export function atxDepth(text: string, offset: number, end: number): number {
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
export function atxContent(text: string, from: number, end: number): [number, number] {
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

export function isAtxAt(text: string, offset: number, end: number): boolean {
  return text.charCodeAt(offset) === 35 && atxDepth(text, offset, end) > 0
}

/** Whether a line (indent < 4) starts a block that interrupts a paragraph. */
export function interrupts(text: string, lineStart: number, end: number, ind: Indent): boolean {
  const s = ind.offset
  const c = text.charCodeAt(s)
  if (c === 35 && atxDepth(text, s, end) > 0) return true
  if ((c === 96 || c === 126) && fenceAt(text, s, end)) return true
  if (c === 62) return true
  if (c === 60) {
    const kind = htmlStart(text, s, end)
    if (kind >= 1 && kind <= 6) return true
  }
  if ((c === 42 || c === 45 || c === 95) && thematicBreakPattern.test(text.slice(s, end))) return true
  const marker = listMarkerAt(text, lineStart, s, end, ind.columns)
  if (marker && !marker.empty && (!marker.ordered || marker.number === 1)) return true
  return false
}

/**
 * Whether a line ends a container's lazy continuation (or a table): remark ends it at any list
 * marker too, not only at the blocks that may interrupt a paragraph.
 */
export function startsBlock(text: string, lineStart: number, end: number, ind: Indent): boolean {
  if (interrupts(text, lineStart, end, ind)) return true
  return listMarkerAt(text, lineStart, ind.offset, end, ind.columns) !== null
}
