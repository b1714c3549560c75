/**
 * A model answer read as an interviewer reads their notes: short passages (bullets, table rows,
 * lines of prose), each under the heading it sits in. Bank answers are loosely written markdown
 * ("Clarifying Questions :" on a line of its own, "**Requirements:** 100K trucks", bullets
 * inside an ASCII diagram's code fence), so this is a line reader with those habits in mind,
 * not a CommonMark parser.
 */

export type NoteSectionKind =
  /** Requirements, assumptions, scale, metrics, constraints, goals: what an interviewer tells a candidate who asks. */
  | 'clarify'
  /** A sentence of the question itself. */
  | 'prompt'
  /** The design, the code, the solution: what the candidate is there to work out. */
  | 'other'

export interface AnswerNote {
  /** Position in the answer, for document order. */
  index: number
  /** The note as written, markdown emphasis removed. */
  text: string
  /** The heading it sits under ('' before the first heading). */
  section: string
  sectionKind: NoteSectionKind
  /** Notes of one list or table share a block number; a blank line or heading starts a new block. */
  block: number
}

/**
 * Headings whose notes an interviewer hands out when asked. Everything else (components, design
 * decisions, code) is left for the candidate: "Should I use Kafka?" gets "Your call".
 */
const clarifyHeading =
  /requirement|assum|\bscale\b|capacity|metric|clarif|constraint|consideration|latency|\bslas?\b|\bslos?\b|volume|goal|use case|scope|scenario|problem|context|non-functional|budget|traffic|throughput|sizing|estimat|business|user base|audience|stakeholder/i

const boxDrawing = /[─│┌┐└┘├┤┬┴┼▼▲◀▶═║╔╗╚╝]/
const fence = /^\s*(```+|~~~+)\s*([\w+-]*)/
const atxHeading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/
const bullet = /^\s*(?:[-*+•]|\d+[.)])\s+(.*)$/
const boldOnly = /^\s*\*\*([^*]+?)\*\*\s*:?\s*$/
const boldLabel = /^\s*(?:[-*+•]\s+|\d+[.)]\s+)?\*\*([^*]{1,60}?):?\*\*\s*:?\s+(.+)$/
/** "Clarifying Questions :" or "LATENCY REQUIREMENTS:" alone on a line. */
const colonHeading = /^\s*([A-Za-z][\w &/'()-]{1,60}?)\s*:\s*$/
const tableRow = /^\s*\|(.+)\|\s*$/
const tableRule = /^\s*\|?\s*:?-{2,}/
/** Code fences whose lines are code: no notes in there, even when a comment reads like one. */
const codeLanguages = /^(python|py|sql|scala|java|javascript|js|typescript|ts|bash|sh|shell|json|go|rust|c|cpp|kotlin|r)$/i

export function cleanNoteText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)[*_](\S)/g, '$1$2')
    .replace(/(\S)[*_](?=\s|$|[.,;:])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+([,.;:])(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

function kindOf(section: string): NoteSectionKind {
  return clarifyHeading.test(section) ? 'clarify' : 'other'
}

const hasWords = (text: string): boolean => /[\p{L}]{2,}/u.test(text)
const isUrlOnly = (text: string): boolean => /^\s*(<?https?:\/\/\S+>?|\[[^\]]*\]\([^)]*\))\s*$/.test(text)

/** Long prose is cut into sentences, so one matching sentence is not buried in a paragraph. */
function sentencesOf(text: string): string[] {
  if (text.length <= 240) return [text]
  return text.split(sentenceBreak).filter((s) => s.trim().length > 0)
}

export function readAnswerNotes(markdown: string | null): AnswerNote[] {
  if (!markdown) return []
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const notes: AnswerNote[] = []
  let section = ''
  let block = 0
  let inFence: { marker: string; code: boolean } | null = null
  let tableHeader: string[] | null = null

  const push = (raw: string): void => {
    const cleaned = cleanNoteText(raw)
    if (!hasWords(cleaned) && !/\d/.test(cleaned)) return
    for (const text of sentencesOf(cleaned)) {
      notes.push({ index: notes.length, text, section, sectionKind: kindOf(section), block })
    }
  }
  const startSection = (heading: string): void => {
    section = cleanNoteText(heading).replace(/\s*:$/, '')
    block += 1
    tableHeader = null
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const fenceMatch = fence.exec(line)
    if (fenceMatch) {
      if (!inFence) inFence = { marker: fenceMatch[1]!.slice(0, 3), code: codeLanguages.test(fenceMatch[2] ?? '') }
      else if (line.trim().startsWith(inFence.marker)) inFence = null
      block += 1
      continue
    }
    if (inFence) {
      // A diagram's fence often holds the requirements ("LATENCY REQUIREMENTS:" and its
      // bullets); its boxes and arrows are not notes.
      if (inFence.code || boxDrawing.test(line)) continue
      const heading = colonHeading.exec(line)
      if (heading && /^[^a-z]*$/.test(heading[1]!)) {
        startSection(heading[1]!)
        continue
      }
      const item = bullet.exec(line)
      if (item && hasWords(item[1]!)) push(item[1]!)
      continue
    }
    if (line.trim() === '') {
      block += 1
      tableHeader = null
      continue
    }
    if (isUrlOnly(line) || /^\s*<[^>]+>\s*$/.test(line) || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) continue

    const atx = atxHeading.exec(line)
    if (atx) {
      startSection(atx[1]!)
      continue
    }
    const bold = boldOnly.exec(line)
    if (bold) {
      startSection(bold[1]!)
      continue
    }
    const row = tableRow.exec(line)
    if (row) {
      if (tableRule.test(line)) continue
      const cells = row[1]!.split('|').map((cell) => cleanNoteText(cell))
      if (!tableHeader) {
        tableHeader = cells
        continue
      }
      push(cells.filter((cell) => cell.length > 0).join(' — '))
      continue
    }
    const labelled = boldLabel.exec(line)
    const item = bullet.exec(line)
    if (labelled && !item) {
      // "**Requirements:** 100K trucks, 10K active locations/min": a heading and its one note.
      startSection(labelled[1]!)
      push(labelled[2]!)
      continue
    }
    if (!item) {
      const heading = colonHeading.exec(line)
      if (heading) {
        startSection(heading[1]!)
        continue
      }
      // "Columnar storage" over a list of bullets names that list.
      const next = lines[i + 1] ?? ''
      const words = line.trim().split(/\s+/)
      if (words.length <= 5 && !/[.!?,;]$/.test(line.trim()) && bullet.test(next) && !line.includes('=')) {
        startSection(line)
        continue
      }
    }
    push(item ? item[1]! : line)
  }
  return notes
}

const sentenceBreak = /(?<=[.!?])(?<!\b(?:vs|e\.g|i\.e|etc|approx)\.)\s+/i

/**
 * The question's own sentences, as notes an interviewer may repeat when asked ("are the users
 * global?" → "…the users are geographically distributed"). The title is left out: the candidate
 * has just read it, and repeating it answers nothing.
 */
export function promptNotes(prompt: string, title: string, firstIndex: number): AnswerNote[] {
  const titleText = cleanNoteText(title).toLowerCase()
  return cleanNoteText(prompt.replace(/\n+/g, ' '))
    .split(sentenceBreak)
    .filter((sentence) => hasWords(sentence) && !titleText.includes(sentence.toLowerCase()))
    .map((text, offset) => ({ index: firstIndex + offset, text, section: 'the question', sectionKind: 'prompt', block: -1 }))
}
