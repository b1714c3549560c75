import type { PhraseRule } from './lexicon'
import { phraseTokens, stemWord, normalizeWord, tokenAt, type Token } from './tokens'

/** `*` in a compiled phrase: exactly one word, any word. */
export const WILDCARD = '*'

export interface CompiledPhrase {
  /** The phrase as written in the lexicon or rubric. */
  source: string
  /** Stems, or WILDCARD. */
  parts: string[]
  notAfter: ReadonlySet<string> | null
  boundaryOrAfter: ReadonlySet<string> | null
}

/** Phrases indexed by their first stem, longest first, so matching costs one lookup per word. */
export interface PhraseSet {
  phrases: readonly CompiledPhrase[]
  byFirst: ReadonlyMap<string, readonly CompiledPhrase[]>
}

export interface PhraseHit {
  phrase: CompiledPhrase
  /** Position of the first matched token in the view that was searched. */
  from: number
  /** Exclusive. */
  to: number
}

export interface CompileOptions {
  /** Turns a phrase word into a wildcard (the "X" of "always use X"). */
  isWildcard?: (token: Token) => boolean
}

function stemSet(words: readonly string[] | undefined): ReadonlySet<string> | null {
  if (!words) return null
  return new Set(words.map((word) => stemWord(normalizeWord(word))))
}

export function compilePhrase(rule: PhraseRule, options: CompileOptions = {}): CompiledPhrase | null {
  const source = typeof rule === 'string' ? rule : rule.phrase
  const parts = source
    .split(/\s+/)
    .flatMap((segment) =>
      segment === WILDCARD
        ? [WILDCARD]
        : phraseTokens(segment).map((token) => (options.isWildcard?.(token) ? WILDCARD : token.stem))
    )
  // A leading wildcard would match at every word; the rest of the phrase says the same thing.
  while (parts[0] === WILDCARD) parts.shift()
  if (parts.length === 0) return null
  return {
    source,
    parts,
    notAfter: typeof rule === 'string' ? null : stemSet(rule.notAfter),
    boundaryOrAfter: typeof rule === 'string' ? null : stemSet(rule.boundaryOrAfter)
  }
}

/** Files a phrase under its first part, where matching looks it up by the word it starts on. */
function indexByFirst(byFirst: Map<string, CompiledPhrase[]>, phrase: CompiledPhrase): void {
  const first = phrase.parts[0]
  if (first === undefined) return
  const list = byFirst.get(first) ?? []
  list.push(phrase)
  byFirst.set(first, list)
}

export function compilePhrases(rules: readonly PhraseRule[], options: CompileOptions = {}): PhraseSet {
  const phrases: CompiledPhrase[] = []
  const byFirst = new Map<string, CompiledPhrase[]>()
  const seen = new Set<string>()
  for (const rule of rules) {
    const compiled = compilePhrase(rule, options)
    if (!compiled) continue
    const key = compiled.parts.join(' ')
    if (seen.has(key) && typeof rule === 'string') continue
    seen.add(key)
    phrases.push(compiled)
    indexByFirst(byFirst, compiled)
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length)
  return { phrases, byFirst }
}

export function mergePhraseSets(sets: readonly PhraseSet[]): PhraseSet {
  const phrases: CompiledPhrase[] = []
  const byFirst = new Map<string, CompiledPhrase[]>()
  const seen = new Set<string>()
  for (const set of sets) {
    for (const phrase of set.phrases) {
      const key = phrase.parts.join(' ')
      if (seen.has(key)) continue
      seen.add(key)
      phrases.push(phrase)
      indexByFirst(byFirst, phrase)
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length)
  return { phrases, byFirst }
}

function matchesAt(view: readonly Token[], at: number, phrase: CompiledPhrase): boolean {
  const { parts } = phrase
  if (at + parts.length > view.length) return false
  const first = view[at]
  const last = view[at + parts.length - 1]
  if (!first || !last) return false
  const sentence = first.sentence
  for (let k = 0; k < parts.length; k += 1) {
    const token = tokenAt(view, at + k)
    // Phrases never straddle sentences: "…batch. Versus streaming…" is two thoughts.
    if (token.sentence !== sentence) return false
    if (parts[k] !== WILDCARD && parts[k] !== token.stem) return false
  }
  const previous = view[at - 1]
  const before = previous && previous.sentence === sentence ? previous : null
  if (phrase.notAfter && before && phrase.notAfter.has(before.stem)) return false
  if (phrase.boundaryOrAfter) {
    const atBoundary = first.boundaryBefore || last.boundaryAfter
    if (!atBoundary && !(before && phrase.boundaryOrAfter.has(before.stem))) return false
  }
  return true
}

/** Every occurrence of every phrase (overlaps allowed). */
export function findPhrases(view: readonly Token[], set: PhraseSet): PhraseHit[] {
  const hits: PhraseHit[] = []
  for (let at = 0; at < view.length; at += 1) {
    const candidates = set.byFirst.get(tokenAt(view, at).stem)
    if (!candidates) continue
    for (const phrase of candidates) {
      if (matchesAt(view, at, phrase)) hits.push({ phrase, from: at, to: at + phrase.parts.length })
    }
  }
  return hits
}

/** Longest match wins and consumes its words: "kind of" is one filler, not "kind of" plus "of". */
export function findPhrasesGreedy(view: readonly Token[], set: PhraseSet): PhraseHit[] {
  const hits: PhraseHit[] = []
  let at = 0
  while (at < view.length) {
    const candidates = set.byFirst.get(tokenAt(view, at).stem)
    const phrase = candidates?.find((candidate) => matchesAt(view, at, candidate))
    if (phrase) {
      hits.push({ phrase, from: at, to: at + phrase.parts.length })
      at += phrase.parts.length
    } else {
      at += 1
    }
  }
  return hits
}
