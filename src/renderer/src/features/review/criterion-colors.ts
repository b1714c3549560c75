import type { CriterionResult } from '@shared/scoring'
import { defined } from '@shared/defined'

export interface HighlightColor {
  /** Solid colour for the underline and the legend swatch. */
  line: string
  /** Tint behind the words; the text keeps the theme's own colour, so contrast holds. */
  fill: string
}

// Mid-tone hues, distinguishable from each other; each has a lighter line for dark backgrounds
// and a deeper one for light backgrounds (both ≥ 3:1 against their page for the underline).
const listenHues: Array<{ light: string; dark: string }> = [
  { light: '#1565c0', dark: '#64b5f6' },
  { light: '#2e7d32', dark: '#81c784' },
  { light: '#6a1b9a', dark: '#ce93d8' },
  { light: '#ef6c00', dark: '#ffb74d' },
  { light: '#00838f', dark: '#4dd0e1' },
  { light: '#ad1457', dark: '#f48fb1' },
  { light: '#4e342e', dark: '#bcaaa4' },
  { light: '#9e9d24', dark: '#dce775' }
]
const rejectHue = { light: '#c62828', dark: '#ef5350' }

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}

/**
 * A colour per criterion, by its place in the rubric (so colours do not move while the text is
 * edited). Every flagged reject pattern shares red: they all mean the same thing, "avoid this".
 */
export function criterionColors(criteria: readonly Pick<CriterionResult, 'id' | 'kind'>[], mode: 'light' | 'dark'): Map<string, HighlightColor> {
  const colors = new Map<string, HighlightColor>()
  let next = 0
  for (const criterion of criteria) {
    const hue = criterion.kind === 'reject' ? rejectHue : defined(listenHues[next++ % listenHues.length], 'a listen hue')
    const line = hue[mode]
    colors.set(criterion.id, { line, fill: withAlpha(line, mode === 'dark' ? 0.28 : 0.16) })
  }
  return colors
}
