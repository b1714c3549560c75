/**
 * A small SQL lexer: enough of Oracle's and PostgreSQL's lexical rules to split scripts into
 * statements, rewrite Oracle constructs token by token, and map an error position back to the
 * line the candidate wrote. It never fails: text it does not recognise becomes an `other` token.
 */

export type TokenType =
  | 'word' // identifiers and keywords: letters, digits, _, $ and # (Oracle allows the last two)
  | 'quoted' // "Quoted Identifier"
  | 'string' // 'text', E'text', N'text', q'[text]'
  | 'dollar' // $tag$ body $tag$ (PostgreSQL)
  | 'number'
  | 'param' // :name (a bind variable)
  | 'op' // operators: = <> != <= >= || :: etc.
  | 'punct' // ( ) , ; .
  | 'comment' // -- line or /* block */
  | 'space'
  | 'other'

export interface Token {
  type: TokenType
  text: string
  /** Offsets into the text given to `tokenize` (end exclusive). */
  start: number
  end: number
}

const wordStart = /[A-Za-z_\u00C0-\uFFFF]/
const wordPart = /[A-Za-z0-9_$#\u00C0-\uFFFF]/
const opChars = '+-*/<>=~!@%^&|`?:'
const qQuoteClose: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>' }

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const push = (type: TokenType, end: number) => {
    tokens.push({ type, text: sql.slice(i, end), start: i, end })
    i = end
  }
  while (i < sql.length) {
    const c = sql.charAt(i)
    const next = sql[i + 1] ?? ''
    if (/\s/.test(c)) {
      push('space', runEnd(sql, i + 1, /\s/))
    } else if (c === '-' && next === '-') {
      const newline = sql.indexOf('\n', i)
      push('comment', newline === -1 ? sql.length : newline)
    } else if (c === '/' && next === '*') {
      push('comment', blockCommentEnd(sql, i))
    } else if ((c === 'q' || c === 'Q') && next === "'" && sql[i + 2]) {
      // Oracle's alternative quoting: q'[it's]'
      const open = sql.charAt(i + 2)
      const close = qQuoteClose[open] ?? open
      const endAt = sql.indexOf(close + "'", i + 3)
      push('string', endAt === -1 ? sql.length : endAt + 2)
    } else if ((c === 'e' || c === 'E') && next === "'") {
      push('string', escapeStringEnd(sql, i))
    } else if ((c === 'n' || c === 'N') && next === "'") {
      push('string', quotedEnd(sql, i + 1, "'"))
    } else if (c === "'") {
      push('string', quotedEnd(sql, i, "'"))
    } else if (c === '"') {
      push('quoted', quotedEnd(sql, i, '"'))
    } else if (c === '$' && /[A-Za-z_$]/.test(next)) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length)
        push('dollar', close === -1 ? sql.length : close + tag[0].length)
      } else push('other', i + 1)
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next))) {
      // Always matches: c is a digit, or a dot before one.
      const length = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(sql.slice(i))?.[0].length ?? 1
      push('number', i + length)
    } else if (wordStart.test(c)) {
      push('word', runEnd(sql, i + 1, wordPart))
    } else if (c === ':' && next !== ':' && wordStart.test(next) && sql[i - 1] !== ':') {
      push('param', runEnd(sql, i + 2, wordPart))
    } else if ('(),;.[]'.includes(c)) {
      push('punct', i + 1)
    } else if (opChars.includes(c)) {
      let end = i + 1
      // Two-character operators only: a longer run ("<>-1") must not swallow a unary minus.
      if (['<>', '<=', '>=', '!=', '||', '::', ':=', '=>', '^='].includes(sql.slice(i, i + 2))) end = i + 2
      push('op', end)
    } else {
      push('other', i + 1)
    }
  }
  return tokens
}

/** Where a run of characters matching `pattern`, from `from` on, ends. */
function runEnd(sql: string, from: number, pattern: RegExp): number {
  let end = from
  while (end < sql.length && pattern.test(sql.charAt(end))) end++
  return end
}

/** Where the block comment opening at `openAt` ends: PostgreSQL nests them; Oracle does not, but nesting never appears by accident. */
function blockCommentEnd(sql: string, openAt: number): number {
  let depth = 1
  let end = openAt + 2
  while (end < sql.length && depth > 0) {
    if (sql[end] === '/' && sql[end + 1] === '*') {
      depth++
      end += 2
    } else if (sql[end] === '*' && sql[end + 1] === '/') {
      depth--
      end += 2
    } else end++
  }
  return end
}

/** Where the PostgreSQL escape string (E'…') opening at `openAt` ends: a backslash escapes the next character. */
function escapeStringEnd(sql: string, openAt: number): number {
  let end = openAt + 2
  while (end < sql.length) {
    if (sql[end] === '\\') end += 2
    else if (sql[end] === "'" && sql[end + 1] === "'") end += 2
    else if (sql[end] === "'") {
      end++
      break
    } else end++
  }
  return Math.min(end, sql.length)
}

function quotedEnd(sql: string, openAt: number, quote: string): number {
  let end = openAt + 1
  while (end < sql.length) {
    if (sql[end] === quote && sql[end + 1] === quote) end += 2
    else if (sql[end] === quote) return end + 1
    else end++
  }
  return sql.length
}

/** Tokens that carry meaning (no spaces or comments). */
export function isSignificant(token: Token): boolean {
  return token.type !== 'space' && token.type !== 'comment'
}

/** Case-insensitive keyword test. */
export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.type === 'word' && words.includes(token.text.toLowerCase())
}

/** The 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 }
}
