import { splitStatements } from './split-statements'
import { isSignificant, isWord, type Token } from './tokenize'

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

export type DialectRuleId =
  | 'drop-before-create'
  | 'sqlplus-slash'
  | 'insert-all'
  | 'varchar2'
  | 'number-type'
  | 'identity-number'
  | 'recursive-with'
  | 'nvl'
  | 'decode'
  | 'sysdate'
  | 'minus'
  | 'merge-where'
  | 'dual'
  | 'date-functions'

export interface DialectRule {
  id: DialectRuleId
  oracle: string
  postgres: string
  why: string
}

/** The documentation of every rule (shown in the drill's "Dialect" help and the README). */
export const dialectRules: readonly DialectRule[] = [
  {
    id: 'drop-before-create',
    oracle: 'drop table dist; create table dist (…)',
    postgres: '(the DROP is left out of setup scripts)',
    why: 'Every run starts from an empty database, so a DROP in a setup can only fail (the table is not there yet) or undo the setup (one bank script drops its tables after creating them).'
  },
  {
    id: 'sqlplus-slash',
    oracle: 'a line holding only /',
    postgres: 'a statement end',
    why: 'SQL*Plus runs its buffer on a lone slash; PostgreSQL reads it as a division.'
  },
  {
    id: 'insert-all',
    oracle: 'insert all into t values (…) into t values (…) select 1 from dual',
    postgres: 'one INSERT per INTO clause',
    why: 'PostgreSQL has no multi-table INSERT ALL.'
  },
  {
    id: 'varchar2',
    oracle: 'varchar2(50), nvarchar2(50 char)',
    postgres: 'varchar(50)',
    why: 'PostgreSQL has no VARCHAR2; length semantics (BYTE/CHAR) do not exist there.'
  },
  {
    id: 'number-type',
    oracle: 'number, number(10,2)',
    postgres: 'numeric, numeric(10,2)',
    why: 'PostgreSQL has no NUMBER type; NUMERIC keeps Oracle’s exact decimal arithmetic (7/2 = 3.5).'
  },
  {
    id: 'identity-number',
    oracle: 'id number generated always as identity',
    postgres: 'id integer generated always as identity',
    why: 'PostgreSQL identity columns must be an integer type.'
  },
  {
    id: 'recursive-with',
    oracle: 'with t(n) as (select 1 from dual union all select n+1 from t where n < 25)',
    postgres: 'with recursive t(n) as (…)',
    why: 'Oracle recognises a recursive WITH by its self-reference (with a column list); PostgreSQL needs the RECURSIVE keyword.'
  },
  { id: 'nvl', oracle: 'nvl(a, b)', postgres: 'coalesce(a, b)', why: 'PostgreSQL has no NVL.' },
  {
    id: 'decode',
    oracle: 'decode(x, 1, ‘one’, 2, ‘two’, ‘many’)',
    postgres: 'case when x is not distinct from 1 then ‘one’ … else ‘many’ end',
    why: 'PostgreSQL’s decode() decodes binary text; Oracle’s DECODE is a CASE in which NULL matches NULL.'
  },
  {
    id: 'sysdate',
    oracle: 'sysdate, systimestamp',
    postgres: 'current_date, current_timestamp',
    why: 'PostgreSQL has neither. SYSDATE becomes today’s date: the time of day is dropped, which is what the bank’s uses (trunc(sysdate), sysdate - 1) need.'
  },
  { id: 'minus', oracle: 'select … minus select …', postgres: 'select … except select …', why: 'PostgreSQL spells the set difference EXCEPT.' },
  {
    id: 'merge-where',
    oracle: 'merge … when matched then update set d.c = … where cond when not matched then insert … where cond',
    postgres: 'merge … when matched and cond then update set c = … when not matched and cond then insert …',
    why: 'PostgreSQL puts a MERGE action’s condition after WHEN … AND, and its SET targets cannot be qualified.'
  },
  {
    id: 'dual',
    oracle: 'select 1 from dual',
    postgres: '(every database has a one-row table dual(dummy) holding ‘X’)',
    why: 'Oracle’s one-row table does not exist in PostgreSQL.'
  },
  {
    id: 'date-functions',
    oracle: 'trunc(date), trunc(date, ‘YYYY’), add_months(d, n), last_day(d)',
    postgres: '(functions of the same names are created in every database)',
    why: 'PostgreSQL’s trunc() takes numbers only, and it has no ADD_MONTHS or LAST_DAY.'
  }
]

