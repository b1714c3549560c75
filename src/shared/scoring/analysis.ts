import type { CompiledLexicon } from './compile'
import { findPhrasesGreedy, type PhraseHit } from './phrases'
import { defined } from '../defined'
import { alignWordTimes, buildSentences, tokenAt, tokenize, type Sentence, type Token } from './tokens'
import type { Evidence, WordTime } from './report-schema'

export type { WordTime }

/** The transcript, read once: words, sentences, fillers, and the content words everything else looks at. */
export interface TranscriptAnalysis {
  text: string
  tokens: readonly Token[]
  sentences: readonly Sentence[]
  /**
   * Words that are not fillers. Every content judgement (rubric, terms, STAR) reads these, so
   * "just, um, use Spark" is still "just use Spark" and padding an answer with fillers can only
   * cost points.
   */
  content: readonly Token[]
  /** Token ranges [from, to) in `tokens`. */
  fillers: readonly PhraseHit[]
  hedges: readonly PhraseHit[]
  /** Start time of each token's spoken word, when word times were given. */
  times: readonly (number | undefined)[]
  /**
   * Clause of each token (by token index): a new clause starts at a sentence, a comma-like
   * pause or a linking word ("because", "but", "so", "which"). "Nearby" for a reason and the
   * tool it justifies means the same or the adjacent clause.
   */
  clauses: readonly number[]
}

const clauseStarters = new Set(['because', 'but', 'so', 'since', 'which', 'whereas', 'while', 'although', 'though', 'then'])

function clausesOf(tokens: readonly Token[]): number[] {
  const clauses: number[] = []
  let clause = 0
  for (const token of tokens) {
    const previous = tokens[token.index - 1]
    if (previous && (previous.sentence !== token.sentence || token.boundaryBefore || clauseStarters.has(token.norm))) clause += 1
    clauses.push(clause)
  }
  return clauses
}

export function analyzeTranscript(
  text: string,
  lexicon: CompiledLexicon,
  words: readonly WordTime[] | undefined
): TranscriptAnalysis {
  const { tokens } = tokenize(text)
  const fillers = findPhrasesGreedy(tokens, lexicon.fillers)
  const isFiller = new Array<boolean>(tokens.length).fill(false)
  for (const hit of fillers) for (let i = hit.from; i < hit.to; i += 1) isFiller[i] = true
  const sentences = buildSentences(text, tokens, isFiller)
  const content = tokens.filter((token) => !isFiller[token.index])
  // Hedges are read past fillers ("I, um, think" still hedges); "kind of" is both.
  const hedgeKeys = new Set(lexicon.hedges.phrases.map((phrase) => phrase.parts.join(' ')))
  const hedges = [
    ...findPhrasesGreedy(content, lexicon.hedges).map((hit) => ({
      phrase: hit.phrase,
      from: tokenAt(content, hit.from).index,
      to: tokenAt(content, hit.to - 1).index + 1
    })),
    ...fillers.filter((hit) => hedgeKeys.has(hit.phrase.parts.join(' ')))
  ].sort((a, b) => a.from - b.from)
  return {
    text,
    tokens,
    sentences,
    content,
    fillers,
    hedges,
    clauses: clausesOf(tokens),
    times: words && words.length > 0 ? alignWordTimes(tokens, words) : new Array<undefined>(tokens.length).fill(undefined)
  }
}

/** The start time of the first timed word in a token range. */
export function startMsOf(analysis: TranscriptAnalysis, first: number, last: number): number | undefined {
  for (let i = first; i < last; i += 1) {
    const time = analysis.times[i]
    if (time !== undefined) return time
  }
  return undefined
}

export function spanEvidence(analysis: TranscriptAnalysis, first: number, last: number): Evidence {
  const startChar = tokenAt(analysis.tokens, first).start
  const endChar = tokenAt(analysis.tokens, last - 1).end
  const startMs = startMsOf(analysis, first, last)
  return {
    quote: analysis.text.slice(startChar, endChar),
    startChar,
    endChar,
    ...(startMs === undefined ? {} : { startMs })
  }
}

export function sentenceEvidence(analysis: TranscriptAnalysis, sentenceId: number): Evidence {
  const sentence = defined(analysis.sentences[sentenceId], `sentence ${sentenceId}`)
  const startMs = startMsOf(analysis, sentence.first, sentence.last)
  return {
    quote: analysis.text.slice(sentence.start, sentence.end),
    startChar: sentence.start,
    endChar: sentence.end,
    ...(startMs === undefined ? {} : { startMs })
  }
}

/** Quotes whole sentences, once each, in transcript order, at most `limit` of them. */
export function evidenceForSentences(analysis: TranscriptAnalysis, sentenceIds: Iterable<number>, limit = 3): Evidence[] {
  const unique = [...new Set(sentenceIds)].sort((a, b) => a - b)
  return unique.slice(0, limit).map((id) => sentenceEvidence(analysis, id))
}

/** Sentence ids of hits found in the content view. */
export function hitSentences(view: readonly Token[], hits: readonly PhraseHit[]): number[] {
  return [...new Set(hits.map((hit) => tokenAt(view, hit.from).sentence))].sort((a, b) => a - b)
}

/** The clause of a token (by its index in the full token list): every token has one. */
export function clauseOf(analysis: TranscriptAnalysis, tokenIndex: number): number {
  return defined(analysis.clauses[tokenIndex], `clause of token ${tokenIndex}`)
}
