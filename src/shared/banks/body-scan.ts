import type { KindSignals } from './classify-kind'
import { isPlaceholder } from './not-questions'

/**
 * What the block scan needs from a question's body without parsing it: signals for the kind
 * (code per language, prose, STAR labels, SQL setup), whether an answer is there and how
 * long it is (the longer copy of a duplicate survives a merge). One pass over the lines;
 * the full analysis (key terms, tips, diagrams) waits until the question is shown.
 */

export interface BodyScan {
  signals: KindSignals
  /** Characters of the answer the body holds (0: none, or only setup or a placeholder). */
  answerChars: number
}

const fenceOpen = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/
const detailsOpen = /<details\b/i
const detailsClose = /<\/details\s*>/i
const starLabel = /^(situation|task|action|result)s?\s*:?$/i
const setupSqlPattern = /^\s*(create|insert|drop|alter|truncate|values|into|select\s+1\s+from\s+dual|commit|--)/i
const schemaLinePattern = /^\s*\w[\w ]*(\s*\|\s*\w[\w ]*)+\s*\|?\s*$/
const markupPattern = /[#*_`|>[\]()!~]|^\s*(?:[-+]|\d+[.)])\s+|<[^>]*>/g

interface Fence {
  lang: string
  code: string
  beforeDetails: boolean
}

export function scanBody(body: string): BodyScan {
  const signals: KindSignals = { codeChars: new Map(), proseChars: 0, starParts: 0, hasSqlSetup: false }
  const fences: Fence[] = []
  const seenStar = new Set<string>()
  let fence: { marker: string; lang: string; lines: string[] } | null = null
  let detailsSeen = false
  let detailsChars = 0
  let inDetails = false
  let nonSetupProse = false
  let schemaLines = 0

  const lines = body.split('\n')
  for (const line of lines) {
    if (fence) {
      const close = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(line)
      if (close && close[1]!.startsWith(fence.marker.charAt(0)) && close[1]!.length >= fence.marker.length) {
        const code = fence.lines.join('\n')
        fences.push({ lang: fence.lang, code, beforeDetails: !detailsSeen })
        signals.codeChars.set(fence.lang, (signals.codeChars.get(fence.lang) ?? 0) + code.length)
        fence = null
      } else {
        fence.lines.push(line)
      }
      if (inDetails) detailsChars += line.length + 1
      continue
    }
    const open = fenceOpen.exec(line)
    if (open) {
      fence = { marker: open[1]!, lang: open[2]!.toLowerCase(), lines: [] }
      if (inDetails) detailsChars += line.length + 1
      continue
    }
    if (detailsOpen.test(line)) {
      detailsSeen = true
      inDetails = true
      const after = line.replace(/^[\s\S]*<\/summary\s*>/i, '')
      if (detailsClose.test(after)) {
        detailsChars += after.replace(detailsClose, '').trim().length
        inDetails = false
      }
      continue
    }
    if (inDetails) {
      if (detailsClose.test(line)) {
        detailsChars += line.replace(/<\/details\s*>[\s\S]*$/i, '').trim().length
        inDetails = false
      } else {
        detailsChars += line.length + 1
      }
    }
    const prose = proseLength(line)
    if (prose === 0) continue
    signals.proseChars += prose
    if (line.includes('|') && schemaLinePattern.test(line)) schemaLines++
    else if (!/^\s*(?:[-*_]\s*){3,}$/.test(line)) nonSetupProse = true
    if (line.length <= 40) {
      const star = starLabel.exec(line.replace(markupPattern, '').replace(/\s+/g, ' ').trim())
      if (star && !seenStar.has(star[1]!.toLowerCase())) {
        seenStar.add(star[1]!.toLowerCase())
        signals.starParts++
      }
    }
  }
  if (fence) {
    const code = fence.lines.join('\n')
    fences.push({ lang: fence.lang, code, beforeDetails: !detailsSeen })
    signals.codeChars.set(fence.lang, (signals.codeChars.get(fence.lang) ?? 0) + code.length)
  }

  let answerChars: number
  if (detailsSeen) {
    answerChars = detailsChars
    for (const f of fences) if (f.beforeDetails && (f.lang === 'sql' || f.lang === 'text' || isSetupCode(f.lang, f.code))) signals.hasSqlSetup = true
  } else if ((fences.length > 0 || schemaLines > 0) && !nonSetupProse && fences.every((f) => isSetupCode(f.lang, f.code))) {
    // Only the question's setup (CREATE / INSERT statements, table columns): no answer.
    answerChars = 0
    signals.hasSqlSetup = true
  } else {
    answerChars = body.trim().length
  }
  if (answerChars > 0 && answerChars <= 120 && isPlaceholder(stripSeparators(body))) answerChars = 0
  return { signals, answerChars }
}

/** Characters of a line that are words, not markup or spaces (an estimate, without allocating). */
function proseLength(line: string): number {
  let n = 0
  let inTag = false
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (inTag) {
      if (c === 62) inTag = false
      continue
    }
    if (c === 60) {
      inTag = true
      continue
    }
    // space, tab, # * _ ` | > [ ] ( ) ! ~
    if (c === 32 || c === 9 || c === 35 || c === 42 || c === 95 || c === 96 || c === 124 || c === 62 || c === 91 || c === 93 || c === 40 || c === 41 || c === 33 || c === 126) continue
    n++
  }
  return n
}

export function isSetupCode(lang: string, code: string): boolean {
  const language = lang.toLowerCase()
  if (language !== 'sql' && language !== '') return false
  const statements = code.split(';').map((s) => s.trim()).filter((s) => s !== '')
  return statements.length > 0 && statements.every((s) => setupSqlPattern.test(s))
}

/** The body without layout separators (`<br/>`, `---`) and answer labels around it. */
export function stripSeparators(body: string): string {
  return body
    .replace(/<\/?(?:br|hr|p)\s*\/?>|&nbsp;/gi, ' ')
    .replace(/^\s*(?:[-*_]\s*){3,}$/gm, '')
    .replace(/^\s*(?:\*\*|__)?\s*(?:answer|ans|a|solution)\s*[:.)]\s*(?:\*\*|__)?\s*/i, '')
    .trim()
}