/**
 * SQL run in every fresh database before the setup: the Oracle objects PostgreSQL lacks
 * (rules `dual` and `date-functions`).
 */
export const oraclePrelude = `
create table dual (dummy varchar(1));
insert into dual values ('X');
create function trunc(d date) returns date language sql immutable as 'select d';
create function trunc(d timestamp) returns date language sql immutable as 'select d::date';
create function trunc(d date, fmt text) returns date language sql immutable as $$
  select case upper(fmt)
    when 'YYYY' then date_trunc('year', d)::date when 'YEAR' then date_trunc('year', d)::date
    when 'Q' then date_trunc('quarter', d)::date
    when 'MM' then date_trunc('month', d)::date when 'MON' then date_trunc('month', d)::date when 'MONTH' then date_trunc('month', d)::date
    when 'IW' then date_trunc('week', d)::date
    else d end $$;
create function add_months(d date, n numeric) returns date language sql immutable as 'select (d + make_interval(months => n::int))::date';
create function last_day(d date) returns date language sql immutable as $$ select (date_trunc('month', d) + interval '1 month - 1 day')::date $$;
`

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

/** A token of translated SQL. `start`/`end` point at the source it came from or replaces. */
export interface OutToken extends Token {
  /** False for text a rule wrote: its source range is the construct it replaces. */
  original: boolean
}

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

function translateTokens(input: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  let tokens = input
  tokens = renameTypes(tokens, rules)
  tokens = addRecursive(tokens, rules)
  tokens = replaceFunctions(tokens, rules)
  tokens = rewriteDecode(tokens, rules)
  if (isWord(tokens.find(isSignificant), 'merge')) tokens = rewriteMerge(tokens, rules)
  return tokens
}

// ——— helpers over token arrays ———

function synthetic(text: string, at: Token): OutToken {
  return { type: 'word', text, start: at.start, end: at.end, original: false }
}

function nextSignificantIndex(tokens: readonly Token[], from: number): number {
  for (let i = from + 1; i < tokens.length; i++) if (isSignificant(tokens[i]!)) return i
  return -1
}

function previousSignificantIndex(tokens: readonly Token[], from: number): number {
  for (let i = from - 1; i >= 0; i--) if (isSignificant(tokens[i]!)) return i
  return -1
}

function nextSignificant(tokens: readonly Token[], from: number): Token | undefined {
  return tokens[nextSignificantIndex(tokens, from)]
}

/** Index of the `)` closing the `(` at `open`, or -1. */
function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i]!.type === 'punct' ? tokens[i]!.text : ''
    if (text === '(') depth++
    else if (text === ')' && --depth === 0) return i
  }
  return -1
}

/** Paren depth before each token. */
function depths(tokens: readonly Token[]): number[] {
  const result: number[] = []
  let depth = 0
  for (const token of tokens) {
    if (token.type === 'punct' && token.text === ')') depth--
    result.push(depth)
    if (token.type === 'punct' && token.text === '(') depth++
  }
  return result
}

/** Clause keywords: a word after one of these is not a column name, so NUMBER after it is not a type. */
const notAColumnName = new Set([
  'select', 'from', 'where', 'and', 'or', 'not', 'by', 'on', 'as', 'table', 'create', 'alter', 'add', 'modify',
  'column', 'set', 'into', 'values', 'when', 'then', 'else', 'case', 'is', 'in', 'using', 'default', 'returning'
])

// ——— rules ———

