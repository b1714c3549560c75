import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/**
 * remark + GFM over a small piece of a bank (one question's body, one rubric section): the
 * block scan has already split the bank, so no piece is the whole of a large file.
 */
export function parseMarkdownText(text: string): Root {
  return processor.parse(text)
}
