import { defined } from '../defined'
import type { DialectRuleId } from './dialect-rules'
import { closingParen, depths, nextSignificant, nextSignificantIndex, type OutToken, previousSignificantIndex, significantIndices, synthetic } from './oracle-tokens'
import { isSignificant, isWord, type Token } from './tokenize'

export { depths, nextSignificant, significantIndices, type OutToken } from './oracle-tokens'

/**
 * The token rewrites of the Oracle → PostgreSQL translation (see `dialectRules` for what each
 * does and why). Each takes a statement's tokens and the set of rules used so far, and adds
 * its own rule's id when it changes something.
 */

/** Every rewrite a statement goes through, in order. */
export function translateTokens(input: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  let tokens = input
  tokens = renameTypes(tokens, rules)
  tokens = addRecursive(tokens, rules)
  tokens = replaceFunctions(tokens, rules)
  tokens = rewriteDecode(tokens, rules)
  if (isWord(tokens.find(isSignificant), 'merge')) tokens = rewriteMerge(tokens, rules)
  return tokens
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
    const token = out[i]
    if (!token) continue
    if (token.type === 'punct' && token.text === '(') openers.push(out[previousSignificantIndex(out, i)])
    if (token.type === 'punct' && token.text === ')') openers.pop()
    if (isWord(token, 'varchar2', 'nvarchar2')) {
      rules.add('varchar2')
      out[i] = synthetic('varchar', token)
      const open = nextSignificantIndex(out, i)
      if (out[open]?.text === '(') {
        const close = closingParen(out, open)
        for (let j = close - 1; j > open; j--) {
          const unit = out[j]
          if (unit && isWord(unit, 'byte', 'char')) out.splice(j, 1, synthetic('', unit))
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
    const keyword = out[i]
    if (!keyword || !isWord(keyword, 'with')) continue
    const after = nextSignificantIndex(out, i)
    if (isWord(out[after], 'recursive')) continue
    let at = after
    let recursive = false
    let isCteList = false
    // name [(cols)] as [not] [materialized] ( body ) [, …]
    for (let cte = out[at]; cte && (cte.type === 'word' || cte.type === 'quoted'); cte = out[at]) {
      const name = cte.type === 'quoted' ? cte.text.slice(1, -1) : cte.text.toLowerCase()
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
      for (const t of out.slice(k + 1, close)) {
        const mentionsItself = (t.type === 'word' && t.text.toLowerCase() === name) || (t.type === 'quoted' && t.text.slice(1, -1) === name)
        if (mentionsItself && hasColumnList) recursive = true
      }
      const comma = nextSignificantIndex(out, close)
      if (out[comma]?.text !== ',') break
      at = nextSignificantIndex(out, comma)
    }
    if (isCteList && recursive) {
      rules.add('recursive-with')
      out.splice(i + 1, 0, synthetic(' recursive', keyword))
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
  let current: OutToken[] = []
  const args = [current]
  let depth = 0
  for (const t of close === -1 ? [] : tokens.slice(open + 1, close)) {
    if (t.type === 'punct' && t.text === '(') depth++
    if (t.type === 'punct' && t.text === ')') depth--
    if (depth === 0 && t.type === 'punct' && t.text === ',') {
      current = []
      args.push(current)
    } else current.push(t)
  }
  return { args, close }
}

/** decode(x, a, r, …, default) → CASE (three or more arguments: two are PostgreSQL's decode). */
function rewriteDecode(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  const out = [...tokens]
  for (let i = out.length - 1; i >= 0; i--) {
    const at = out[i]
    if (!at || !isWord(at, 'decode')) continue
    const open = nextSignificantIndex(out, i)
    if (out[open]?.text !== '(') continue
    const { args, close } = argumentsOf(out, open)
    const [subject, ...rest] = args
    if (close === -1 || args.length < 3 || !subject) continue
    rules.add('decode')
    const built: OutToken[] = [synthetic('case', at)]
    for (let k = 0; k + 1 < rest.length; k += 2) {
      const [search = [], result = []] = rest.slice(k, k + 2)
      built.push(synthetic(' when (', at), ...subject, synthetic(') is not distinct from (', at), ...search, synthetic(') then ', at), ...result)
    }
    const otherwise = rest.length % 2 === 1 ? rest.at(-1) : undefined
    if (otherwise) built.push(synthetic(' else ', at), ...otherwise)
    built.push(synthetic(' end', at))
    out.splice(i, close - i + 1, ...built)
  }
  return out
}

/** Oracle MERGE's trailing WHERE on an action → PostgreSQL's WHEN … AND; unqualified SET targets. */
function rewriteMerge(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[] {
  let out = [...tokens]
  const level = depths(out)
  const sig = significantIndices(out)
  // merge into <target> [alias]
  const targetNames = new Set<string>()
  const intoAt = sig.findIndex((i) => isWord(out[i], 'into'))
  if (intoAt !== -1) {
    const [name, alias] = sig.slice(intoAt + 1, intoAt + 3).map((i) => out[i])
    if (name) targetNames.add(name.text.toLowerCase())
    if (alias?.type === 'word' && !isWord(alias, 'using')) targetNames.add(alias.text.toLowerCase())
  }
  const whens = sig.filter((i) => level[i] === 0 && isWord(out[i], 'when'))
  let changed = false
  // Work from the last clause back, so earlier indices stay valid.
  for (let w = whens.length - 1; w >= 0; w--) {
    const start = whens[w]
    if (start === undefined) continue
    const end = whens[w + 1] ?? out.length
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
          const target = out[i]
          if (startsTarget && out[dot]?.text === '.' && out[equals]?.text === '=' && target && targetNames.has(target.text.toLowerCase())) {
            for (const [k, token] of out.slice(i, dot + 1).entries()) out[i + k] = synthetic('', token)
            changed = true
          }
        }
      }
    }
    if (!isWord(action, 'update', 'insert')) continue
    const whereAt = clause.find((i) => i > thenAt && level[i] === 0 && isWord(out[i], 'where'))
    const where = whereAt === undefined ? undefined : out[whereAt]
    if (whereAt === undefined || !where) continue
    let condEnd = end
    for (let last = out[condEnd - 1]; condEnd > whereAt && last && !isSignificant(last); last = out[condEnd - 1]) condEnd--
    const condition = out.slice(nextSignificantIndex(out, whereAt), condEnd)
    const moved: OutToken[] = [synthetic(' and ', where), ...condition, synthetic(' ', where)]
    out = [...out.slice(0, whereAt), ...out.slice(condEnd)]
    out.splice(thenAt, 0, ...moved)
    changed = true
    // Indices after `start` moved; recompute for the earlier clauses.
    const refreshed = depths(out)
    level.splice(0, level.length, ...refreshed)
    sig.splice(0, sig.length, ...significantIndices(out))
    whens.splice(0, whens.length, ...sig.filter((i) => level[i] === 0 && isWord(out[i], 'when')))
  }
  if (changed) rules.add('merge-where')
  return out
}

/** insert all into a values (…) into b values (…) <subquery> → one INSERT per INTO. */
export function splitInsertAll(tokens: OutToken[], rules: Set<DialectRuleId>): OutToken[][] {
  const level = depths(tokens)
  const sig = significantIndices(tokens).filter((i) => level[i] === 0)
  const intos = sig.filter((i) => isWord(tokens[i], 'into'))
  const selectAt = sig.find((i) => isWord(tokens[i], 'select', 'with') && i > (intos.at(-1) ?? 0))
  const select = selectAt === undefined ? undefined : tokens[selectAt]
  if (intos.length === 0 || selectAt === undefined || !select) return [tokens]
  rules.add('insert-all')
  const subquery = tokens.slice(selectAt)
  const subquerySig = subquery.filter(isSignificant)
  // select <constants> from dual: each INTO becomes a plain INSERT … VALUES.
  const fromDual =
    subquerySig.length >= 4 && isWord(subquerySig.at(-2), 'from') && isWord(subquerySig.at(-1), 'dual')
  return intos.map((intoAt, k) => {
    const end = intos[k + 1] ?? selectAt
    const clause = tokens.slice(intoAt, end)
    const valuesAt = clause.findIndex((t) => isWord(t, 'values'))
    const values = clause[valuesAt]
    const insert = synthetic('insert ', defined(clause[0], 'the INTO keyword of an INSERT ALL clause'))
    if (values && fromDual) return [insert, ...clause]
    if (!values) {
      return [insert, ...clause, synthetic(' select * from (', select), ...subquery, synthetic(') as oracle_insert_all_source', select)]
    }
    const open = clause.findIndex((t, i) => i > valuesAt && t.text === '(')
    const close = closingParen(clause, open)
    return [
      insert,
      ...clause.slice(0, valuesAt),
      synthetic('select ', values),
      ...clause.slice(open + 1, close),
      synthetic(' from (', select),
      ...subquery,
      synthetic(') as oracle_insert_all_source', select)
    ]
  })
}