/** varchar2, number, identity columns. */
function renameTypes(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  const first = tokens.find(isSignificant)
  const second = first ? nextSignificant(tokens, tokens.indexOf(first)) : undefined
  const ddl = isWord(first, 'create', 'alter') && (isWord(second, 'table') || isWord(second, 'global') || isWord(second, 'temporary'))
  const out = [...tokens]
  const openers: (Token | undefined)[] = []
  for (let i = 0; i < out.length; i++) {
    const token = out[i]!
    if (token.type === 'punct' && token.text === '(') openers.push(out[previousSignificantIndex(out, i)])
    if (token.type === 'punct' && token.text === ')') openers.pop()
    if (isWord(token, 'varchar2', 'nvarchar2')) {
      rules.add('varchar2')
      out[i] = synthetic('varchar', token)
      const open = nextSignificantIndex(out, i)
      if (out[open]?.text === '(') {
        const close = closingParen(out, open)
        for (let j = close - 1; j > open; j--) {
          if (isWord(out[j], 'byte', 'char')) out.splice(j, 1, synthetic('', out[j]!))
        }
      }
      continue
    }
    if (!isWord(token, 'number')) continue
    const previous = out[previousSignificantIndex(out, i)]
    const afterColumnName =
      ddl && (previous?.type === 'quoted' || (previous?.type === 'word' && !notAColumnName.has(previous.text.toLowerCase())))
    const inCast = (isWord(previous, 'as') && isWord(openers.at(-1), 'cast')) || previous?.text === '::'
    if (!afterColumnName && !inCast) continue
    // number(p, s) keeps its precision; an identity column needs an integer type.
    let end = i
    const open = nextSignificantIndex(out, i)
    if (out[open]?.text === '(') end = closingParen(out, open)
    if (isWord(nextSignificant(out, end), 'generated')) {
      rules.add('identity-number')
      out.splice(i, end - i + 1, synthetic('integer', token))
    } else {
      rules.add('number-type')
      out[i] = synthetic('numeric', token)
    }
  }
  return out
}

/** WITH whose CTE refers to itself gets RECURSIVE. */
function addRecursive(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  const out = [...tokens]
  for (let i = 0; i < out.length; i++) {
    if (!isWord(out[i], 'with')) continue
    const after = nextSignificantIndex(out, i)
    if (isWord(out[after], 'recursive')) continue
    let at = after
    let recursive = false
    let isCteList = false
    // name [(cols)] as [not] [materialized] ( body ) [, …]
    while (at !== -1 && (out[at]!.type === 'word' || out[at]!.type === 'quoted')) {
      const name = out[at]!.type === 'quoted' ? out[at]!.text.slice(1, -1) : out[at]!.text.toLowerCase()
      let k = nextSignificantIndex(out, at)
      // Oracle treats a WITH as recursive only when it has a column list (ORA-32039 otherwise):
      // without one, `with orders as (select * from orders)` reads the table orders.
      const hasColumnList = out[k]?.text === '('
      if (hasColumnList) k = nextSignificantIndex(out, closingParen(out, k))
      if (!isWord(out[k], 'as')) break
      k = nextSignificantIndex(out, k)
      if (isWord(out[k], 'not')) k = nextSignificantIndex(out, k)
      if (isWord(out[k], 'materialized')) k = nextSignificantIndex(out, k)
      if (out[k]?.text !== '(') break
      const close = closingParen(out, k)
      if (close === -1) break
      isCteList = true
      for (let j = k + 1; j < close; j++) {
        const t = out[j]!
        const mentionsItself = (t.type === 'word' && t.text.toLowerCase() === name) || (t.type === 'quoted' && t.text.slice(1, -1) === name)
        if (mentionsItself && hasColumnList) recursive = true
      }
      const comma = nextSignificantIndex(out, close)
      if (out[comma]?.text !== ',') break
      at = nextSignificantIndex(out, comma)
    }
    if (isCteList && recursive) {
      rules.add('recursive-with')
      out.splice(i + 1, 0, synthetic(' recursive', out[i]!))
    }
  }
  return out
}

