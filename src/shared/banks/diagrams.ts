import type { Diagram } from './types'

// `A → B`, `A -> B`, `A --> B`, `A ──▶ B`, `A => B`: the arrow styles banks draw with.
const arrowPattern = /\s*(?:[-─━=]*[→⟶➜➔➡⇒▶►]\uFE0F?|-{1,3}>|={1,2}>|─+>)\s*/u
const arrowSplitPattern = new RegExp(arrowPattern.source, 'gu')
const boxDrawingPattern = /[\u2500-\u257F\u2580-\u259F]/
const diagramMarkPattern = /[\u2500-\u257F▲▼◀▶►↓↑←→]|-->|->/
const labelJunkPattern = /[\u2500-\u259F▲▼◀▶►↓↑←→|[\]{}()`*_<>]+/g
const plainLangs = new Set(['', 'text', 'txt', 'ascii', 'plain', 'plaintext', 'diagram', 'none'])

const maxLabelLength = 48

/** A fenced block becomes a diagram when it is untyped text drawn with boxes or arrows. */
export function diagramFromCode(lang: string | null | undefined, code: string): Diagram | null {
  const language = (lang ?? '').toLowerCase()
  if (language === 'mermaid') return { ascii: code, mermaid: code }
  if (!plainLangs.has(language)) return null
  if (!diagramMarkPattern.test(code)) return null
  const mermaid = arrowChainsToMermaid(code.split('\n'), 1)
  if (!boxDrawingPattern.test(code) && mermaid === null) return null
  return { ascii: code, mermaid }
}

/** A prose line such as `Bronze → Silver → Gold` (at least three steps) is a diagram too. */
export function diagramFromProse(line: string): Diagram | null {
  const mermaid = arrowChainsToMermaid([line], 2)
  return mermaid === null ? null : { ascii: line.trim(), mermaid }
}

/**
 * Each line with at least `minArrows` arrows and a label on both sides of every arrow becomes
 * a path in one `flowchart LR`; equal labels share a node, so crossing chains join up.
 */
export function arrowChainsToMermaid(lines: readonly string[], minArrows: number): string | null {
  const nodeIds = new Map<string, string>()
  const edges: string[] = []
  const seenEdges = new Set<string>()
  const declarations: string[] = []
  for (const line of lines) {
    if (!arrowPattern.test(line)) continue
    const parts = line.split(arrowSplitPattern)
    if (parts.length - 1 < minArrows) continue
    const labels = parts.map(cleanLabel)
    // A chain with an empty or sentence-long step is box art or prose, not a pipeline.
    if (labels.some((l) => l === '' || l.length > maxLabelLength)) continue
    const ids = labels.map((label) => {
      let id = nodeIds.get(label)
      if (!id) {
        id = `n${nodeIds.size + 1}`
        nodeIds.set(label, id)
        declarations.push(`  ${id}["${label}"]`)
      }
      return id
    })
    for (let i = 1; i < ids.length; i++) {
      const edge = `  ${ids[i - 1]} --> ${ids[i]}`
      if (!seenEdges.has(edge)) {
        seenEdges.add(edge)
        edges.push(edge)
      }
    }
  }
  if (edges.length === 0) return null
  return ['flowchart LR', ...declarations, ...edges].join('\n')
}

function cleanLabel(raw: string): string {
  return raw
    .replace(labelJunkPattern, ' ')
    .replace(/"/g, "'")
    .replace(/#/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]+$/, '')
}
