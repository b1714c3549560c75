/**
 * Inline nodes (what parseInline builds) → text: plain text as remark gives it, a heading's or a
 * title's words, and the shapes the bank layouts look for (a line that is all bold, all link).
 */

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'inlineCode'; value: string }
  | { type: 'html'; value: string }
  | { type: 'break' }
  | { type: 'link'; url: string; children: InlineNode[]; auto?: boolean }
  | { type: 'image'; url: string; alt: string }
  | { type: 'strong' | 'emphasis' | 'delete'; children: InlineNode[]; end?: number }

/** Text as mdast-util-to-string gives it: HTML kept, image alt kept, breaks empty. */
export function plainText(nodes: readonly InlineNode[]): string {
  let out = ''
  for (const node of nodes) out += nodeText(node)
  return out
}

function nodeText(node: InlineNode): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value
    case 'break':
      return ''
    case 'image':
      return node.alt
    default:
      return plainText(node.children)
  }
}

/**
 * A heading's words: "back to index" links that carry no words (`[↩️](#index)`), raw HTML
 * and images at its top level are left out.
 */
export function headingWords(nodes: readonly InlineNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'link' && node.url.startsWith('#') && !/[\p{L}\p{N}]/u.test(plainText(node.children))) continue
    if (node.type === 'html' || node.type === 'image') continue
    out += nodeText(node)
  }
  return out
}

/** Text for a title: raw HTML and images dropped everywhere, not only at the top. */
export function titleWords(nodes: readonly InlineNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'html' || node.type === 'image') continue
    if (node.type === 'link' && node.url.startsWith('#') && !/[\p{L}\p{N}]/u.test(plainText(node.children))) continue
    out += node.type === 'link' || node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete' ? titleWords(node.children) : nodeText(node)
  }
  return out
}

/** The one node that is all of `nodes` once blank text and breaks are left out, or null. */
function soleNode(nodes: readonly InlineNode[]): InlineNode | null {
  const parts = meaningful(nodes)
  const [only] = parts
  return parts.length === 1 && only ? only : null
}

function meaningful(nodes: readonly InlineNode[]): InlineNode[] {
  return nodes.filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'break' && !(n.type === 'html' && isBreakTag(n.value)))
}

export function isBreakTag(html: string): boolean {
  return /^<\/?(br|hr|p)\s*\/?>$/i.test(html.trim())
}

/** The strong run that is all of a line's content (a bold pseudo-heading), or null. */
export function strongOnly(nodes: readonly InlineNode[]): InlineNode[] | null {
  const only = soleNode(nodes)
  if (only?.type !== 'strong') return null
  return only.children
}

/** A strong run that opens the line, what follows it, and the offset where that begins. */
export function leadingStrong(nodes: readonly InlineNode[]): { strong: InlineNode[]; rest: InlineNode[]; restOffset: number } | null {
  const i = nodes.findIndex((n) => !(n.type === 'text' && n.value.trim() === ''))
  const first = i === -1 ? undefined : nodes[i]
  if (first?.type !== 'strong') return null
  return { strong: first.children, rest: nodes.slice(i + 1), restOffset: first.end ?? 0 }
}

/** The one link that is all of a line's content, or null. */
export function linkOnly(nodes: readonly InlineNode[]): { url: string; text: string } | null {
  let only = soleNode(nodes)
  // "**[Title](url)**" is still only a link.
  while (only && (only.type === 'strong' || only.type === 'emphasis')) only = soleNode(only.children)
  if (only?.type !== 'link') return null
  return { url: only.url, text: plainText(only.children) }
}

/** Whether the nodes hold a link (an autolink aside), at the top or inside emphasis. */
export function containsLink(nodes: readonly InlineNode[]): boolean {
  return nodes.some((n) => (n.type === 'link' && !n.auto) || ((n.type === 'strong' || n.type === 'emphasis' || n.type === 'delete') && containsLink(n.children)))
}
