import type { Html, Nodes } from 'mdast'

/** A reference answer folded into `<details><summary>…</summary> … </details>` HTML, as banks write it. */
export const detailsOpenPattern = /^\s*<details\b/i
export const detailsClosePattern = /<\/details\s*>/i
export const summaryPattern = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i

export interface DetailsPart {
  label: string
  markdown: string
  nodes: Nodes[]
}

export function selfContainedDetails(node: Html): DetailsPart | null {
  if (!detailsClosePattern.test(node.value)) return null
  const summary = summaryPattern.exec(node.value)
  const inner = node.value
    .replace(detailsOpenPattern, '')
    .replace(/^[^>]*>/, '')
    .replace(summaryPattern, '')
    .replace(detailsClosePattern, '')
    .replace(/<\/?(p|br|div|span)\b[^>]*>/gi, '\n')
  return { label: summaryLabel(summary?.[1] ?? ''), markdown: inner.trim(), nodes: [] }
}

export function summaryLabel(raw: string): string {
  return raw.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() || 'Answer'
}
