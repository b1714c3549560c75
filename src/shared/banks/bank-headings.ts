import { headingWords, linkOnly } from './inline-words'
import { parseInline } from './inline-text'
import type { HeadingSummary } from './detect-layout'
import { isNavigationHeading, isPlaceholder } from './not-questions'
import { isQuestionLike } from './question-draft'
import { rubricSectionKind, type RubricSectionKind } from './rubric'
import type { Block } from './scan-blocks'
import { cleanSectionText, isQuestionRangeHeading, questionMarkerOf, type TitleMarker } from './title-text'

/** What the bank scan knows of each heading: its words and the roles they suggest. */
export interface HeadingInfo extends HeadingSummary {
  text: string
  clean: string
  rubric: RubricSectionKind | null
  range: boolean
  nav: boolean
  part: boolean
  asks: boolean
}

// Sub-headings of one problem ("#### Scenario", "## Task"): parts of a question, never questions.
const partLabelPattern =
  /^(?:scenario|situation|task|tasks|objectives?|goals?|context|background|(?:the )?problem(?: statement)?|prompt|requirements?|(?:non-)?functional requirements|constraints|assumptions|inputs?|outputs?|expected (?:output|result)s?|examples?|sample (?:input|output|data)|data ?sets?|data|schema|tables?|deliverables?|hints?|notes?|solutions?|answers?|approach|discussion|follow[- ]?ups?(?: questions)?|evaluation(?: criteria)?|acceptance criteria|estimated time|time limit|expected time|bonus|extensions?|stretch goals?|what (?:we|they) look for|explanation)\s*:?$/i
export const genericHeadingPattern = /^(?:q(?:uestion)?|problem|exercise|pregunta|frage|#)\s*\d+\s*[:.)]?$/i
export const collectionTitlePattern = /\b(questions|problems|exercises|question bank|interview prep|cheat ?sheet|preguntas|questões|fragen)\b/i

/** The heading that names the bank (a lone top-level heading that opens the file). */
export interface TitleHeading {
  index: number
  info: HeadingInfo
}

/** The headings among `blocks` by block index, and the one that titles the bank, if any. */
export function readHeadings(text: string, blocks: readonly Block[]): { headings: Map<number, HeadingInfo>; title: TitleHeading | null } {
  const headings = new Map<number, HeadingInfo>()
  let first: TitleHeading | null = null
  let topLevelCount = 0
  for (const [index, block] of blocks.entries()) {
    if (block.type !== 'heading') continue
    const info = headingInfo(text, block)
    headings.set(index, info)
    if (block.depth === 1) topLevelCount++
    first ??= { index, info }
  }
  // A lone top-level heading that opens the file names the bank, not a section of it.
  const title = first !== null && first.info.depth === 1 && topLevelCount === 1 ? first : null
  return { headings, title }
}

function headingInfo(text: string, block: Block): HeadingInfo {
  const content = text.slice(block.innerStart, block.innerEnd)
  // Plain words need no inline parse (most headings of a large bank).
  const inline = /[*_`[\]<>&\\!~]|https?:|www\./.test(content) ? parseInline(content) : null
  const raw = inline ? headingWords(inline) : content
  const clean = cleanSectionText(raw)
  const rubric = rubricSectionKind(clean)
  const range = isQuestionRangeHeading(clean)
  const link = inline ? linkOnly(inline) : null
  const asks = isQuestionLike(clean) || questionMarkerOf(clean) === 'q'
  // A heading that is only a link ("## [Main title](../README.md)") navigates, unless it asks.
  // A placeholder heading ("Coming soon") stands for content that is not there yet.
  const nav = isNavigationHeading(clean) || (link !== null && !isQuestionLike(link.text)) || isPlaceholder(clean) || !/[\p{L}\p{N}]/u.test(clean)
  const part = partLabelPattern.test(clean)
  return {
    depth: block.depth,
    text: raw,
    clean,
    marker: questionMarkerOf(clean) as TitleMarker,
    rubric,
    range,
    nav,
    part,
    asks,
    countable: !rubric && !range && !nav && !part
  }
}

/**
 * A file whose title heading is the problem and whose sub-headings are its parts (Scenario,
 * Task, Objective…): one question, however its numbered sub-headings look.
 */
export function singleQuestion(headings: ReadonlyMap<number, HeadingInfo>, title: TitleHeading): boolean {
  if (collectionTitlePattern.test(title.info.clean)) return false
  const others = [...headings.entries()].filter(([i, h]) => i !== title.index && !h.rubric).map(([, h]) => h)
  if (others.length === 0) return false
  const top = Math.min(...others.map((h) => h.depth))
  const shallow = others.filter((h) => h.depth === top)
  const parts = shallow.filter((h) => h.part).length
  const asking = shallow.filter((h) => !h.part && (h.marker === 'q' || h.asks)).length
  return parts >= 1 && parts >= asking * 2 && !shallow.some((h) => h.marker === 'q')
}
