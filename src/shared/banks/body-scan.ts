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
  const scanner = new BodyScanner(body)
  for (const [from, to] of ranges) scanner.scanRange(from, to)
  scanner.closeFence()
  let answerChars = scanner.answerChars()
  if (answerChars > 0 && answerChars <= 120 && ranges.length > 0) {
    const text = ranges.map(([a, b]) => body.slice(a, b)).join('\n\n')
    if (isPlaceholder(stripSeparators(text))) answerChars = 0
  }
  return { signals: scanner.signals, answerChars }
}

interface OpenFence {
  marker: string
  lang: string
  start: number
  end: number
}

/** The line-by-line state of one body's scan: open fence, open `<details>`, what was counted. */
class BodyScanner {
  readonly signals: KindSignals = { codeChars: new Map(), proseChars: 0, starParts: 0, hasSqlSetup: false }
  private readonly fences: Fence[] = []
  private readonly seenStar = new Set<string>()
  private fence: OpenFence | null = null
  private detailsSeen = false
  private detailsChars = 0
  private inDetails = false
  private nonSetupProse = false
  private schemaLines = 0
  private totalChars = 0

  constructor(private readonly body: string) {}

  scanRange(from: number, to: number): void {
    const body = this.body
    this.totalChars += body.slice(from, to).trim().length
    let start = from
    while (start <= to) {
      let end = body.indexOf('\n', start)
      if (end === -1 || end > to) end = to
      this.line(start, end, to)
      if (end >= to) break
      start = end + 1
    }
  }

  private line(start: number, end: number, to: number): void {
    const body = this.body
    const lead = leadAt(body, start, end)
    if (this.fence) {
      this.fenceLine(this.fence, lead, start, end)
    } else if (lead === 96 || lead === 126) {
      const open = fenceOpen.exec(body.slice(start, end))
      if (open) {
        // Both groups always take part in a match (the language may be empty).
        this.fence = { marker: open[1] ?? '', lang: (open[2] ?? '').toLowerCase(), start: Math.min(end + 1, to), end: Math.min(end + 1, to) }
        if (this.inDetails) this.detailsChars += end - start + 1
      } else {
        this.countLine(start, end)
      }
    } else if (lead === 60 && detailsOpen.test(body.slice(start, end))) {
      const line = body.slice(start, end)
      this.detailsSeen = true
      this.inDetails = true
      const after = line.replace(/^[\s\S]*<\/summary\s*>/i, '')
      if (detailsClose.test(after)) {
        this.detailsChars += after.replace(detailsClose, '').trim().length
        this.inDetails = false
      }
    } else {
      if (this.inDetails) this.detailsLine(lead, start, end)
      this.countLine(start, end)
    }
  }

  /** A line inside an open fence: only a line of backticks or tildes can close it; the rest is code. */
  private fenceLine(f: OpenFence, lead: number, start: number, end: number): void {
    const line = lead === 96 || lead === 126 ? this.body.slice(start, end) : null
    const run = line !== null ? /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1] : undefined
    if (run && run.startsWith(f.marker.charAt(0)) && run.length >= f.marker.length) this.closeFence()
    else f.end = end
    if (this.inDetails) this.detailsChars += end - start + 1
  }

  /** A line (not a fence) inside `<details>`: counted, up to the closing tag. */
  private detailsLine(lead: number, start: number, end: number): void {
    const line = lead === 60 ? this.body.slice(start, end) : null
    if (line !== null && detailsClose.test(line)) {
      this.detailsChars += line.replace(/<\/details\s*>[\s\S]*$/i, '').trim().length
      this.inDetails = false
    } else {
      this.detailsChars += end - start + 1
    }
  }

  /** Ends the open fence (if any), counting its code for its language. */
  closeFence(): void {
    const f = this.fence
    if (!f) return
    this.fences.push({ lang: f.lang, code: '', start: f.start, end: f.end, beforeDetails: !this.detailsSeen })
    const lang = fenceLanguage(f.lang, this.body.slice(f.start, f.end))
    this.signals.codeChars.set(lang, (this.signals.codeChars.get(lang) ?? 0) + Math.max(0, f.end - f.start))
    this.fence = null
  }

  private countLine(start: number, end: number): void {
    const body = this.body
    const prose = proseLength(body, start, end)
    if (prose === 0) return
    this.signals.proseChars += prose
    const lineLength = end - start
    if (lineLength <= 200 && hasChar(body, 124, start, end) && schemaLinePattern.test(body.slice(start, end))) this.schemaLines++
    else if (!(lineLength <= 200 && /^\s*(?:[-*_]\s*){3,}$/.test(body.slice(start, end)))) this.nonSetupProse = true
    if (lineLength <= 40) {
      const label = starLabel.exec(body.slice(start, end).replace(markupPattern, '').replace(/\s+/g, ' ').trim())?.[1]?.toLowerCase()
      if (label !== undefined && !this.seenStar.has(label)) {
        this.seenStar.add(label)
        this.signals.starParts++
      }
    }
  }

  /** Characters of answer found, once all lines are read (sets the SQL-setup signal on the way). */
  answerChars(): number {
    const codeOf = (f: Fence): string => this.body.slice(f.start, f.end)
    const fences = this.fences
    if (this.detailsSeen) {
      for (const f of fences) if (f.beforeDetails && (f.lang === 'sql' || f.lang === 'text' || isSetupCode(f.lang, codeOf(f)))) this.signals.hasSqlSetup = true
      return this.detailsChars
    }
    if ((fences.length > 0 || this.schemaLines > 0) && !this.nonSetupProse && fences.every((f) => isSetupCode(f.lang, codeOf(f)))) {
      // Only the question's setup (CREATE / INSERT statements, table columns): no answer.
      this.signals.hasSqlSetup = true
      return 0
    }
    return this.totalChars
  }
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
