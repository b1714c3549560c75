import { adviceStart, genericWords, stemOf } from './key-term-words'

/**
 * How a defined, emphasised or row label of a model answer is read (key-terms.ts): split into
 * the things it names, its acronym, and whether it is a name at all.
 */

/** Pieces of a label that names several things: "Flink over Spark Streaming", "Kafka = Pub/Sub". */
export function labelParts(label: string): string[] {
  return label
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+(?:over|vs\.?|versus|or|instead of|for|with|=)\s+|\s*[+=&]\s*/i)
    .map((part) => part.replace(/[\s:;,.!?]+$/, '').trim())
    .filter((part) => part.length > 0)
}

/** "Change Data Capture (CDC)": the acronym in brackets is another way to say the term. */
export function acronymAlias(label: string): string | null {
  return /\(([A-Z][A-Z0-9]{1,5})\)/.exec(label)?.[1] ?? null
}

export const acronymPattern = /^[A-Z][A-Z0-9]{1,5}s?$/

/**
 * Whether a defined or emphasised phrase that is neither a known technology nor a known concept
 * still names something: an acronym, or a short Title Case name ("Partition Overwrite"), never a
 * code identifier, a generic label ("Final Calculation"), advice ("Avoid UDFs") or an emphasised
 * clause ("two out of three").
 */
export function isNameLike(term: string): boolean {
  if (term.length < 2 || term.length > 40 || /[?.!]$/.test(term)) return false
  if (/[a-z][A-Z]|_|\d{3,}/.test(term) || adviceStart.test(term)) return false
  if (acronymPattern.test(term)) return true
  const words = term.split(/[\s-]+/).filter(Boolean)
  if (words.length === 0 || words.length > 4) return false
  // "Partition 1", "Shard A": an example's label, not a name.
  if (words.some((w) => /^(\d+|[A-Za-z])$/.test(w))) return false
  if (words.every((w) => genericWords.has(stemOf(w)))) return false
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || genericWords.has(stemOf(w)))
}
