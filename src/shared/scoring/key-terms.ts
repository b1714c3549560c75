import { doubleMetaphone } from 'double-metaphone'
import { distance } from 'fastest-levenshtein'
import type { Question } from '../banks/types'
import { spanEvidence, type TranscriptAnalysis } from './analysis'
import type { CompiledLexicon } from './compile'
import type { KeyTermCoverage, KeyTermHit } from './report-schema'
import { phraseTokens, type Token } from './tokens'

/**
 * Key-term coverage. Whisper hears jargon as everyday words ("park a files" for Parquet files,
 * "air flow", "S C D two"), so a term counts when it was said exactly, by stem, run together
 * or spelled out, or, for longer terms only, when what was heard both sounds and is spelled
 * close to it.
 */

const numberWords: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10'
}
/** Words spelled letter by letter can run long ("S C D type two"); ordinary compounds cannot. */
const maxCompoundWords = 3
const maxSpelledWords = 6
const fuzzyMinTermLength = 5
const fuzzyMaxWords = 3
const fuzzyLengthRatio: readonly [number, number] = [0.7, 1.4]
/** Edit distance allowed, as a share of the longer spelling, after phonetic simplification. */
const fuzzyMaxEditShare = 0.34

interface TermVariant {
  stems: readonly string[]
  norms: readonly string[]
}

interface CompiledTerm {
  term: string
  variants: readonly TermVariant[]
  fuzzy: { spelling: string; codes: readonly string[] } | null
}

interface CompiledTerms {
  terms: readonly CompiledTerm[]
  /** First stem → (term, variant) pairs. */
  byFirstStem: ReadonlyMap<string, readonly { term: number; variant: TermVariant }[]>
  /** Run-together spelling ("scd2", "airflow") → terms. */
  byCompact: ReadonlyMap<string, readonly number[]>
}

const termsCache = new WeakMap<CompiledLexicon, WeakMap<Question, CompiledTerms>>()

