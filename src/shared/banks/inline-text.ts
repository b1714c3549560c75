/**
 * Inline markdown of one line or heading → a small tree, and that tree → plain text. The block
 * scan needs titles as text (bold, links, code and entities resolved the way remark resolves
 * them, so ids stay what they were) without running remark over the whole bank. It follows
 * CommonMark's rules for code spans, escapes, entities, autolinks, raw HTML, links and images,
 * and emphasis (delimiter runs, flanking, the rule of three), plus GFM strikethrough. Input is
 * capped in length: it only ever sees single titles and lines.
 */

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'inlineCode'; value: string }
  | { type: 'html'; value: string }
  | { type: 'break' }
  | { type: 'link'; url: string; children: InlineNode[]; auto?: boolean }
  | { type: 'image'; url: string; alt: string }
  | { type: 'strong' | 'emphasis' | 'delete'; children: InlineNode[]; end?: number }

interface Delimiter {
  type: 'delim'
  char: string
  /** Offset of the run's first unused character. */
  start: number
  count: number
  canOpen: boolean
  canClose: boolean
}

type Item = InlineNode | Delimiter

export const maxInlineLength = 4000

const asciiPunctuation = /[!-/:-@[-`{-~]/
const unicodePunctuation = /[\p{P}\p{S}]/u
const unicodeWhitespace = /\s/u
const autolinkPattern = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/
const emailAutolinkPattern = /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/
const htmlTagPattern =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>)/
const entityPattern = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/
const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  times: '×', divide: '÷', rarr: '→', larr: '←', harr: '↔', rArr: '⇒', uarr: '↑', darr: '↓', middot: '·',
  bull: '•', deg: '°', plusmn: '±', le: '≤', ge: '≥', ne: '≠', iquest: '¿', iexcl: '¡', euro: '€', pound: '£'
}

/** Parses one line (or a heading's content) of inline markdown. */
export function parseInline(source: string): InlineNode[] {
  const text = source.length > maxInlineLength ? source.slice(0, maxInlineLength) : source
  return resolveEmphasis(tokenize(text, 0, text.length))
}

/** Tokens of `src` between `from` and `to`; flanking looks at the characters around the range. */
function tokenize(src: string, from: number, to: number): Item[] {
  const items: Item[] = []
  let buffer = ''
  const flush = (): void => {
    if (buffer) {
      const last = items[items.length - 1]
      if (last?.type === 'text') last.value += buffer
      else items.push({ type: 'text', value: buffer })
      buffer = ''
    }
  }
  let i = from
  while (i < to) {
    const ch = src[i]!
    if (ch === '\\') {
      const next = src[i + 1]
      if (next === '\n') {
        flush()
        items.push({ type: 'break' })
        i += 2
        continue
      }
      if (next !== undefined && asciiPunctuation.test(next)) {
        buffer += next
        i += 2
        continue
      }
      buffer += ch
      i++
      continue
    }
    if (ch === '`') {
      let run = i
      while (run < to && src[run] === '`') run++
      const length = run - i
      const close = findBacktickRun(src, run, length, to)
      if (close === -1) {
        buffer += src.slice(i, run)
        i = run
        continue
      }
      flush()
      let value = src.slice(run, close).replace(/\n/g, ' ')
      if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1)
      items.push({ type: 'inlineCode', value })
      i = close + length
      continue
    }
    if (ch === '<') {
      const rest = src.slice(i, Math.min(to, i + 2000))
      const auto = autolinkPattern.exec(rest) ?? emailAutolinkPattern.exec(rest)
      if (auto) {
        flush()
        items.push({ type: 'link', url: auto[1]!, children: [{ type: 'text', value: auto[1]! }], auto: true })
        i += auto[0].length
        continue
      }
      const tag = htmlTagPattern.exec(rest)
      if (tag) {
        flush()
        items.push({ type: 'html', value: tag[0] })
        i += tag[0].length
        continue
      }
      buffer += ch
      i++
      continue
    }
    if (ch === '&') {
      const entity = entityPattern.exec(src.slice(i, Math.min(to, i + 40)))
      const decoded = entity ? decodeEntity(entity) : null
      if (entity && decoded !== null) {
        buffer += decoded
        i += entity[0].length
        continue
      }
      buffer += ch
      i++
      continue
    }
    if (ch === '[' || (ch === '!' && src[i + 1] === '[')) {
      const image = ch === '!'
      const link = linkAt(src, image ? i + 1 : i, to)
      // Links do not contain links: an outer bracket around one stays text.
      const label = link ? resolveEmphasis(tokenize(src, link.labelStart, link.labelEnd)) : null
      if (link && label && (image || !containsLink(label))) {
        flush()
        if (image) items.push({ type: 'image', url: link.url, alt: plainText(label) })
        else items.push({ type: 'link', url: link.url, children: label })
        i = link.end
        continue
      }
      buffer += image ? '![' : '['
      i += image ? 2 : 1
      continue
    }
    if ((ch === 'h' || ch === 'w') && literalAutolinkAt(src, i)) {
      // GFM autolink literal: its characters are taken as they are (no escapes, no emphasis).
      const end = Math.min(to, literalAutolinkEnd(src, i))
      buffer += src.slice(i, end)
      i = end
      continue
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      let run = i
      while (run < to && src[run] === ch) run++
      const count = run - i
      if (ch === '~' && count > 2) {
        buffer += src.slice(i, run)
        i = run
        continue
      }
      flush()
      const before = i > 0 ? src[i - 1]! : ' '
      const after = run < src.length ? src[run]! : ' '
      const { left, right } = flanking(before, after)
      let canOpen = left
      let canClose = right
      if (ch === '_') {
        canOpen = left && (!right || isPunctuation(before))
        canClose = right && (!left || isPunctuation(after))
      }
      items.push({ type: 'delim', char: ch, start: i, count, canOpen, canClose })
      i = run
      continue
    }
    if (ch === '\n') {
      const trailing = /( {2,})$/.exec(buffer)
      if (trailing) {
        buffer = buffer.slice(0, -trailing[1]!.length)
        flush()
        items.push({ type: 'break' })
      } else {
        buffer = buffer.replace(/ +$/, '') + '\n'
      }
      i++
      continue
    }
    buffer += ch
    i++
  }
  flush()
  return items
}

