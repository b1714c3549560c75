/**
 * A value the code's own logic guarantees (a record just written, an index known to be in range,
 * a key just looked up), checked instead of asserted with `!`: a broken guarantee fails at once,
 * naming what was missing, instead of as an undefined somewhere further on.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Internal error: ${what} is missing.`)
  return value
}
