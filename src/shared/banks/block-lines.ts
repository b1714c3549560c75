import { defined } from '../defined'

/** Character codes the line scan compares against. */
export const SPACE = 32
export const TAB = 9

/** Line starts and ends of `text` between `from` and `to` (ends exclude the newline). */
export class Lines {
  readonly starts: Int32Array
  readonly ends: Int32Array

  constructor(
    readonly text: string,
    from = 0,
    to = text.length
  ) {
    let count = 1
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++
    this.starts = new Int32Array(count)
    this.ends = new Int32Array(count)
    let start = from
    for (let k = 0; k < count; k++) {
      let end = k === count - 1 ? to : text.indexOf('\n', start)
      if (end === -1 || end > to) end = to
      this.starts[k] = start
      this.ends[k] = end
      start = end + 1
    }
  }

  get length(): number {
    return this.starts.length
  }

  /** Offset of line `k`'s first character; `k` must be a line of this scan. */
  start(k: number): number {
    return defined(this.starts[k], 'a scanned line start')
  }

  /** Offset just after line `k`'s last character; `k` must be a line of this scan. */
  end(k: number): number {
    return defined(this.ends[k], 'a scanned line end')
  }
}

export interface Indent {
  /** Columns of leading whitespace (a tab advances to the next multiple of 4). */
  columns: number
  /** Offset of the first non-whitespace character (or the line end). */
  offset: number
}

// One reused result: indentOf runs for nearly every line, and allocating there costs the scan
// most of its time in garbage collection on large banks. Callers read it before the next call.
const scratch: Indent = { columns: 0, offset: 0 }

export function indentOf(text: string, start: number, end: number): Indent {
  let columns = 0
  let i = start
  for (; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === SPACE) columns++
    else if (c === TAB) columns += 4 - (columns % 4)
    else break
  }
  scratch.columns = columns
  scratch.offset = i
  return scratch
}

export function copyIndent(ind: Indent): Indent {
  return { columns: ind.columns, offset: ind.offset }
}

/** Offset reached after skipping `columns` columns of indentation (tabs count to the next stop). */
export function skipColumns(text: string, start: number, end: number, columns: number): number {
  let col = 0
  let i = start
  while (i < end && col < columns) {
    const c = text.charCodeAt(i)
    if (c === SPACE) col++
    else if (c === TAB) col += 4 - (col % 4)
    else break
    i++
  }
  return i
}

export function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c !== SPACE && c !== TAB) return false
  }
  return true
}

/** Whether a character occurs in [start, end): bounded, where indexOf would search on. */
export function hasChar(text: string, code: number, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return true
  return false
}
