import { stemmer } from 'stemmer'
// The attribute lets plain Node ESM (the Playwright runner loads the bank parser) import it too.
import vocabularyJson from '../../../resources/key-term-vocabulary.json' with { type: 'json' }

/**
 * The words key terms are made of: stems and singulars for matching, and the vocabulary
 * (concepts, SQL constructs, words that are never terms) read once from resources/.
 */

interface Vocabulary {
  concepts: string[]
  sqlConstructs: Array<{ term: string; aliases: string[]; pattern: string }>
  neverTerms: string[]
  genericWords: string[]
}

const vocabulary = vocabularyJson as Vocabulary

const wordPattern = /[\p{L}\p{N}]+/gu
/** Bounded memo: banks repeat the same words, and stemming is the hot call here. Pure, so it cannot change a result. */
const stemMemo = new Map<string, string>()
export const stemOf = (word: string): string => {
  const lower = word.toLowerCase()
  let stem = stemMemo.get(lower)
  if (stem === undefined) {
    stem = stemmer(lower)
    if (stemMemo.size > 20_000) stemMemo.clear()
    stemMemo.set(lower, stem)
  }
  return stem
}
/** Identity of a term for de-duplication: "Partitions" and "partitioning" are one idea. */
export const keyOf = (text: string): string => [...text.matchAll(wordPattern)].map((m) => stemOf(m[0])).join(' ')
/**
 * Words as written, lower-cased, plural "s" dropped. Concepts are found by these rather than
 * by stems: the stem of "ordering" is "order", which every ORDER BY would otherwise match.
 */
const singular = (word: string): string => {
  const lower = word.toLowerCase()
  if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1)
  return lower
}
export const wordsOf = (text: string): string[] => [...text.matchAll(wordPattern)].map((m) => singular(m[0]))

interface VocabularyEntry {
  term: string
  aliases: string[]
  forms: string[][]
}

const conceptEntries: VocabularyEntry[] = vocabulary.concepts.map((line) => {
  // split gives at least one piece: the term is always there.
  const [term = '', ...aliases] = line.split('|').map((s) => s.trim())
  const forms = [term, ...aliases].map(wordsOf).filter((f) => f.length > 0)
  return { term, aliases, forms }
})
export const conceptsByFirstWord = new Map<string, Array<{ entry: VocabularyEntry; form: string[] }>>()
for (const entry of conceptEntries) {
  for (const form of entry.forms) {
    const [first] = form
    if (first === undefined) continue
    const list = conceptsByFirstWord.get(first) ?? []
    list.push({ entry, form })
    list.sort((a, b) => b.form.length - a.form.length)
    conceptsByFirstWord.set(first, list)
  }
}
export const conceptByWords = new Map<string, VocabularyEntry>()
for (const entry of conceptEntries) for (const form of entry.forms) conceptByWords.set(form.join(' '), entry)

export const sqlConstructs = vocabulary.sqlConstructs.map((c) => ({ ...c, regex: new RegExp(c.pattern, 'im') }))
export const neverTerms = new Set(vocabulary.neverTerms.map((t) => keyOf(t)))
export const genericWords = new Set([...vocabulary.genericWords, ...vocabulary.neverTerms].map((w) => stemOf(w)))
/** Labels that give advice or ask ("Choose Pandas when", "Avoid UDFs", "How to Preserve Order") are not names. */
export const adviceStart = /^(how|why|what|when|where|which|choose|use|avoid|start|measure|do|don'?t|never|always|not|keep|make|prefer|pick|ensure|consider|prevent)\b/i

/** Spoken forms of technology names that a listener would not hear as written. */
export const technologyAliases: Record<string, string[]> = {
  'Pub/Sub': ['pub sub', 'pubsub', 'google pub sub'],
  PostgreSQL: ['postgres'],
  S3: ['s three'],
  'Node.js': ['node'],
  Kubernetes: ['k8s'],
  'Delta Lake': ['delta'],
  'Apache Beam': ['beam']
}

