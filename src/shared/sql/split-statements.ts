import { isSignificant, tokenize, type Token } from './tokenize'

export interface SqlStatementSource {
  /** Offsets into the script (end exclusive), without the terminating `;`. */
  start: number
  end: number
  tokens: Token[]
}

export interface SplitScript {
  statements: SqlStatementSource[]
  /** The script ended statements with SQL*Plus `/` lines, which were taken as terminators. */
  usedSlashTerminators: boolean
}

/**
 * Splits a script at top-level `;` (and at SQL*Plus `/` lines, which Oracle scripts use to run
 * the buffer). Quotes, comments and dollar-quoted bodies never split. Empty statements (only
 * spaces or comments) are dropped.
 */
export function splitStatements(script: string): SplitScript {
  const tokens = tokenize(script)
  const statements: SqlStatementSource[] = []
  let usedSlashTerminators = false
  let current: Token[] = []
  const flush = () => {
    const first = current.findIndex(isSignificant)
    const last = current.findLastIndex(isSignificant)
    const kept = current.slice(first, last + 1)
    const [firstToken] = kept
    const lastToken = kept.at(-1)
    if (first !== -1 && firstToken && lastToken) statements.push({ start: firstToken.start, end: lastToken.end, tokens: kept })
    current = []
  }
  for (const token of tokens) {
    if (token.type === 'punct' && token.text === ';') {
      flush()
    } else if (token.type === 'op' && token.text === '/' && isAloneOnLine(script, token)) {
      usedSlashTerminators = true
      flush()
    } else {
      current.push(token)
    }
  }
  flush()
  return { statements, usedSlashTerminators }
}

function isAloneOnLine(script: string, token: Token): boolean {
  const lineStart = script.lastIndexOf('\n', token.start - 1) + 1
  const lineEnd = script.indexOf('\n', token.end)
  const line = script.slice(lineStart, lineEnd === -1 ? script.length : lineEnd)
  return line.trim() === '/'
}