function literalAutolinkAt(src: string, i: number): boolean {
  const before = i > 0 ? src[i - 1]! : ' '
  if (!/[\s*_~(]/.test(before)) return false
  return /^(?:https?:\/\/|www\.)[\p{L}\p{N}_-]/u.test(src.slice(i, i + 16))
}

function literalAutolinkEnd(src: string, start: number): number {
  let end = start
  while (end < src.length && !/[\s<[\]]/.test(src[end]!)) end++
  // Trailing punctuation, and a ')' without its '(', are not part of the link.
  for (;;) {
    const last = src[end - 1]!
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

function findBacktickRun(src: string, from: number, length: number, to = src.length): number {
  let i = src.indexOf('`', from)
  while (i !== -1 && i < to) {
    let run = i
    while (run < to && src[run] === '`') run++
    if (run - i === length) return i
    i = src.indexOf('`', run)
  }
  return -1
}

function containsLink(nodes: readonly InlineNode[]): boolean {
  return nodes.some((n) => (n.type === 'link' && !n.auto) || ((n.type === 'strong' || n.type === 'emphasis' || n.type === 'delete') && containsLink(n.children)))
}

function decodeEntity(match: RegExpExecArray): string | null {
  if (match[1] !== undefined || match[2] !== undefined) {
    const code = match[1] !== undefined ? Number(match[1]) : Number.parseInt(match[2]!, 16)
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
    return String.fromCodePoint(code)
  }
  return namedEntities[match[3]!] ?? null
}

function isPunctuation(ch: string): boolean {
  return unicodePunctuation.test(ch)
}

function flanking(before: string, after: string): { left: boolean; right: boolean } {
  const afterSpace = unicodeWhitespace.test(after)
  const beforeSpace = unicodeWhitespace.test(before)
  const afterPunct = isPunctuation(after)
  const beforePunct = isPunctuation(before)
  const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
  const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
  return { left, right }
}

/** `[label](destination "title")` starting at `open`; null when not an inline link. */
function linkAt(src: string, open: number, to: number): { labelStart: number; labelEnd: number; url: string; end: number } | null {
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
      const c = src[i]!
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

/** CommonMark's "process emphasis", building strong / emphasis / delete nodes. */
function resolveEmphasis(input: Item[]): InlineNode[] {
  let items = input
  let c = 0
  while (c < items.length) {
    const closer = items[c]!
    if (closer.type !== 'delim' || !closer.canClose || closer.count === 0) {
      c++
      continue
    }
    let opener = -1
    for (let j = c - 1; j >= 0; j--) {
      const o = items[j]!
      if (o.type !== 'delim' || o.char !== closer.char || !o.canOpen || o.count === 0) continue
      if (closer.char === '~' && o.count !== closer.count) continue
      // The rule of three, on the runs' remaining lengths as micromark applies it.
      if (closer.char !== '~' && (o.canClose || closer.canOpen) && closer.count % 3 !== 0 && (o.count + closer.count) % 3 === 0) {
        continue
      }
      opener = j
      break
    }
    if (opener === -1) {
      c++
      continue
    }
    const o = items[opener] as Delimiter
    const use = closer.char === '~' ? closer.count : o.count >= 2 && closer.count >= 2 ? 2 : 1
    const type = closer.char === '~' ? 'delete' : use === 2 ? 'strong' : 'emphasis'
    // A closer gives up its first characters: the node ends where they end.
    const node: InlineNode = { type, children: finish(items.slice(opener + 1, c)), end: closer.start + use }
    o.count -= use
    closer.count -= use
    closer.start += use
    const before = o.count > 0 ? items.slice(0, opener + 1) : items.slice(0, opener)
    const after = closer.count > 0 ? items.slice(c) : items.slice(c + 1)
    items = [...before, node, ...after]
    // Next: the same closer when characters are left, else the item after the node.
    c = before.length + 1
  }
  return finish(items)
}

/** Unused delimiters become text again; adjacent texts merge. */
function finish(items: Item[]): InlineNode[] {
  const out: InlineNode[] = []
  for (const item of items) {
    const node: InlineNode = item.type === 'delim' ? { type: 'text', value: item.char.repeat(item.count) } : item
    if (node.type === 'text') {
      if (node.value === '') continue
      const last = out[out.length - 1]
      if (last?.type === 'text') {
        out[out.length - 1] = { type: 'text', value: last.value + node.value }
        continue
      }
    }
    out.push(node)
  }
  return out
}

/** Text as mdast-util-to-string gives it: HTML kept, image alt kept, breaks empty. */
export function plainText(nodes: readonly InlineNode[]): string {
  let out = ''
  for (const node of nodes) out += nodeText(node)
  return out
}

function nodeText(node: InlineNode): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value
    case 'break':
      return ''
    case 'image':
      return node.alt
    default:
      return plainText(node.children)
  }
}

/**
 * A heading's words: "back to index" links that carry no words (`[↩️](#index)`), raw HTML
 * and images at its top level are left out.
 */
export function headingWords(nodes: readonly InlineNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'link' && node.url.startsWith('#') && !/[\p{L}\p{N}]/u.test(plainText(node.children))) continue
    if (node.type === 'html' || node.type === 'image') continue
    out += nodeText(node)
  }
  return out
}

