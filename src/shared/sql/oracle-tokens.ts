import { isSignificant, type Token } from './tokenize'

/** Helpers over token arrays for the Oracle rewrites (oracle-rules.ts): finding, matching and writing tokens. */

/** A token of translated SQL. `start`/`end` point at the source it came from or replaces. */
export interface OutToken extends Token {
  /** False for text a rule wrote: its source range is the construct it replaces. */
  original: boolean
}

// ——— helpers over token arrays ———

export function synthetic(text: string, at: Token): OutToken {
  return { type: 'word', text, start: at.start, end: at.end, original: false }
}

export function nextSignificantIndex(tokens: readonly Token[], from: number): number {
  for (let i = from + 1; i < tokens.length; i++) {
    const token = tokens[i]
    if (token && isSignificant(token)) return i
  }
  return -1
}

export function previousSignificantIndex(tokens: readonly Token[], from: number): number {
  for (let i = from - 1; i >= 0; i--) {
    const token = tokens[i]
    if (token && isSignificant(token)) return i
  }
  return -1
}

export function nextSignificant(tokens: readonly Token[], from: number): Token | undefined {
  return tokens[nextSignificantIndex(tokens, from)]
}

/** Indices of the tokens that are not space or comments. */
export function significantIndices(tokens: readonly Token[]): number[] {
  return tokens.flatMap((token, i) => (isSignificant(token) ? [i] : []))
}

/** Index of the `)` closing the `(` at `open`, or -1. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i]
    const text = token?.type === 'punct' ? token.text : ''
    if (text === '(') depth++
    else if (text === ')' && --depth === 0) return i
  }
  return -1
}

/** Paren depth before each token. */
export function depths(tokens: readonly Token[]): number[] {
  const result: number[] = []
  let depth = 0
  for (const token of tokens) {
    if (token.type === 'punct' && token.text === ')') depth--
    result.push(depth)
    if (token.type === 'punct' && token.text === '(') depth++
  }
  return result
}
