import type { DialectRuleId } from './dialect-rules'
import { depths, nextSignificant, significantIndices, splitInsertAll, translateTokens, type OutToken } from './oracle-rules'
import { splitStatements } from './split-statements'
import { isSignificant, isWord, type Token } from './tokenize'

export { dialectRules, oraclePrelude, type DialectRule, type DialectRuleId } from './dialect-rules'
export type { OutToken } from './oracle-rules'

/**
 * Oracle → PostgreSQL, for the constructs the built-in SQL bank (and a candidate who learned on
 * Oracle) uses. The engine is PostgreSQL (PGlite); the bank's setup scripts and answers were
 * written for Oracle. Every rule here is listed in `dialectRules` with what it does and why,
 * and has a unit test with a statement that fails on PostgreSQL untranslated
 * (src/backend/sql/dialect-rules.test.ts).
 *
 * Rules rewrite tokens, never raw text, so quotes and comments are never touched, and every
 * output character maps back to the character the candidate typed (`sourceOffsetOf`): an
 * error in a translated statement still points at the right line.
 */

/** Oracle constructs with no faithful rewrite: the candidate is told what to write instead. */
const unsupported: { test: (tokens: Token[], i: number) => boolean; note: string }[] = [
  {
    test: (t, i) => isWord(t[i], 'rownum'),
    note: 'ROWNUM is Oracle-only: use FETCH FIRST n ROWS ONLY (or LIMIT n), or row_number() over (…).'
  },
  {
    test: (t, i) => t[i]?.text === '(' && t[i + 1]?.text === '+' && t[i + 2]?.text === ')',
    note: 'The (+) outer-join marker is Oracle-only: write LEFT JOIN … ON ….'
  },
  {
    test: (t, i) => isWord(t[i], 'connect') && isWord(t[i + 1], 'by'),
    note: 'CONNECT BY is Oracle-only: write a recursive WITH instead.'
  },
  {
    test: (t, i) => isWord(t[i], 'pivot', 'unpivot') && t[i + 1]?.text === '(',
    note: 'PIVOT is Oracle-only: use conditional aggregation, e.g. sum(case when dept = 10 then sal end).'
  },
  {
    test: (t, i) => t[i]?.type === 'param',
    note: 'Bind variables such as :name cannot be filled in here: put a value in their place.'
  }
]

export interface TranslatedStatement {
  sql: string
  tokens: OutToken[]
  /** Source range of the statement in the script. */
  sourceStart: number
  sourceEnd: number
  /** SELECT, VALUES, TABLE or WITH … SELECT: run through a cursor, so the row limit holds. */
  returnsRows: boolean
}

export interface ScriptTranslation {
  statements: TranslatedStatement[]
  /** Rules that changed something, in the order first used. */
  rules: DialectRuleId[]
  /** Oracle constructs found that have no translation, each with what to write instead. */
  notes: string[]
}

export type ScriptRole = 'setup' | 'query'

/** Splits and translates a script. Setups lose their DROP TABLEs (rule drop-before-create). */
export function translateOracleScript(script: string, role: ScriptRole): ScriptTranslation {
  const { statements, usedSlashTerminators } = splitStatements(script)
  const rules = new Set<DialectRuleId>()
  const notes = new Set<string>()
  if (usedSlashTerminators) rules.add('sqlplus-slash')
  const out: TranslatedStatement[] = []
  for (const statement of statements) {
    const tokens: OutToken[] = statement.tokens.map((token) => ({ ...token, original: true }))
    const significant = tokens.filter(isSignificant)
    for (let i = 0; i < significant.length; i++) {
      for (const rule of unsupported) if (rule.test(significant, i)) notes.add(rule.note)
    }
    if (role === 'setup' && isWord(significant[0], 'drop') && isWord(significant[1], 'table')) {
      rules.add('drop-before-create')
      continue
    }
    const pieces = isWord(significant[0], 'insert') && isWord(significant[1], 'all') ? splitInsertAll(tokens, rules) : [tokens]
    for (const piece of pieces) {
      const translated = translateTokens(piece, rules)
      out.push({
        sql: translated.map((token) => token.text).join(''),
        tokens: translated,
        sourceStart: statement.start,
        sourceEnd: statement.end,
        returnsRows: returnsRows(translated)
      })
    }
  }
  if (/\bdual\b/i.test(script) && out.some((s) => s.tokens.some((t) => isWord(t, 'dual')))) rules.add('dual')
  if (out.some((s) => s.tokens.some((t, i) => isWord(t, 'trunc', 'add_months', 'last_day') && nextSignificant(s.tokens, i)?.text === '('))) {
    // Only worth naming when a date is involved; trunc(number) is PostgreSQL's own.
    if (/add_months|last_day|trunc\s*\(\s*(sysdate|current_date)/i.test(script)) rules.add('date-functions')
  }
  return { statements: out, rules: [...rules], notes: [...notes] }
}

/** The source offset of a character of translated SQL (0-based), for error positions. */
export function sourceOffsetOf(statement: TranslatedStatement, sqlOffset: number): number {
  let at = 0
  for (const token of statement.tokens) {
    const next = at + token.text.length
    if (sqlOffset < next) return token.original ? token.start + (sqlOffset - at) : token.start
    at = next
  }
  return statement.sourceEnd
}

/** SELECT-like statements (run through a cursor, so a row limit can stop them). */
function returnsRows(tokens: readonly Token[]): boolean {
  const level = depths(tokens)
  const sig = significantIndices(tokens)
  const [firstAt] = sig
  const first = firstAt === undefined ? undefined : tokens[firstAt]
  if (firstAt === undefined || !first) return false
  if (first.text === '(') return true
  if (isWord(first, 'select', 'values', 'table')) return true
  if (!isWord(first, 'with')) return false
  // WITH …: the first top-level verb after the CTE list decides.
  const verb = sig.find((i) => i > firstAt && level[i] === 0 && isWord(tokens[i], 'select', 'insert', 'update', 'delete', 'merge', 'values'))
  return verb !== undefined && isWord(tokens[verb], 'select', 'values')
}
