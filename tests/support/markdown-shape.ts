import type { Heading, Paragraph, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { headingText } from '../../src/shared/banks/markdown-nodes'
import { scanBlocks } from '../../src/shared/banks/scan-blocks'

/** Test support: remark's view of a document, to check the block scan and inline text against. */
const remark = unified().use(remarkParse).use(remarkGfm)

/** Type, heading depth, item count and line span of each top-level block, as remark sees them. */
export function remarkShape(text: string): string[] {
  return remark
    .parse(text)
    .children.filter((c: RootContent) => c.type !== 'definition')
    .map((c: RootContent) => {
      const depth = c.type === 'heading' ? c.depth : ''
      const items = c.type === 'list' ? `[${c.children.length}]` : ''
      return `${c.type}${depth}${items} ${c.position!.start.line}-${c.position!.end.line}`
    })
}

export function scanShape(text: string): string[] {
  const lineOf = (offset: number): number => {
    let line = 1
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
    return line
  }
  return scanBlocks(text).map((b) => `${b.type}${b.depth || ''}${b.items ? `[${b.items.length}]` : ''} ${lineOf(b.start)}-${lineOf(b.end)}`)
}

export function remarkHeading(line: string): string | null {
  const node = remark.parse(`# ${line}`).children[0]
  return node?.type === 'heading' ? headingText(node as Heading) : null
}

export function remarkParagraph(line: string): Paragraph | null {
  const node = remark.parse(line).children[0]
  return node?.type === 'paragraph' ? node : null
}