/** nvl → coalesce, sysdate → current_date, minus → except. */
function replaceFunctions(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  return tokens.map((token, i) => {
    if (token.type !== 'word') return token
    const word = token.text.toLowerCase()
    const next = nextSignificant(tokens, i)
    const previous = tokens[previousSignificantIndex(tokens, i)]
    if (previous?.text === '.') return token
    if (word === 'nvl' && next?.text === '(') {
      rules.add('nvl')
      return synthetic('coalesce', token)
    }
    if ((word === 'sysdate' || word === 'systimestamp') && next?.text !== '(') {
      rules.add('sysdate')
      return synthetic(word === 'sysdate' ? 'current_date' : 'current_timestamp', token)
    }
    if (word === 'minus' && (isWord(next, 'select', 'all') || next?.text === '(')) {
      rules.add('minus')
      return synthetic('except', token)
    }
    return token
  })
}

/** Top-level comma-separated arguments between `open` and its closing paren. */
function argumentsOf(tokens: OutToken[], open: number): { args: OutToken[][]; close: number } {
  const close = closingParen(tokens, open)
  const args: OutToken[][] = [[]]
  let depth = 0
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]!
    if (t.type === 'punct' && t.text === '(') depth++
    if (t.type === 'punct' && t.text === ')') depth--
    if (depth === 0 && t.type === 'punct' && t.text === ',') args.push([])
    else args.at(-1)!.push(t)
  }
  return { args, close }
}

/** decode(x, a, r, …, default) → CASE (three or more arguments: two are PostgreSQL's decode). */
function rewriteDecode(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  const out = [...tokens]
  for (let i = out.length - 1; i >= 0; i--) {
    if (!isWord(out[i], 'decode')) continue
    const open = nextSignificantIndex(out, i)
    if (out[open]?.text !== '(') continue
    const { args, close } = argumentsOf(out, open)
    if (close === -1 || args.length < 3) continue
    rules.add('decode')
    const at = out[i]!
    const [subject, ...rest] = args
    const built: OutToken[] = [synthetic('case', at)]
    for (let k = 0; k + 1 < rest.length; k += 2) {
      built.push(synthetic(' when (', at), ...subject!, synthetic(') is not distinct from (', at), ...rest[k]!, synthetic(') then ', at), ...rest[k + 1]!)
    }
    if (rest.length % 2 === 1) built.push(synthetic(' else ', at), ...rest.at(-1)!)
    built.push(synthetic(' end', at))
    out.splice(i, close - i + 1, ...built)
  }
  return out
}

/** Oracle MERGE's trailing WHERE on an action → PostgreSQL's WHEN … AND; unqualified SET targets. */
function rewriteMerge(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  let out = [...tokens]
  const level = depths(out)
  const sig = out.map((t, i) => i).filter((i) => isSignificant(out[i]!))
  // merge into <target> [alias]
  const targetNames = new Set<string>()
  const intoAt = sig.findIndex((i) => isWord(out[i], 'into'))
  if (intoAt !== -1) {
    const name = out[sig[intoAt + 1]!]
    const alias = out[sig[intoAt + 2]!]
    if (name) targetNames.add(name.text.toLowerCase())
    if (alias?.type === 'word' && !isWord(alias, 'using')) targetNames.add(alias.text.toLowerCase())
  }
  const whens = sig.filter((i) => level[i] === 0 && isWord(out[i], 'when'))
  let changed = false
  // Work from the last clause back, so earlier indices stay valid.
  for (let w = whens.length - 1; w >= 0; w--) {
    const start = whens[w]!
    const end = w + 1 < whens.length ? whens[w + 1]! : out.length
    const clause = sig.filter((i) => i > start && i < end)
    const thenAt = clause.find((i) => isWord(out[i], 'then'))
    if (thenAt === undefined) continue
    const action = out[nextSignificantIndex(out, thenAt)]
    if (isWord(action, 'update')) {
      // Unqualify SET targets: d.exp_dt = … → exp_dt = …
      const setAt = clause.find((i) => i > thenAt && isWord(out[i], 'set'))
      if (setAt !== undefined) {
        for (const i of clause.filter((k) => k > setAt && level[k] === 0)) {
          const dot = nextSignificantIndex(out, i)
          const column = nextSignificantIndex(out, dot)
          const equals = nextSignificantIndex(out, column)
          const previous = out[previousSignificantIndex(out, i)]
          const startsTarget = previous === out[setAt] || previous?.text === ','
          if (startsTarget && out[dot]?.text === '.' && out[equals]?.text === '=' && targetNames.has(out[i]!.text.toLowerCase())) {
            for (let k = i; k <= dot; k++) out[k] = synthetic('', out[k]!)
            changed = true
          }
        }
      }
    }
    if (!isWord(action, 'update', 'insert')) continue
    const whereAt = clause.find((i) => i > thenAt && level[i] === 0 && isWord(out[i], 'where'))
    if (whereAt === undefined) continue
    let condEnd = end
    while (condEnd > whereAt && !isSignificant(out[condEnd - 1]!)) condEnd--
    const condition = out.slice(nextSignificantIndex(out, whereAt), condEnd)
    const moved: OutToken[] = [synthetic(' and ', out[whereAt]!), ...condition, synthetic(' ', out[whereAt]!)]
    out = [...out.slice(0, whereAt), ...out.slice(condEnd)]
    out.splice(thenAt, 0, ...moved)
    changed = true
    // Indices after `start` moved; recompute for the earlier clauses.
    const refreshed = depths(out)
    level.splice(0, level.length, ...refreshed)
    sig.splice(0, sig.length, ...out.map((t, i) => i).filter((i) => isSignificant(out[i]!)))
    whens.splice(0, whens.length, ...sig.filter((i) => level[i] === 0 && isWord(out[i], 'when')))
  }
  if (changed) rules.add('merge-where')
  return out
}

