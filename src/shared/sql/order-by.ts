import { isSignificant, isWord, tokenize, type Token } from './tokenize'

export interface OrderByInfo {
  /** The statement ends in a top-level ORDER BY. */
  ordered: boolean
  /**
   * The output columns (0-based) it sorts on, when every sort item is a position (`order by 3`)
   * or an output column's name; null when one is an expression we cannot resolve.
   */
  keys: number[] | null
}

/** Reads the final top-level ORDER BY of a SELECT (not the ones inside OVER (…) or subqueries). */
export function orderByOf(statement: string, outputColumns: readonly string[]): OrderByInfo {
  const tokens = tokenize(statement).filter(isSignificant)
  let depth = 0
  let orderAt = -1
  tokens.forEach((token, i) => {
    if (token.text === '(' && token.type === 'punct') depth++
    if (token.text === ')' && token.type === 'punct') depth--
    if (depth === 0 && isWord(token, 'order') && isWord(tokens[i + 1], 'by')) orderAt = i
  })
  if (orderAt === -1) return { ordered: false, keys: null }
  let item: Token[] = []
  const items = [item]
  depth = 0
  for (const token of tokens.slice(orderAt + 2)) {
    if (depth === 0 && isWord(token, 'limit', 'offset', 'fetch', 'for')) break
    if (token.text === '(' && token.type === 'punct') depth++
    if (token.text === ')' && token.type === 'punct') depth--
    if (depth === 0 && token.text === ',') {
      item = []
      items.push(item)
    } else item.push(token)
  }
  const names = outputColumns.map((name) => name.toLowerCase())
  const keys: number[] = []
  for (const item of items) {
    const expression = item.filter((t, i) => !(isWord(t, 'asc', 'desc', 'nulls', 'first', 'last') && i > 0))
    const [only] = expression
    if (expression.length === 1 && only?.type === 'number') {
      const position = Number(only.text) - 1
      if (!Number.isInteger(position) || position < 0 || position >= outputColumns.length) return { ordered: true, keys: null }
      keys.push(position)
      continue
    }
    // name or qualifier.name
    const last = expression.at(-1)
    const simple = expression.length === 1 || (expression.length === 3 && expression[1]?.text === '.')
    if (!simple || !last || (last.type !== 'word' && last.type !== 'quoted')) return { ordered: true, keys: null }
    const name = last.type === 'quoted' ? last.text.slice(1, -1).toLowerCase() : last.text.toLowerCase()
    const index = names.indexOf(name)
    if (index === -1 || names.indexOf(name, index + 1) !== -1) return { ordered: true, keys: null }
    keys.push(index)
  }
  return { ordered: true, keys }
}