function compactOf(tokens: readonly Token[]): string {
  return tokens.map((t) => numberWords[t.norm] ?? t.norm.replace(/'/g, '')).join('')
}

/** Spelling with sound-alike letters merged, so "parka" and "parquet" compare by how they sound. */
function simplifySpelling(word: string): string {
  return word
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/qu/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1')
}

function termVariants(term: string): string[] {
  // "Change Data Capture (CDC)" is said either way; so is "batch/streaming".
  const inner = [...term.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!)
  const outer = term.replace(/\([^)]*\)/g, ' ')
  return [...outer.split('/'), ...inner].map((v) => v.trim()).filter((v) => v.length > 0)
}

export function compileKeyTerms(lexicon: CompiledLexicon, question: Question): CompiledTerms {
  let perLexicon = termsCache.get(lexicon)
  if (!perLexicon) {
    perLexicon = new WeakMap()
    termsCache.set(lexicon, perLexicon)
  }
  const cached = perLexicon.get(question)
  if (cached) return cached

  const terms: CompiledTerm[] = []
  const byFirstStem = new Map<string, { term: number; variant: TermVariant }[]>()
  const byCompact = new Map<string, number[]>()
  const seen = new Set<string>()
  for (const raw of question.keyTerms) {
    const term = raw.trim()
    if (term.length === 0 || seen.has(term.toLowerCase())) continue
    seen.add(term.toLowerCase())
    const index = terms.length
    const variants: TermVariant[] = []
    for (const text of termVariants(term)) {
      const tokens = phraseTokens(text)
      if (tokens.length === 0) continue
      const variant = { stems: tokens.map((t) => t.stem), norms: tokens.map((t) => t.norm) }
      variants.push(variant)
      const list = byFirstStem.get(variant.stems[0]!) ?? []
      list.push({ term: index, variant })
      byFirstStem.set(variant.stems[0]!, list)
      const compact = compactOf(tokens)
      const compactList = byCompact.get(compact) ?? []
      if (!compactList.includes(index)) compactList.push(index)
      byCompact.set(compact, compactList)
    }
    const main = variants[0]
    const mainCompact = main ? main.norms.join('') : ''
    const fuzzy =
      main && /^[a-z]+$/.test(mainCompact) && mainCompact.length >= fuzzyMinTermLength
        ? { spelling: simplifySpelling(mainCompact), codes: [...new Set(doubleMetaphone(mainCompact))] }
        : null
    terms.push({ term, variants, fuzzy })
  }
  const compiled = { terms, byFirstStem, byCompact }
  perLexicon.set(question, compiled)
  return compiled
}

interface Found {
  from: number
  to: number
  how: KeyTermHit['how']
}

function isSpelledPart(token: Token): boolean {
  return (token.norm.length === 1 && /[a-z0-9]/.test(token.norm)) || /^\d+$/.test(token.norm) || token.norm in numberWords
}

export function matchKeyTerms(
  analysis: TranscriptAnalysis,
  lexicon: CompiledLexicon,
  question: Question
): KeyTermCoverage {
  const compiled = compileKeyTerms(lexicon, question)
  const view = analysis.content
  const exact = new Array<Found | undefined>(compiled.terms.length)
  const joined = new Array<Found | undefined>(compiled.terms.length)

  for (let at = 0; at < view.length; at += 1) {
    const token = view[at]!
    const sentence = token.sentence
    for (const { term, variant } of compiled.byFirstStem.get(token.stem) ?? []) {
      if (exact[term]) continue
      const { stems, norms } = variant
      let ok = at + stems.length <= view.length
      let sameWords = true
      for (let k = 0; ok && k < stems.length; k += 1) {
        const other = view[at + k]!
        ok = other.sentence === sentence && other.stem === stems[k]
        sameWords &&= other.norm === norms[k]
      }
      if (ok) exact[term] = { from: at, to: at + stems.length, how: sameWords ? 'exact' : 'stem' }
    }
    let compact = numberWords[token.norm] ?? token.norm.replace(/'/g, '')
    let spelled = isSpelledPart(token)
    for (let n = 2; n <= maxSpelledWords && at + n <= view.length; n += 1) {
      const next = view[at + n - 1]!
      if (next.sentence !== sentence) break
      spelled &&= isSpelledPart(next)
      if (n > maxCompoundWords && !spelled) break
      compact += numberWords[next.norm] ?? next.norm.replace(/'/g, '')
      for (const term of compiled.byCompact.get(compact) ?? []) {
        joined[term] ??= { from: at, to: at + n, how: spelled ? 'acronym' : 'compound' }
      }
    }
  }

  const found = compiled.terms.map((_, i) => exact[i] ?? joined[i])
  const fuzzyTargets = compiled.terms.flatMap((term, i) => (found[i] || !term.fuzzy ? [] : [{ index: i, ...term.fuzzy }]))
  if (fuzzyTargets.length > 0) matchFuzzy(view, lexicon, fuzzyTargets, found)

  const covered: KeyTermHit[] = []
  const missing: string[] = []
  for (const [i, term] of compiled.terms.entries()) {
    const hit = found[i]
    if (!hit) {
      missing.push(term.term)
      continue
    }
    const evidence = spanEvidence(analysis, view[hit.from]!.index, view[hit.to - 1]!.index + 1)
    covered.push({
      term: term.term,
      heard: evidence.quote,
      how: hit.how,
      startChar: evidence.startChar,
      endChar: evidence.endChar,
      ...(evidence.startMs === undefined ? {} : { startMs: evidence.startMs })
    })
  }
  const total = compiled.terms.length
  return { covered, missing, ratio: total === 0 ? 0 : Math.round((covered.length / total) * 1000) / 1000 }
}

function matchFuzzy(
  view: readonly Token[],
  lexicon: CompiledLexicon,
  targets: readonly { index: number; spelling: string; codes: readonly string[] }[],
  found: (Found | undefined)[]
): void {
  const codesMemo = new Map<string, readonly string[]>()
  // Words already counted as one term are not re-heard as another.
  const taken = new Array<boolean>(view.length).fill(false)
  for (const hit of found) if (hit) for (let i = hit.from; i < hit.to; i += 1) taken[i] = true
  for (let at = 0; at < view.length; at += 1) {
    const first = view[at]!
    if (taken[at]) continue
    // Short or everyday words never stand in for jargon: "like", "the", "parked".
    if (lexicon.stopwords.has(first.norm) || lexicon.fuzzyNever.has(first.norm) || /\d/.test(first.norm)) continue
    let raw = ''
    for (let n = 1; n <= fuzzyMaxWords && at + n <= view.length; n += 1) {
      const token = view[at + n - 1]!
      if (token.sentence !== first.sentence || /\d/.test(token.norm) || taken[at + n - 1]) break
      // A misheard syllable may be a lone letter ("park a"), never a whole function word ("park the").
      if (n > 1 && token.norm.length > 1 && lexicon.stopwords.has(token.norm)) break
      raw += token.norm.replace(/'/g, '')
      if (n === 1 && first.norm.length < 4) continue
      const spelling = simplifySpelling(raw)
      for (const target of targets) {
        if (found[target.index]) continue
        const ratio = spelling.length / target.spelling.length
        if (ratio < fuzzyLengthRatio[0] || ratio > fuzzyLengthRatio[1]) continue
        if (spelling[0] !== target.spelling[0]) continue
        const longer = Math.max(spelling.length, target.spelling.length)
        if (distance(spelling, target.spelling) > Math.floor(longer * fuzzyMaxEditShare)) continue
        let codes = codesMemo.get(raw)
        if (!codes) {
          codes = [...new Set(doubleMetaphone(raw))]
          codesMemo.set(raw, codes)
        }
        const soundsAlike = codes.some((code) =>
          target.codes.some((targetCode) => targetCode.length >= 2 && distance(code, targetCode) <= 1)
        )
        if (soundsAlike) found[target.index] = { from: at, to: at + n, how: 'fuzzy' }
      }
    }
  }
}