/** Text for a title: raw HTML and images dropped everywhere, not only at the top. */
export function titleWords(nodes: readonly InlineNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'html' || node.type === 'image') continue
    if (node.type === 'link' && node.url.startsWith('#') && !/[\p{L}\p{N}]/u.test(plainText(node.children))) continue
    out += node.type === 'link' || node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete' ? titleWords(node.children) : nodeText(node)
  }
  return out
}

function meaningful(nodes: readonly InlineNode[]): InlineNode[] {
  return nodes.filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'break' && !(n.type === 'html' && isBreakTag(n.value)))
}

export function isBreakTag(html: string): boolean {
  return /^<\/?(br|hr|p)\s*\/?>$/i.test(html.trim())
}

/** The strong run that is all of a line's content (a bold pseudo-heading), or null. */
export function strongOnly(nodes: readonly InlineNode[]): InlineNode[] | null {
  const parts = meaningful(nodes)
  if (parts.length !== 1 || parts[0]!.type !== 'strong') return null
  return parts[0]!.children
}

/** A strong run that opens the line, what follows it, and the offset where that begins. */
export function leadingStrong(nodes: readonly InlineNode[]): { strong: InlineNode[]; rest: InlineNode[]; restOffset: number } | null {
  let i = 0
  while (i < nodes.length && nodes[i]!.type === 'text' && (nodes[i] as { value: string }).value.trim() === '') i++
  const first = nodes[i]
  if (first?.type !== 'strong') return null
  return { strong: first.children, rest: nodes.slice(i + 1), restOffset: first.end ?? 0 }
}

/** The one link that is all of a line's content, or null. */
export function linkOnly(nodes: readonly InlineNode[]): { url: string; text: string } | null {
  let parts = meaningful(nodes)
  // "**[Title](url)**" is still only a link.
  while (parts.length === 1 && (parts[0]!.type === 'strong' || parts[0]!.type === 'emphasis')) parts = meaningful((parts[0] as { children: InlineNode[] }).children)
  if (parts.length !== 1 || parts[0]!.type !== 'link') return null
  return { url: parts[0]!.url, text: plainText(parts[0]!.children) }
}
