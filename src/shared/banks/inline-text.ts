/**
 * Inline markdown of one line or heading → a small tree, and that tree → plain text. The block
 * scan needs titles as text (bold, links, code and entities resolved the way remark resolves
 * them, so ids stay what they were) without running remark over the whole bank. It follows
 * CommonMark's rules for code spans, escapes, entities, autolinks, raw HTML, links and images,
 * and emphasis (delimiter runs, flanking, the rule of three), plus GFM strikethrough. Input is
 * capped in length: it only ever sees single titles and lines.
 */
import { findBacktickRun, linkAt, literalAutolinkAt, literalAutolinkEnd } from './inline-links'
import { containsLink, plainText, type InlineNode } from './inline-words'

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
const autolinkPatterns = [autolinkPattern, emailAutolinkPattern]

/** Parses one line (or a heading's content) of inline markdown. */
export function parseInline(source: string): InlineNode[] {
  const text = source.length > maxInlineLength ? source.slice(0, maxInlineLength) : source
  return resolveEmphasis(tokenize(text, 0, text.length))
}

/** The tokenizer's state: tokens so far, literal text not yet pushed, and the read position. */
class Tokens {
  readonly items: Item[] = []
  buffer = ''
  i: number

  constructor(
    readonly src: string,
    from: number,
    readonly to: number
  ) {
    this.i = from
  }

  /** Pushes the literal text read so far (merged into a text token just before it). */
  flush(): void {
    if (!this.buffer) return
    const last = this.items[this.items.length - 1]
    if (last?.type === 'text') last.value += this.buffer
    else this.items.push({ type: 'text', value: this.buffer })
    this.buffer = ''
  }

  /** Takes `value` as literal text and reads on at `next`. */
  text(value: string, next: number): void {
    this.buffer += value
    this.i = next
  }

  /** Pushes a token after the text before it, and reads on at `next`. */
  push(item: Item, next: number): void {
    this.flush()
    this.items.push(item)
    this.i = next
  }
}

/** Tokens of `src` between `from` and `to`; flanking looks at the characters around the range. */
function tokenize(src: string, from: number, to: number): Item[] {
  const t = new Tokens(src, from, to)
  while (t.i < to) readToken(t, src.charAt(t.i))
  t.flush()
  return t.items
}

/** Reads what starts with `ch` at the tokenizer's position: markup, or one literal character. */
function readToken(t: Tokens, ch: string): void {
  switch (ch) {
    case '\\':
      return readEscape(t)
    case '`':
      return readCodeSpan(t)
    case '<':
      return readAngle(t)
    case '&':
      return readEntity(t)
    case '[':
      return readBracket(t, false)
    case '*':
    case '_':
    case '~':
      return readDelimiterRun(t, ch)
    case '\n':
      return readLineEnd(t)
  }
  if (ch === '!' && t.src[t.i + 1] === '[') return readBracket(t, true)
  if ((ch === 'h' || ch === 'w') && literalAutolinkAt(t.src, t.i)) {
    // GFM autolink literal: its characters are taken as they are (no escapes, no emphasis).
    const end = Math.min(t.to, literalAutolinkEnd(t.src, t.i))
    return t.text(t.src.slice(t.i, end), end)
  }
  t.text(ch, t.i + 1)
}

function readEscape(t: Tokens): void {
  const next = t.src[t.i + 1]
  if (next === '\n') return t.push({ type: 'break' }, t.i + 2)
  if (next !== undefined && asciiPunctuation.test(next)) return t.text(next, t.i + 2)
  t.text('\\', t.i + 1)
}

function readCodeSpan(t: Tokens): void {
  const { src, i, to } = t
  let run = i
  while (run < to && src[run] === '`') run++
  const length = run - i
  const close = findBacktickRun(src, run, length, to)
  if (close === -1) return t.text(src.slice(i, run), run)
  let value = src.slice(run, close).replace(/\n/g, ' ')
  if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1)
  t.push({ type: 'inlineCode', value }, close + length)
}

/** `<`: an autolink, raw HTML, or a literal character. */
function readAngle(t: Tokens): void {
  const { src, i, to } = t
  const rest = src.slice(i, Math.min(to, i + 2000))
  for (const pattern of autolinkPatterns) {
    const auto = pattern.exec(rest)
    const url = auto?.[1]
    if (auto && url !== undefined) {
      return t.push({ type: 'link', url, children: [{ type: 'text', value: url }], auto: true }, i + auto[0].length)
    }
  }
  const tag = htmlTagPattern.exec(rest)
  if (tag) return t.push({ type: 'html', value: tag[0] }, i + tag[0].length)
  t.text('<', i + 1)
}

