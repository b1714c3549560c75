import type { TitleMarker } from './title-text'

export interface HeadingSummary {
  depth: number
  marker: TitleMarker
  /** Group headings (`(Q41-44)`), navigation and rubric sections never count as questions. */
  countable: boolean
}

export interface HeadingLayout {
  /** Depth at which headings are questions, or null when headings hold no questions. */
  questionDepth: number | null
  /**
   * 'q' / 'num': questions are the headings numbered that way ("Q12:", "3."), and an
   * unnumbered heading at that depth right after one continues it. 'any': every heading at
   * that depth is a question.
   */
  style: 'q' | 'num' | 'any'
}

/**
 * Chosen per file from its own headings: numbered question headings win where there are at
 * least two of them (the depth with most, the shallower on a tie); otherwise the most common
 * heading depth (the deeper on a tie: one question per section is likelier than one section
 * per question).
 */
export function detectHeadingLayout(headings: readonly HeadingSummary[]): HeadingLayout {
  const counts = new Map<number, { q: number; num: number; all: number }>()
  for (const h of headings) {
    if (!h.countable) continue
    const c = counts.get(h.depth) ?? { q: 0, num: 0, all: 0 }
    c.all++
    if (h.marker === 'q') c.q++
    if (h.marker === 'num') c.num++
    counts.set(h.depth, c)
  }
  const depths = [...counts.entries()].sort(([a], [b]) => a - b)
  for (const style of ['q', 'num'] as const) {
    let best: { depth: number; count: number } | null = null
    for (const [depth, c] of depths) {
      const count = c[style]
      if (count >= 2 && (best === null || count > best.count)) best = { depth, count }
    }
    if (best !== null) return { questionDepth: best.depth, style }
  }
  let best: { depth: number; all: number } | null = null
  for (const [depth, c] of depths) {
    if (best === null || c.all >= best.all) best = { depth, all: c.all }
  }
  return { questionDepth: best?.depth ?? null, style: 'any' }
}
