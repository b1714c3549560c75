import type { KindSignals } from './classify-kind'
import { isPlaceholder } from './not-questions'
import { fenceLanguage } from './prose-fence'
import { hasChar } from './block-lines'

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
  start: number
  end: number
  beforeDetails: boolean
}

/** Scans a body's text (all of `body`, or the ranges given of a larger text, in place). */
export function scanBody(body: string, ranges: ReadonlyArray<readonly [number, number]> = [[0, body.length]]): BodyScan {
  const signals: KindSignals = { codeChars: new Map(), proseChars: 0, starParts: 0, hasSqlSetup: false }
  const fences: Fence[] = []
  const seenStar = new Set<string>()
  let fence: { marker: string; lang: string; start: number; end: number } | null = null
  let detailsSeen = false
  let detailsChars = 0
  let inDetails = false
  let nonSetupProse = false
  let schemaLines = 0
  let totalChars = 0

  const closeFence = (): void => {
    const f = fence!
    fences.push({ lang: f.lang, code: '', start: f.start, end: f.end, beforeDetails: !detailsSeen })
    const lang = fenceLanguage(f.lang, body.slice(f.start, f.end))
    signals.codeChars.set(lang, (signals.codeChars.get(lang) ?? 0) + Math.max(0, f.end - f.start))
    fence = null
  }

  for (const [from, to] of ranges) {
    totalChars += body.slice(from, to).trim().length
    let start = from
    while (start <= to) {
      let end = body.indexOf('\n', start)
      if (end === -1 || end > to) end = to
      const lead = leadAt(body, start, end)
      if (fence) {
        // Only a line of backticks or tildes can close it; the rest is code.
        const f = fence as { marker: string; lang: string; start: number; end: number }
        const line = lead === 96 || lead === 126 ? body.slice(start, end) : null
        const close = line !== null ? /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(line) : null
        if (close && close[1]!.startsWith(f.marker.charAt(0)) && close[1]!.length >= f.marker.length) closeFence()
        else f.end = end
        if (inDetails) detailsChars += end - start + 1
      } else if (lead === 96 || lead === 126) {
        const open = fenceOpen.exec(body.slice(start, end))
        if (open) {
          fence = { marker: open[1]!, lang: open[2]!.toLowerCase(), start: Math.min(end + 1, to), end: Math.min(end + 1, to) }
          if (inDetails) detailsChars += end - start + 1
        } else {
          countLine(start, end)
        }
      } else if (lead === 60 && detailsOpen.test(body.slice(start, end))) {
        const line = body.slice(start, end)
        detailsSeen = true
        inDetails = true
        const after = line.replace(/^[\s\S]*<\/summary\s*>/i, '')
        if (detailsClose.test(after)) {
          detailsChars += after.replace(detailsClose, '').trim().length
          inDetails = false
        }
      } else {
        if (inDetails) {
          const line = lead === 60 ? body.slice(start, end) : null
          if (line !== null && detailsClose.test(line)) {
            detailsChars += line.replace(/<\/details\s*>[\s\S]*$/i, '').trim().length
            inDetails = false
          } else {
            detailsChars += end - start + 1
          }
        }
        countLine(start, end)
      }
      if (end >= to) break
      start = end + 1
    }
  }
  if (fence) closeFence()

  function countLine(start: number, end: number): void {
    const prose = proseLength(body, start, end)
    if (prose === 0) return
    signals.proseChars += prose
    const lineLength = end - start
    if (lineLength <= 200 && hasChar(body, 124, start, end) && schemaLinePattern.test(body.slice(start, end))) schemaLines++
    else if (!(lineLength <= 200 && /^\s*(?:[-*_]\s*){3,}$/.test(body.slice(start, end)))) nonSetupProse = true
    if (lineLength <= 40) {
      const star = starLabel.exec(body.slice(start, end).replace(markupPattern, '').replace(/\s+/g, ' ').trim())
      if (star && !seenStar.has(star[1]!.toLowerCase())) {
        seenStar.add(star[1]!.toLowerCase())
        signals.starParts++
      }
    }
  }

  const codeOf = (f: Fence): string => body.slice(f.start, f.end)
  let answerChars: number
  if (detailsSeen) {
    answerChars = detailsChars
    for (const f of fences) if (f.beforeDetails && (f.lang === 'sql' || f.lang === 'text' || isSetupCode(f.lang, codeOf(f)))) signals.hasSqlSetup = true
  } else if ((fences.length > 0 || schemaLines > 0) && !nonSetupProse && fences.every((f) => isSetupCode(f.lang, codeOf(f)))) {
    // Only the question's setup (CREATE / INSERT statements, table columns): no answer.
    answerChars = 0
    signals.hasSqlSetup = true
  } else {
    answerChars = totalChars
  }
  if (answerChars > 0 && answerChars <= 120 && ranges.length > 0) {
    const text = ranges.map(([a, b]) => body.slice(a, b)).join('\n\n')
    if (isPlaceholder(stripSeparators(text))) answerChars = 0
  }
  return { signals, answerChars }
}

function leadAt(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9) return c
  }
  return -1
}

/** Characters of a line that are words, not markup or spaces (an estimate, without allocating). */
function proseLength(text: string, start: number, end: number): number {
  let n = 0
  let inTag = false
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
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
