import { doubleMetaphone } from 'double-metaphone'
import { distance } from 'fastest-levenshtein'
import type { KeyTerm, Question } from '../banks/types'
import { spanEvidence, type TranscriptAnalysis } from './analysis'
import type { CompiledLexicon } from './compile'
import type { KeyTermCoverage, KeyTermHit, MissingKeyTerm } from './report-schema'
import { phraseTokens, tokenAt, type Token } from './tokens'

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
  source: KeyTerm['source']
  weight: number
  /** Variants beyond the first are aliases ("CDC" for change data capture). */
  variants: readonly TermVariant[]
  aliasFrom: number
  fuzzy: { spelling: string; codes: readonly string[] } | null
}

interface CompiledTerms {
  terms: readonly CompiledTerm[]
  /** First stem → (term, variant) pairs. */
  byFirstStem: ReadonlyMap<string, readonly { term: number; variant: TermVariant; alias: boolean }[]>
  /** Run-together spelling ("scd2", "airflow") → terms. */
  byCompact: ReadonlyMap<string, readonly number[]>
  /** Every prefix of a run-together spelling: a run that is no prefix can stop growing. */
  compactPrefixes: ReadonlySet<string>
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
  const inner = [...term.matchAll(/\(([^)]+)\)/g)].map((m) => m[1] ?? '')
  const outer = term.replace(/\([^)]*\)/g, ' ')
  return [...outer.split('/'), ...inner].map((v) => v.trim()).filter((v) => v.length > 0)
}

/**
 * The terms a question is scored on: the bank parser's weighted terms, or, for a question that
 * only lists names (older data, hand-built fixtures), each name at weight 1.
 */
export function questionKeyTerms(question: Question): KeyTerm[] {
  if (question.keyTermDetails.length > 0) return question.keyTermDetails
  return question.keyTerms.map((term) => ({ term, aliases: [], source: 'listed' as const, weight: 1 }))
}

