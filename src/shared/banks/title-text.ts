/**
 * Text helpers for headings and titles: the pieces that decide ids and duplicate detection,
 * so they must be deterministic and independent of where a question sits in a file.
 */

// A leading "Q12:", "Q18-20:", "Question 3.", "Q2." or "Q-1 " / "Q#4 " numbering: part of the
// bank's layout, not of the question, and it differs between copies of the same question.
// ("Q3 revenue" without a separator stays: it may be a quarter.)
const questionMarkerPattern =
  /^(?:(?:Q|Question)\s*\d+[a-z]?(?:\s*[-–]\s*(?:Q\s*)?\d+)?\s*(?:[:.)]|[-–]\s)|Q\s*[-#]\s*\d+[a-z]?\s*[:.)-]?\s)\s*/i
const numberMarkerPattern = /^\d{1,3}[.)]\s+/
// Keycap digits ("1️⃣"), emoji and stray variation selectors used as decoration.
const leadingDecorationPattern = /^(?:[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}\uFE0F?|\uFE0F|\u200D)+\s*/u
// "(Q41-44)" or "(Q86-Q90)" at the end: a heading that names a range of questions.
const questionRangeSuffixPattern = /\(\s*(?:Q\s*)?\d+\s*[-–]\s*(?:Q\s*)?\d+\s*\)\s*$/i

export type TitleMarker = 'q' | 'num' | null

export function questionMarkerOf(text: string): TitleMarker {
  const t = stripLeadingDecoration(text)
  if (questionMarkerPattern.test(t)) return 'q'
  if (numberMarkerPattern.test(t)) return 'num'
  return null
}

export function isQuestionRangeHeading(text: string): boolean {
  return questionRangeSuffixPattern.test(text.trim()) && questionMarkerOf(text) !== 'q'
}

export function stripLeadingDecoration(text: string): string {
  return text.replace(leadingDecorationPattern, '')
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** A heading as a section label: decoration removed, whitespace collapsed. */
export function cleanSectionText(text: string): string {
  return collapseWhitespace(stripLeadingDecoration(collapseWhitespace(text)))
}

/** A question title: section cleaning plus the bank's numbering and trailing colon removed. */
export function cleanQuestionTitle(text: string): string {
  let t = cleanSectionText(text)
  t = t.replace(questionMarkerPattern, '').replace(numberMarkerPattern, '')
  t = t.replace(/\s*:\s*$/, '').trim()
  return t.length > 0 ? t : cleanSectionText(text)
}

export function slugify(text: string, maxLength = 80): string {
  return cutSlug(fullSlug(text), maxLength)
}

function fullSlug(text: string): string {
  // ASCII needs no decomposition (most titles; NFKD is the costly part on a large bank).
  const folded = /^[ -~\t\n]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  return folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

function cutSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug
  return slug.slice(0, maxLength).replace(/-+[^-]*$/, '') || slug.slice(0, maxLength)
}

/** The key under which duplicates across banks meet: case, punctuation and numbering ignored. */
export function titleKey(title: string): string {
  return cleanQuestionTitle(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** FNV-1a (32 bit): a short, dependency-free hash that is the same in every runtime. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36).padStart(7, '0')
}

const pathSlugs = new Map<string, string>()

export function questionId(bankId: string, sectionPath: readonly string[], title: string): string {
  const slug = fullSlug(title)
  const titleSlug = cutSlug(slug, 48) || 'question'
  // Many questions share a section path: its slug is worked out once.
  const pathKey = sectionPath.join('\u0000')
  let pathSlug = pathSlugs.get(pathKey)
  if (pathSlug === undefined) {
    pathSlug = sectionPath.map((s) => slugify(s)).join('/')
    if (pathSlugs.size > 10_000) pathSlugs.clear()
    pathSlugs.set(pathKey, pathSlug)
  }
  return `${bankId}:${titleSlug}-${shortHash(`${pathSlug}\n${cutSlug(slug, 400)}`)}`
}

/** First sentence (or line) of a prompt, for questions that have no heading of their own. */
export function titleFromPrompt(prompt: string, maxLength = 160): string {
  const firstLine = collapseWhitespace(prompt.split('\n').find((l) => l.trim() !== '') ?? '')
  if (firstLine.length <= maxLength) return firstLine
  const cut = firstLine.slice(0, maxLength)
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '))
  if (sentenceEnd > 40) return cut.slice(0, sentenceEnd + 1)
  return `${cut.replace(/\s+\S*$/, '')}…`
}
