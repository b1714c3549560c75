import type { ScoreReport, WordTime } from '@shared/scoring'

/** A stretch of the scored text that counts as evidence for one criterion. */
export interface HighlightRange {
  criterionId: string
  startChar: number
  endChar: number
}

/** A word or the whitespace between words, with what it is evidence of and where it was said. */
export interface TranscriptToken {
  text: string
  start: number
  end: number
  isWord: boolean
  /** Criteria whose evidence covers this token, in the report's order. */
  criteria: string[]
  /** Where the audio should seek to for this word, when the word was matched to a word time. */
  startMs?: number
}

/** Consecutive tokens with the same highlight, rendered as one mark. */
export interface TokenRun {
  criteria: string[]
  /** Where its first token starts in the text (a stable key for the run). */
  start: number
  tokens: TranscriptToken[]
}

/** Evidence of every criterion that has some (met listen-fors and flagged rejects), in report order. */
export function highlightRangesOf(report: ScoreReport): HighlightRange[] {
  return report.criteria.flatMap((criterion) =>
    (criterion.kind === 'listen' ? criterion.met : criterion.flagged)
      ? criterion.evidence.map((e) => ({ criterionId: criterion.id, startChar: e.startChar, endChar: e.endChar }))
      : []
  )
}

// How far past the last matched word a word time's text is looked for: far enough to skip an
// inserted sentence of an edited transcript, near enough not to jump to a later repetition.
const SEARCH_WINDOW = 240

const normalize = (s: string): string => s.toLowerCase()

/**
 * Finds each timed word in `text`, in order: `[start, end)` character ranges with the word's
 * start time. Words that cannot be found nearby (the transcript was edited) are skipped.
 */
export function alignWordTimes(text: string, words: readonly WordTime[]): Array<{ start: number; end: number; startMs: number }> {
  const haystack = normalize(text)
  const out: Array<{ start: number; end: number; startMs: number }> = []
  let cursor = 0
  for (const word of words) {
    const needle = normalize(word.text.trim())
    if (!needle) continue
    const at = haystack.indexOf(needle, cursor)
    if (at < 0 || at - cursor > SEARCH_WINDOW) continue
    out.push({ start: at, end: at + needle.length, startMs: word.startMs })
    cursor = at + needle.length
  }
  return out
}

/**
 * Splits the transcript into words and whitespace, marking each with the criteria whose
 * evidence covers it and the time its word was said (for click-to-seek).
 */
export function buildTranscriptTokens(
  text: string,
  ranges: readonly HighlightRange[],
  wordTimes: ReadonlyArray<{ start: number; end: number; startMs: number }> = []
): TranscriptToken[] {
  const tokens: TranscriptToken[] = []
  let timeIndex = 0
  for (const match of text.matchAll(/\s+|\S+/g)) {
    const start = match.index
    const end = start + match[0].length
    const isWord = !/^\s/.test(match[0])
    // A word is covered when it overlaps the evidence; whitespace only when it lies inside it,
    // so a highlight never spills into the gap after its last word.
    const criteria: string[] = []
    for (const range of ranges) {
      const covers = isWord ? range.startChar < end && range.endChar > start : range.startChar <= start && range.endChar >= end
      if (covers && !criteria.includes(range.criterionId)) criteria.push(range.criterionId)
    }
    const token: TranscriptToken = { text: match[0], start, end, isWord, criteria }
    if (isWord) {
      let time = wordTimes[timeIndex]
      while (time && time.end <= start) time = wordTimes[++timeIndex]
      if (time && time.start < end && time.end > start) token.startMs = time.startMs
    }
    tokens.push(token)
  }
  return tokens
}

/** Groups consecutive tokens with the same criteria, so one mark spans a whole quote. */
export function groupTokenRuns(tokens: readonly TranscriptToken[]): TokenRun[] {
  const runs: TokenRun[] = []
  for (const token of tokens) {
    const last = runs.at(-1)
    if (last && last.criteria.join('\n') === token.criteria.join('\n')) last.tokens.push(token)
    else runs.push({ criteria: token.criteria, start: token.start, tokens: [token] })
  }
  return runs
}
