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

/** What the reader knows while it walks the lines: where it is and what it has read so far. */
interface ReaderState {
  notes: AnswerNote[]
  section: string
  block: number
  inFence: { marker: string; code: boolean } | null
  tableHeader: string[] | null
}

function pushNote(state: ReaderState, raw: string): void {
  const cleaned = cleanNoteText(raw)
  if (!hasWords(cleaned) && !/\d/.test(cleaned)) return
  for (const text of sentencesOf(cleaned)) {
    state.notes.push({ index: state.notes.length, text, section: state.section, sectionKind: kindOf(state.section), block: state.block })
  }
}

function startSection(state: ReaderState, heading: string): void {
  state.section = cleanNoteText(heading).replace(/\s*:$/, '')
  state.block += 1
  state.tableHeader = null
}

/** A fence line opens or closes a fence; returns false when the line is not a fence. */
function readFenceMarker(state: ReaderState, line: string): boolean {
  const fenceMatch = fence.exec(line)
  if (!fenceMatch) return false
  const [, marker = '', language = ''] = fenceMatch
  if (!state.inFence) state.inFence = { marker: marker.slice(0, 3), code: codeLanguages.test(language) }
  else if (line.trim().startsWith(state.inFence.marker)) state.inFence = null
  state.block += 1
  return true
}

/**
 * A line inside a fence. A diagram's fence often holds the requirements ("LATENCY
 * REQUIREMENTS:" and its bullets); its boxes and arrows are not notes, nor is code.
 */
function readFencedLine(state: ReaderState, code: boolean, line: string): void {
  if (code || boxDrawing.test(line)) return
  const heading = colonHeading.exec(line)?.[1]
  if (heading !== undefined && /^[^a-z]*$/.test(heading)) {
    startSection(state, heading)
    return
  }
  const item = bullet.exec(line)?.[1]
  if (item !== undefined && hasWords(item)) pushNote(state, item)
}

/** A table row: the first is the header, the rule under it is skipped, the rest are notes. */
function readTableRow(state: ReaderState, line: string, row: string): void {
  if (tableRule.test(line)) return
  const cells = row.split('|').map((cell) => cleanNoteText(cell))
  if (!state.tableHeader) {
    state.tableHeader = cells
    return
  }
  pushNote(state, cells.filter((cell) => cell.length > 0).join(' — '))
}

/** A line that is neither a bullet nor a table row may still be a heading in disguise. */
function readsAsHeading(state: ReaderState, line: string, next: string): boolean {
  const heading = colonHeading.exec(line)?.[1]
  if (heading !== undefined) {
    startSection(state, heading)
    return true
  }
  // "Columnar storage" over a list of bullets names that list.
  const words = line.trim().split(/\s+/)
  if (words.length <= 5 && !/[.!?,;]$/.test(line.trim()) && bullet.test(next) && !line.includes('=')) {
    startSection(state, line)
    return true
  }
  return false
}

const isSkippedLine = (line: string): boolean =>
  isUrlOnly(line) || /^\s*<[^>]+>\s*$/.test(line) || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)

/** A line outside any fence: blank, heading, table row, labelled note, bullet or prose. */
function readOpenLine(state: ReaderState, line: string, next: string): void {
  if (line.trim() === '') {
    state.block += 1
    state.tableHeader = null
    return
  }
  if (isSkippedLine(line)) return
  const heading = atxHeading.exec(line)?.[1] ?? boldOnly.exec(line)?.[1]
  if (heading !== undefined) {
    startSection(state, heading)
    return
  }
  const row = tableRow.exec(line)?.[1]
  if (row !== undefined) {
    readTableRow(state, line, row)
    return
  }
  const labelled = boldLabel.exec(line)
  const item = bullet.exec(line)?.[1]
  if (labelled && item === undefined) {
    // "**Requirements:** 100K trucks, 10K active locations/min": a heading and its one note.
    const [, label = '', note = ''] = labelled
    startSection(state, label)
    pushNote(state, note)
    return
  }
  if (item === undefined && readsAsHeading(state, line, next)) return
  pushNote(state, item ?? line)
}

export function readAnswerNotes(markdown: string | null): AnswerNote[] {
  if (!markdown) return []
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const state: ReaderState = { notes: [], section: '', block: 0, inFence: null, tableHeader: null }
  for (const [i, line] of lines.entries()) {
    if (readFenceMarker(state, line)) continue
    if (state.inFence) readFencedLine(state, state.inFence.code, line)
    else readOpenLine(state, line, lines[i + 1] ?? '')
  }
  return state.notes
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