/** insert all into a values (…) into b values (…) <subquery> → one INSERT per INTO. */
function splitInsertAll(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[][] {
  const level = depths(tokens)
  const sig = tokens.map((t, i) => i).filter((i) => isSignificant(tokens[i]!) && level[i] === 0)
  const intos = sig.filter((i) => isWord(tokens[i], 'into'))
  const selectAt = sig.find((i) => isWord(tokens[i], 'select', 'with') && i > (intos.at(-1) ?? 0))
  if (intos.length === 0 || selectAt === undefined) return [tokens]
  rules.add('insert-all')
  const subquery = tokens.slice(selectAt)
  const subquerySig = subquery.filter(isSignificant)
  // select <constants> from dual: each INTO becomes a plain INSERT … VALUES.
  const fromDual =
    subquerySig.length >= 4 && isWord(subquerySig.at(-2), 'from') && isWord(subquerySig.at(-1), 'dual')
  return intos.map((intoAt, k) => {
    const end = k + 1 < intos.length ? intos[k + 1]! : selectAt
    const clause = tokens.slice(intoAt, end)
    const valuesAt = clause.findIndex((t) => isWord(t, 'values'))
    const insert = synthetic('insert ', tokens[intoAt]!)
    if (valuesAt !== -1 && fromDual) return [insert, ...clause]
    if (valuesAt === -1) {
      return [insert, ...clause, synthetic(' select * from (', tokens[selectAt]!), ...subquery, synthetic(') as oracle_insert_all_source', tokens[selectAt]!)]
    }
    const open = clause.findIndex((t, i) => i > valuesAt && t.text === '(')
    const close = closingParen(clause, open)
    return [
      insert,
      ...clause.slice(0, valuesAt),
      synthetic('select ', clause[valuesAt]!),
      ...clause.slice(open + 1, close),
      synthetic(' from (', tokens[selectAt]!),
      ...subquery,
      synthetic(') as oracle_insert_all_source', tokens[selectAt]!)
    ]
  })
}

/** SELECT-like statements (run through a cursor, so a row limit can stop them). */
function returnsRows(tokens: readonly Token[]): boolean {
  const level = depths(tokens)
  const sig = tokens.map((t, i) => i).filter((i) => isSignificant(tokens[i]!))
  const first = tokens[sig[0]!]
  if (!first) return false
  if (first.text === '(') return true
  if (isWord(first, 'select', 'values', 'table')) return true
  if (!isWord(first, 'with')) return false
  // WITH …: the first top-level verb after the CTE list decides.
  const verb = sig.find((i) => i > sig[0]! && level[i] === 0 && isWord(tokens[i], 'select', 'insert', 'update', 'delete', 'merge', 'values'))
  return verb !== undefined && isWord(tokens[verb], 'select', 'values')
}
