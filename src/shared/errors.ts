/**
 * One way to read anything a `catch` or a rejected promise hands over: the value may be an Error,
 * an AppError, a Node system error (ENOENT…) or, from foreign code, anything at all.
 */

/** The human text of a thrown value: an Error's message, anything else as a string. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The machine-readable code of a thrown value (an AppError's code, a Node error's `ENOENT`), if it has one. */
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}
