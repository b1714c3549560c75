import { defined } from '../defined'

/**
 * A word diff of two transcripts (earlier → later attempt): which words the later one dropped,
 * added or kept. Words compare case- and punctuation-insensitively ("Kafka," equals "kafka"),
 * but each part keeps the words as written. Longest common subsequence on the words between
 * the common prefix and suffix; past `maxCells` (two very long answers) the middle is shown as
 * one removal and one addition rather than spending seconds on it.
 */
export type DiffOp = 'same' | 'removed' | 'added'
export interface DiffPart {
  op: DiffOp
  /** The words of this part, joined by single spaces. */
  text: string
}

const tokenize = (text: string): string[] => text.split(/\s+/).filter(Boolean)
const normalize = (word: string): string => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')

export function wordDiff(before: string, after: string, maxCells = 4_000_000): DiffPart[] {
  const a = tokenize(before)
  const b = tokenize(after)
  const na = a.map(normalize)
  const nb = b.map(normalize)
  let start = 0
  while (start < a.length && start < b.length && na[start] === nb[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && na[endA - 1] === nb[endB - 1]) {
    endA--
    endB--
  }
  const ops: Array<{ op: DiffOp; word: string }> = a.slice(0, start).map((word) => ({ op: 'same', word }))
  const rows = endA - start
  const cols = endB - start
  if (rows * cols > maxCells) {
    for (const word of a.slice(start, endA)) ops.push({ op: 'removed', word })
    for (const word of b.slice(start, endB)) ops.push({ op: 'added', word })
  } else {
    // lcs[i][j]: length of the LCS of a[start+i..endA) and b[start+j..endB).
    const width = cols + 1
    const lcs = new Uint32Array((rows + 1) * width)
    // Past the last row or column the LCS of an empty suffix is 0.
    const cell = (i: number, j: number): number => lcs[i * width + j] ?? 0
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = cols - 1; j >= 0; j--) {
        lcs[i * width + j] = na[start + i] === nb[start + j] ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1))
      }
    }
    let i = 0
    let j = 0
    while (i < rows && j < cols) {
      if (na[start + i] === nb[start + j]) {
        ops.push({ op: 'same', word: wordAt(b, start + j) })
        i++
        j++
      } else if (cell(i + 1, j) >= cell(i, j + 1)) {
        ops.push({ op: 'removed', word: wordAt(a, start + i) })
        i++
      } else {
        ops.push({ op: 'added', word: wordAt(b, start + j) })
        j++
      }
    }
    for (const word of a.slice(start + i, endA)) ops.push({ op: 'removed', word })
    for (const word of b.slice(start + j, endB)) ops.push({ op: 'added', word })
  }
  for (const word of b.slice(endB)) ops.push({ op: 'same', word })

  const parts: DiffPart[] = []
  for (const { op, word } of ops) {
    const last = parts.at(-1)
    if (last && last.op === op) last.text += ` ${word}`
    else parts.push({ op, text: word })
  }
  return parts
}

/** Words kept, dropped and added: the one-line summary above the diff. */
export function diffStats(parts: readonly DiffPart[]): Record<DiffOp, number> {
  const stats: Record<DiffOp, number> = { same: 0, removed: 0, added: 0 }
  for (const part of parts) stats[part.op] += part.text.split(' ').length
  return stats
}

/** A word at an index the diff's own bounds keep in range. */
function wordAt(words: readonly string[], at: number): string {
  return defined(words[at], `word ${at} of ${words.length}`)
}

