import type { Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { NormalizedSource } from './normalize-source'

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/**
 * micromark's cost grows faster than linearly on very large documents, so big banks are cut
 * at heading lines that follow a blank line outside code (where no block construct can
 * continue) and each piece is parsed on its own. Positions are shifted back so that every
 * node's offsets refer to `source.text`.
 */
export const chunkTargetSize = 24_000

export function parseMarkdown(source: NormalizedSource): Root {
  const { text, cutOffsets } = source
  if (text.length <= chunkTargetSize || cutOffsets.length === 0) return processor.parse(text)

  const children: RootContent[] = []
  let start = 0
  let line = 0
  const flush = (end: number): void => {
    const piece = text.slice(start, end)
    const tree = processor.parse(piece)
    if (start > 0) shiftPositions(tree, start, line)
    for (const child of tree.children) children.push(child)
    line += countNewlines(piece)
    start = end
  }
  for (const cut of cutOffsets) {
    if (cut - start >= chunkTargetSize) flush(cut)
  }
  flush(text.length)
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } }
}

function shiftPositions(tree: Root, offset: number, lines: number): void {
  visit(tree, (node) => {
    const p = node.position
    if (!p) return
    p.start.offset = (p.start.offset ?? 0) + offset
    p.end.offset = (p.end.offset ?? 0) + offset
    p.start.line += lines
    p.end.line += lines
  })
}

function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  const lastBreak = text.lastIndexOf('\n')
  return { line: countNewlines(text) + 1, column: text.length - lastBreak, offset: text.length }
}
