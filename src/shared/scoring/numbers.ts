import { tokenAt, type Token } from './tokens'

/**
 * Numbers as candidates say them: "40%", "forty percent", "two point five terabytes", "from
 * six hours to forty minutes", "3x", "twice as fast", "half". Whisper writes some as digits
 * and some as words, a typed answer either way; both count.
 */

const numberWords = new Set([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions',
  'trillion', 'dozen', 'dozens', 'half', 'twice', 'double', 'doubled', 'triple', 'tripled', 'quadrupled', 'halved', 'quarter', 'third', 'thirds', 'tenth'
])
/** "one" alone is too often a pronoun ("the one that"); it counts next to a unit or another number. */
const weakNumberWords = new Set(['one', 'half', 'quarter', 'third', 'double', 'hundreds', 'thousands', 'millions', 'billions', 'dozens'])
const units = new Set([
  'percent', 'percentage', 'pct', 'x', 'times', 'ms', 'millisecond', 'milliseconds', 'second', 'seconds', 'sec', 'secs', 'minute',
  'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'gb', 'tb', 'pb', 'mb', 'kb', 'gigabyte', 'gigabytes', 'terabyte', 'terabytes', 'petabyte', 'petabytes', 'megabyte', 'megabytes',
  'dollar', 'dollars', 'k', 'grand', 'bucks', 'euros', 'pounds', 'rows', 'row', 'records', 'events', 'event', 'messages', 'users',
  'customers', 'jobs', 'tables', 'queries', 'requests', 'nodes', 'servers', 'engineers', 'people', 'analysts', 'tickets',
  'incidents', 'alerts', 'pages', 'files', 'partitions', 'clusters', 'cores', 'machines', 'instances', 'qps', 'rps', 'tps', 'points'
])

/** "40", "2,000", "3.5", "10tb", "5k", "3x", but not names with a digit in them ("S3", "EC2", "L14"). */
const digitNumber = /^\d[\d,.]*[a-z]{0,3}$/

export function isNumberToken(token: Token): boolean {
  return digitNumber.test(token.norm) || numberWords.has(token.norm)
}

/** A token that, with its neighbours, states an amount: a digit, or a number word that is not just "one". */
export function isQuantityAt(view: readonly Token[], at: number): boolean {
  const token = tokenAt(view, at)
  if (digitNumber.test(token.norm)) return true
  if (!numberWords.has(token.norm)) return false
  if (!weakNumberWords.has(token.norm)) return true
  const next = view[at + 1]
  const previous = view[at - 1]
  return (next !== undefined && (units.has(next.norm) || isNumberToken(next))) || (previous !== undefined && isNumberToken(previous) && previous.norm !== 'one')
}

/** Whether tokens [from, to) of a view state an amount (a number, a percent, a from–to). */
export function hasQuantity(view: readonly Token[], from: number, to: number, text?: string): boolean {
  for (let i = from; i < to; i += 1) if (isQuantityAt(view, i)) return true
  // "$2k", "40%": the symbol sits outside the words.
  if (text !== undefined && /[%$€£]/.test(text)) return true
  return false
}

/** Whether a quantity sits next to a unit of size or rate ("two terabytes", "5k events a second"). */
export function hasScaleQuantity(view: readonly Token[], from: number, to: number, scaleUnits: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i += 1) {
    if (!isQuantityAt(view, i)) continue
    for (let k = i + 1; k <= Math.min(to - 1, i + 4); k += 1) {
      if (scaleUnits.has(tokenAt(view, k).norm)) return true
    }
    // "10tb", "5k", "100m": the unit is part of the written number.
    if (/^\d+(\.\d+)?(k|m|b|gb|tb|pb|mb|ms|qps|rps)$/.test(tokenAt(view, i).norm)) return true
  }
  return false
}