function spokenForms(term: KeyTerm): { forms: string[]; aliasFrom: number } {
  // A listed name keeps the old reading ("Pub/Sub" → either half, "X (Y)" → either); a parsed
  // term says its aliases explicitly, and its "/" is part of the name ("Pub/Sub" → "pub sub").
  if (term.source === 'listed') {
    const forms = termVariants(term.term)
    return { forms, aliasFrom: forms.length }
  }
  const main = term.term.replace(/[/_]/g, ' ')
  return { forms: [main, ...term.aliases], aliasFrom: 1 }
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
  const byFirstStem = new Map<string, { term: number; variant: TermVariant; alias: boolean }[]>()
  const byCompact = new Map<string, number[]>()
  const seen = new Set<string>()
  for (const keyTerm of questionKeyTerms(question)) {
    const term = keyTerm.term.trim()
    if (term.length === 0 || seen.has(term.toLowerCase())) continue
    seen.add(term.toLowerCase())
    const index = terms.length
    const variants: TermVariant[] = []
    const { forms, aliasFrom } = spokenForms(keyTerm)
    for (const [formIndex, text] of forms.entries()) {
      const tokens = phraseTokens(text)
      const first = tokens[0]
      if (!first) continue
      const variant = { stems: tokens.map((t) => t.stem), norms: tokens.map((t) => t.norm) }
      variants.push(variant)
      const list = byFirstStem.get(first.stem) ?? []
      list.push({ term: index, variant, alias: formIndex >= aliasFrom })
      byFirstStem.set(first.stem, list)
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
    terms.push({ term, source: keyTerm.source, weight: keyTerm.weight, variants, aliasFrom: Math.min(aliasFrom, variants.length), fuzzy })
  }
  const compactPrefixes = new Set<string>()
  for (const compact of byCompact.keys()) for (let i = 1; i <= compact.length; i += 1) compactPrefixes.add(compact.slice(0, i))
  const compiled = { terms, byFirstStem, byCompact, compactPrefixes }
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

/**
 * Which of the question's key terms the answer said, weighted: a defined concept counts more
 * than a tool named once in a diagram. With fewer than `fullWeightAt` terms the part keeps only
 * that share of its weight (`weightShare`), so one missing word cannot cost 20 points.
 */
export function matchKeyTerms(
  analysis: TranscriptAnalysis,
  lexicon: CompiledLexicon,
  question: Question,
  options: { fullWeightAt: number; coverageTarget: number } = { fullWeightAt: 4, coverageTarget: 6 }
): KeyTermCoverage {
  const compiled = compileKeyTerms(lexicon, question)
  const view = analysis.content
  const exact = new Array<Found | undefined>(compiled.terms.length)
  const joined = new Array<Found | undefined>(compiled.terms.length)

  for (let at = 0; at < view.length; at += 1) {
    const token = tokenAt(view, at)
    const sentence = token.sentence
    for (const { term, variant, alias } of compiled.byFirstStem.get(token.stem) ?? []) {
      if (exact[term]) continue
      const { stems, norms } = variant
      let ok = at + stems.length <= view.length
      let sameWords = true
      for (let k = 0; ok && k < stems.length; k += 1) {
        const other = tokenAt(view, at + k)
        ok = other.sentence === sentence && other.stem === stems[k]
        sameWords &&= other.norm === norms[k]
      }
      if (ok) exact[term] = { from: at, to: at + stems.length, how: alias ? 'alias' : sameWords ? 'exact' : 'stem' }
    }
    let compact = numberWords[token.norm] ?? token.norm.replace(/'/g, '')
    let spelled = isSpelledPart(token)
    for (let n = 2; n <= maxSpelledWords && at + n <= view.length && compiled.compactPrefixes.has(compact); n += 1) {
      const next = tokenAt(view, at + n - 1)
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
  const missing: MissingKeyTerm[] = []
  let coveredWeight = 0
  for (const [i, term] of compiled.terms.entries()) {
    const hit = found[i]
    if (!hit) {
      missing.push({ term: term.term, source: term.source, weight: term.weight })
      continue
    }
    coveredWeight += term.weight
    const evidence = spanEvidence(analysis, tokenAt(view, hit.from).index, tokenAt(view, hit.to - 1).index + 1)
    covered.push({
      term: term.term,
      source: term.source,
      weight: term.weight,
      heard: evidence.quote,
      how: hit.how,
      startChar: evidence.startChar,
      endChar: evidence.endChar,
      ...(evidence.startMs === undefined ? {} : { startMs: evidence.startMs })
    })
  }
  // Heaviest missing terms first: they are what coaching suggests.
  missing.sort((a, b) => b.weight - a.weight)
  const total = compiled.terms.length
  // Full coverage is the weight of the heaviest few terms, not of every name in a diagram.
  const target = compiled.terms
    .map((t) => t.weight)
    .sort((a, b) => b - a)
    .slice(0, options.coverageTarget)
    .reduce((sum, w) => sum + w, 0)
  return {
    covered,
    missing,
    ratio: target === 0 ? 0 : Math.round(Math.min(1, coveredWeight / target) * 1000) / 1000,
    weightShare: Math.round(Math.min(1, total / options.fullWeightAt) * 1000) / 1000
  }
}

function matchFuzzy(
  view: readonly Token[],
  lexicon: CompiledLexicon,
  targets: readonly { index: number; spelling: string; codes: readonly string[] }[],
  found: (Found | undefined)[]
): void {
  const codesMemo = new Map<string, readonly string[]>()
  const spellingMemo = new Map<string, string>()
  // Words already counted as one term are not re-heard as another.
  const taken = new Array<boolean>(view.length).fill(false)
  for (const hit of found) if (hit) for (let i = hit.from; i < hit.to; i += 1) taken[i] = true
  for (let at = 0; at < view.length; at += 1) {
    const first = tokenAt(view, at)
    if (taken[at]) continue
    // Short or everyday words never stand in for jargon: "like", "the", "parked".
    if (lexicon.stopwords.has(first.norm) || lexicon.fuzzyNever.has(first.norm) || /\d/.test(first.norm)) continue
    let raw = ''
    for (let n = 1; n <= fuzzyMaxWords && at + n <= view.length; n += 1) {
      const token = tokenAt(view, at + n - 1)
      if (token.sentence !== first.sentence || /\d/.test(token.norm) || taken[at + n - 1]) break
      // A misheard syllable may be a lone letter ("park a"), never a whole function word ("park the").
      if (n > 1 && token.norm.length > 1 && lexicon.stopwords.has(token.norm)) break
      raw += token.norm.replace(/'/g, '')
      if (n === 1 && first.norm.length < 4) continue
      let spelling = spellingMemo.get(raw)
      if (spelling === undefined) {
        spelling = simplifySpelling(raw)
        spellingMemo.set(raw, spelling)
      }
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
