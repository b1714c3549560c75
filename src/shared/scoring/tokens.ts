import { stemmer } from 'stemmer'
import { defined } from '../defined'

/** One word of a transcript (or of a lexicon phrase), with where it sits in the source text. */
export interface Token {
  /** Position in the full token list. */
  index: number
  text: string
  /** Lower-cased, typographic apostrophes made plain: what lexicon words are compared with. */
  norm: string
  stem: string
  start: number
  end: number
  /** Sentence id; reassigned once fillers are known (see `splitLongSentences`). */
  sentence: number
  /** A comma-like pause or a sentence start precedes the word: the spot where "like" is a filler. */
  boundaryBefore: boolean
  boundaryAfter: boolean
}

export interface Sentence {
  start: number
  end: number
  /** Token range [first, last). */
  first: number
  last: number
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu
const sentenceEnd = /[.!?…]/
const commaLike = /[,;:—–()]|\s-\s/

/**
 * The token at a position taken from the same view (a phrase hit's `from`, a range's last
 * word): such a position is always in range, and a broken one fails at once, not as an
 * undefined further on.
 */
export function tokenAt(view: readonly Token[], at: number): Token {
  return defined(view[at], `token ${at} of a ${view.length}-token view`)
}

/**
 * Stems through a bounded memo: transcripts repeat the same few hundred words, and the Porter
 * stemmer is the hottest call of a scoring run. The memo only stores pure results, so it cannot
 * make two runs differ.
 */
const stemMemo = new Map<string, string>()
const stemMemoLimit = 20_000

export function stemWord(norm: string): string {
  const cached = stemMemo.get(norm)
  if (cached !== undefined) return cached
  const stem = stemmer(norm.replace(/'/g, ''))
  if (stemMemo.size >= stemMemoLimit) stemMemo.clear()
  stemMemo.set(norm, stem)
  return stem
}

export function normalizeWord(text: string): string {
  return text.toLowerCase().replace(/’/g, "'")
}

/** Splits text into words and punctuation-delimited sentences, keeping character offsets. */
export function tokenize(text: string): { tokens: Token[]; sentenceEnds: boolean[] } {
  const tokens: Token[] = []
  // sentenceEnds[i]: a sentence ends right after token i.
  const sentenceEnds: boolean[] = []
  let sentence = 0
  let previousEnd = 0
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index
    const gap = text.slice(previousEnd, start)
    const previous = tokens.at(-1)
    const endsSentence = previous !== undefined && isSentenceBreak(gap)
    if (previous) {
      sentenceEnds[previous.index] = endsSentence
      if (endsSentence) sentence += 1
      previous.boundaryAfter = endsSentence || commaLike.test(gap)
    }
    const norm = normalizeWord(match[0])
    tokens.push({
      index: tokens.length,
      text: match[0],
      norm,
      stem: stemWord(norm),
      start,
      end: start + match[0].length,
      sentence,
      boundaryBefore: previous === undefined || endsSentence || commaLike.test(gap),
      boundaryAfter: true
    })
    previousEnd = start + match[0].length
  }
  if (tokens.length > 0) sentenceEnds[tokens.length - 1] = true
  return { tokens, sentenceEnds }
}

function isSentenceBreak(gap: string): boolean {
  if (gap.includes('\n')) return true
  // "99.9" or "e.g" keep going; a full stop followed by space ends the sentence.
  return sentenceEnd.test(gap) && /\s/.test(gap)
}

/** Tokens of a lexicon phrase or criterion text (no offsets needed beyond the phrase itself). */
export function phraseTokens(phrase: string): Token[] {
  return tokenize(phrase).tokens
}

/**
 * Cuts unpunctuated speech into sentence-sized pieces. Whisper usually punctuates, a typed
 * transcript may not, and "nearby" (a reason next to a tool) only means something within a
 * sentence. Counting only content words keeps the cut points where they were when fillers are
 * added or removed.
 */
export function buildSentences(
  text: string,
  tokens: Token[],
  isFiller: readonly boolean[],
  maxContentWords = 40,
  chunkContentWords = 25
): Sentence[] {
  const sentences: Sentence[] = []
  let first = 0
  while (first < tokens.length) {
    const punctuationSentence = tokenAt(tokens, first).sentence
    let last = first
    while (last < tokens.length && tokenAt(tokens, last).sentence === punctuationSentence) last += 1
    let content = 0
    for (let i = first; i < last; i += 1) if (!isFiller[i]) content += 1
    if (content <= maxContentWords) {
      sentences.push(makeSentence(text, tokens, first, last))
    } else {
      let chunkStart = first
      let inChunk = 0
      for (let i = first; i < last; i += 1) {
        if (!isFiller[i]) inChunk += 1
        if (inChunk === chunkContentWords && i + 1 < last) {
          sentences.push(makeSentence(text, tokens, chunkStart, i + 1))
          chunkStart = i + 1
          inChunk = 0
        }
      }
      sentences.push(makeSentence(text, tokens, chunkStart, last))
    }
    first = last
  }
  for (const [id, s] of sentences.entries()) {
    for (const token of tokens.slice(s.first, s.last)) token.sentence = id
  }
  return sentences
}

function makeSentence(text: string, tokens: Token[], first: number, last: number): Sentence {
  const start = tokenAt(tokens, first).start
  let end = tokenAt(tokens, last - 1).end
  // Keep the closing punctuation in the quote ("…everything.") but not the space after it.
  while (end < text.length && /[.!?…"'”’)]/.test(text.charAt(end))) end += 1
  return { start, end, first, last }
}

/** Maps each token to the start time of the spoken word it came from, when word times exist. */
export function alignWordTimes(
  tokens: readonly Token[],
  words: readonly { startMs: number; endMs: number; text: string }[]
): (number | undefined)[] {
  const spoken: { norm: string; startMs: number }[] = []
  for (const word of words) {
    for (const match of word.text.matchAll(wordPattern)) spoken.push({ norm: normalizeWord(match[0]), startMs: word.startMs })
  }
  const times: (number | undefined)[] = new Array<number | undefined>(tokens.length).fill(undefined)
  // Greedy with a short look-ahead: an edited transcript drifts from the spoken words only locally.
  const lookAhead = 6
  let next = 0
  for (const token of tokens) {
    const match = spoken.slice(next, next + lookAhead).findIndex((word) => word.norm === token.norm)
    const word = spoken[next + match]
    if (match >= 0 && word) {
      times[token.index] = word.startMs
      next += match + 1
    }
  }
  return times
}
