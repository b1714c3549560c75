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
    for (let i = start; i < endA; i++) ops.push({ op: 'removed', word: a[i]! })
    for (let j = start; j < endB; j++) ops.push({ op: 'added', word: b[j]! })
  } else {
    // lcs[i][j]: length of the LCS of a[start+i..endA) and b[start+j..endB).
    const width = cols + 1
    const lcs = new Uint32Array((rows + 1) * width)
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = cols - 1; j >= 0; j--) {
        lcs[i * width + j] = na[start + i] === nb[start + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < rows && j < cols) {
      if (na[start + i] === nb[start + j]) {
        ops.push({ op: 'same', word: b[start + j]! })
        i++
        j++
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
        ops.push({ op: 'removed', word: a[start + i]! })
        i++
      } else {
        ops.push({ op: 'added', word: b[start + j]! })
        j++
      }
    }
    for (; i < rows; i++) ops.push({ op: 'removed', word: a[start + i]! })
    for (; j < cols; j++) ops.push({ op: 'added', word: b[start + j]! })
  }
  for (let k = endB; k < b.length; k++) ops.push({ op: 'same', word: b[k]! })

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
