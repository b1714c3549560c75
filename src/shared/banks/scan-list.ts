import { block, type Block, type ListItem } from './block-model'
import { indentOf, isBlankLine, skipColumns, type Lines } from './block-lines'
import { closesFence, fenceAt, isAtxAt, listMarkerAt, startsBlock, thematicBreakPattern, type Fence, type ListMarker } from './block-starts'

/**
 * Scans the list whose first item's marker is on line `first`: its items, each up to its last
 * line, until a line that neither continues an item nor starts a sibling. Pushes the list block
 * and returns the line after it.
 */
export function scanList(text: string, lines: Lines, first: number, firstMarker: ListMarker, blocks: Block[]): number {
  const items: ListItem[] = []
  let end = lines.end(first)
  let next: { line: number; marker: ListMarker } | null = { line: first, marker: firstMarker }
  while (next) {
    const { line, marker } = next
    const last = itemLastLine(text, lines, line, marker)
    end = lines.end(last)
    items.push({
      start: lines.start(line),
      end,
      contentStart: marker.contentStart,
      contentColumn: marker.contentColumn,
      ordered: marker.ordered,
      number: marker.number
    })
    next = nextItem(text, lines, last, marker)
  }
  const list = block('list', lines.start(first), end)
  list.items = items
  blocks.push(list)
  let index = first
  while (index < lines.length && lines.start(index) <= end) index++
  return index
}

/** The last line of the item whose marker is on line `i`. */
function itemLastLine(text: string, lines: Lines, i: number, marker: ListMarker): number {
  const n = lines.length
  const W = marker.contentColumn
  let last = i
  // Fenced code opened inside the item: its lines never continue the item lazily.
  let fence: Fence | null = marker.empty ? null : fenceAt(text, marker.contentStart, lines.end(i))
  let paragraph = !marker.empty && !fence && !isAtxAt(text, marker.contentStart, lines.end(i))
  let j = i + 1
  let sawBlank = false
  while (j < n) {
    const s = lines.start(j)
    const e = lines.end(j)
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
    const lazy = paragraph && !(ind.columns < 4 && startsBlock(text, s, e, ind))
    if (!lazy) break
    last = j
    j++
  }
  return last
}

/** The next item of the same list after line `last` (past any blank lines), or null. */
function nextItem(text: string, lines: Lines, last: number, marker: ListMarker): { line: number; marker: ListMarker } | null {
  const n = lines.length
  let k = last + 1
  while (k < n && isBlankLine(text, lines.start(k), lines.end(k))) k++
  if (k >= n) return null
  const start = lines.start(k)
  const end = lines.end(k)
  const ind = indentOf(text, start, end)
  if (ind.columns >= 4) return null
  const line = text.slice(ind.offset, end)
  if (thematicBreakPattern.test(line)) return null
  const next = listMarkerAt(text, start, ind.offset, end, ind.columns)
  if (!next || next.kind !== marker.kind || next.ordered !== marker.ordered) return null
  return { line: k, marker: next }
}
