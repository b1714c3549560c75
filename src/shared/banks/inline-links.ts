/**
 * Where inline links end: `[label](destination "title")`, code-span runs inside labels, and GFM
 * autolink literals (`https://…`, `www.…`).
 */

export function literalAutolinkAt(src: string, i: number): boolean {
  const before = i > 0 ? src.charAt(i - 1) : ' '
  if (!/[\s*_~(]/.test(before)) return false
  return /^(?:https?:\/\/|www\.)[\p{L}\p{N}_-]/u.test(src.slice(i, i + 16))
}

export function literalAutolinkEnd(src: string, start: number): number {
  let end = start
  while (end < src.length && !/[\s<[\]]/.test(src.charAt(end))) end++
  // Trailing punctuation, and a ')' without its '(', are not part of the link.
  for (;;) {
    const last = src.charAt(end - 1)
    if (/[?!.,:*_~'"]/.test(last)) end--
    else if (last === ')' && count(src.slice(start, end), '(') < count(src.slice(start, end), ')')) end--
    else if (last === ';' && /&[A-Za-z0-9]+;$/.test(src.slice(start, end))) end = start + src.slice(start, end).lastIndexOf('&')
    else break
    if (end <= start) return start + 1
  }
  return end
}

function count(text: string, ch: string): number {
  let n = 0
  for (const c of text) if (c === ch) n++
  return n
}

export function findBacktickRun(src: string, from: number, length: number, to = src.length): number {
  let i = src.indexOf('`', from)
  while (i !== -1 && i < to) {
    let run = i
    while (run < to && src[run] === '`') run++
    if (run - i === length) return i
    i = src.indexOf('`', run)
  }
  return -1
}

/** `[label](destination "title")` starting at `open`; null when not an inline link. */
export function linkAt(src: string, open: number, to: number): { labelStart: number; labelEnd: number; url: string; end: number } | null {
  let depth = 0
  let close = -1
  for (let i = open; i < to; i++) {
    const c = src[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '`') {
      let run = i
      while (src[run] === '`') run++
      const end = findBacktickRun(src, run, run - i, to)
      if (end !== -1) i = end + (run - i) - 1
      else i = run - 1
      continue
    }
    if (c === '[') depth++
    else if (c === ']') {
      depth--
      if (depth === 0) {
        close = i
        break
      }
    }
  }
  if (close === -1) return null
  const labelStart = open + 1
  const labelEnd = close
  const next = src[close + 1]
  if (next === '(') {
    const dest = destinationAt(src, close + 2, to)
    if (!dest) return null
    return { labelStart, labelEnd, url: dest.url, end: dest.end }
  }
  // Reference links (`[text][ref]`) need a definition elsewhere in the file; titles are read
  // without one, so they stay text.
  return null
}

function destinationAt(src: string, from: number, to: number): { url: string; end: number } | null {
  src = src.slice(0, to)
  let i = from
  while (src[i] === ' ' || src[i] === '\t' || src[i] === '\n') i++
  let url = ''
  if (src[i] === '<') {
    const close = src.indexOf('>', i)
    if (close === -1) return null
    url = src.slice(i + 1, close)
    i = close + 1
  } else {
    let depth = 0
    const start = i
    while (i < src.length) {
      const c = src.charAt(i)
      if (c === '\\') {
        i += 2
        continue
      }
      if (c === '(') depth++
      else if (c === ')') {
        if (depth === 0) break
        depth--
      } else if (c === ' ' || c === '\t' || c === '\n') break
      i++
    }
    url = src.slice(start, i)
  }
  while (src[i] === ' ' || src[i] === '\t' || src[i] === '\n') i++
  const quote = src[i]
  if (quote === '"' || quote === "'" || quote === '(') {
    const closer = quote === '(' ? ')' : quote
    const close = src.indexOf(closer, i + 1)
    if (close === -1) return null
    i = close + 1
    while (src[i] === ' ' || src[i] === '\t' || src[i] === '\n') i++
  }
  if (src[i] !== ')') return null
  return { url, end: i + 1 }
}
