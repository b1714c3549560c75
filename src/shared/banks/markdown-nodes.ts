import type { Nodes, Paragraph, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

/**
 * The author's own markdown for a run of sibling nodes, cut from the source by offsets (never
 * re-stringified, so it stays linear and byte-faithful). Nested nodes (list items) lose the
 * indentation of their container.
 */
export function sliceNodes(text: string, nodes: readonly Nodes[]): string {
  const first = nodes[0]
  const last = nodes[nodes.length - 1]
  if (!first?.position || !last?.position) return ''
  const start = first.position.start.offset ?? 0
  const end = last.position.end.offset ?? start
  return dedent(text.slice(start, end), first.position.start.column - 1).trim()
}

export function sliceRange(text: string, start: number, end: number): string {
  return text.slice(start, Math.max(start, end)).trim()
}

function dedent(slice: string, indent: number): string {
  if (indent <= 0 || !slice.includes('\n')) return slice
  const pattern = new RegExp(`^ {1,${indent}}`)
  return slice
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(pattern, '')))
    .join('\n')
}

/** A paragraph that is nothing but one bold run: a pseudo-heading or a label. */
export function boldOnlyText(node: RootContent | Nodes): string | null {
  if (node.type !== 'paragraph') return null
  const meaningful = (node as Paragraph).children.filter(
    (c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break'
  )
  const [only] = meaningful
  if (meaningful.length !== 1 || only?.type !== 'strong') return null
  return toString(only).trim()
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0
}

/** Heading text without "back to index" links (`[↩️](#index)`), which carry no words. */
export function headingText(node: Nodes): string {
  if (!('children' in node)) return toString(node)
  let out = ''
  for (const child of node.children as Nodes[]) {
    if (child.type === 'link' && child.url.startsWith('#') && !/[\p{L}\p{N}]/u.test(toString(child))) continue
    if (child.type === 'html' || child.type === 'image') continue
    out += child.type === 'text' || child.type === 'inlineCode' ? child.value : toString(child)
  }
  return out
}

/**
 * A paragraph whose first line is one bold run (`**Q3: Hot partitions**` followed, without a
 * blank line, by the answer): the bold text and the offset where the rest begins.
 */
export function leadingBoldLine(node: RootContent | Nodes): { text: string; restStart: number } | null {
  if (node.type !== 'paragraph') return null
  const [first, second] = (node as Paragraph).children
  if (first?.type !== 'strong' || !second) return null
  const breaks = second.type === 'break' || (second.type === 'text' && /^[ \t]*\n/.test(second.value))
  if (!breaks) return null
  return { text: toString(first).trim(), restStart: endOffset(second.type === 'break' ? second : first) }
}