function readEntity(t: Tokens): void {
  const { src, i, to } = t
  const entity = entityPattern.exec(src.slice(i, Math.min(to, i + 40)))
  const decoded = entity ? decodeEntity(entity) : null
  if (entity && decoded !== null) return t.text(decoded, i + entity[0].length)
  t.text('&', i + 1)
}

/** `[` or `![`: a link or an image when one is complete here, else literal text. */
function readBracket(t: Tokens, image: boolean): void {
  const { src, i, to } = t
  const link = linkAt(src, image ? i + 1 : i, to)
  // Links do not contain links: an outer bracket around one stays text.
  const label = link ? resolveEmphasis(tokenize(src, link.labelStart, link.labelEnd)) : null
  if (link && label && (image || !containsLink(label))) {
    const node: InlineNode = image ? { type: 'image', url: link.url, alt: plainText(label) } : { type: 'link', url: link.url, children: label }
    return t.push(node, link.end)
  }
  t.text(image ? '![' : '[', i + (image ? 2 : 1))
}

function readDelimiterRun(t: Tokens, ch: string): void {
  const { src, i, to } = t
  let run = i
  while (run < to && src[run] === ch) run++
  const count = run - i
  if (ch === '~' && count > 2) return t.text(src.slice(i, run), run)
  const before = i > 0 ? src.charAt(i - 1) : ' '
  const after = run < src.length ? src.charAt(run) : ' '
  const { left, right } = flanking(before, after)
  let canOpen = left
  let canClose = right
  if (ch === '_') {
    canOpen = left && (!right || isPunctuation(before))
    canClose = right && (!left || isPunctuation(after))
  }
  t.push({ type: 'delim', char: ch, start: i, count, canOpen, canClose }, run)
}

/** A newline: a hard break after two or more spaces, else a soft one (trailing spaces dropped). */
function readLineEnd(t: Tokens): void {
  const trailing = /( {2,})$/.exec(t.buffer)
  if (trailing) {
    t.buffer = t.buffer.slice(0, -trailing[0].length)
    return t.push({ type: 'break' }, t.i + 1)
  }
  t.buffer = t.buffer.replace(/ +$/, '') + '\n'
  t.i++
}

function decodeEntity(match: RegExpExecArray): string | null {
  const [, decimal, hex, name] = match
  const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : null
  if (code !== null) {
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
    return String.fromCodePoint(code)
  }
  return name !== undefined ? (namedEntities[name] ?? null) : null
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

/** CommonMark's "process emphasis", building strong / emphasis / delete nodes. */
function resolveEmphasis(input: Item[]): InlineNode[] {
  let items = input
  let c = 0
  while (c < items.length) {
    const closer = items[c]
    if (!closer || closer.type !== 'delim' || !closer.canClose || closer.count === 0) {
      c++
      continue
    }
    const opener = openerFor(items, c, closer)
    if (!opener) {
      c++
      continue
    }
    const { index, delim: o } = opener
    const use = closer.char === '~' ? closer.count : o.count >= 2 && closer.count >= 2 ? 2 : 1
    const type = closer.char === '~' ? 'delete' : use === 2 ? 'strong' : 'emphasis'
    // A closer gives up its first characters: the node ends where they end.
    const node: InlineNode = { type, children: finish(items.slice(index + 1, c)), end: closer.start + use }
    o.count -= use
    closer.count -= use
    closer.start += use
    const before = o.count > 0 ? items.slice(0, index + 1) : items.slice(0, index)
    const after = closer.count > 0 ? items.slice(c) : items.slice(c + 1)
    items = [...before, node, ...after]
    // Next: the same closer when characters are left, else the item after the node.
    c = before.length + 1
  }
  return finish(items)
}

/** The nearest delimiter before `c` that can open what `closer` closes, or null. */
function openerFor(items: readonly Item[], c: number, closer: Delimiter): { index: number; delim: Delimiter } | null {
  for (let j = c - 1; j >= 0; j--) {
    const o = items[j]
    if (!o || o.type !== 'delim' || o.char !== closer.char || !o.canOpen || o.count === 0) continue
    if (closer.char === '~' && o.count !== closer.count) continue
    // The rule of three, on the runs' remaining lengths as micromark applies it.
    if (closer.char !== '~' && (o.canClose || closer.canOpen) && closer.count % 3 !== 0 && (o.count + closer.count) % 3 === 0) {
      continue
    }
    return { index: j, delim: o }
  }
  return null
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
