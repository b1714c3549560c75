import { contract, isMethodName, type MethodName, type MethodOutput } from '../contract'
import type { Handlers } from './handlers'
import { AppError, fail, ok, type Result } from './result'
import { messageOf } from '../errors'

/**
 * Validates `rawInput` against the method's schema, calls the handler and turns every outcome
 * into a `Result`. Every adapter (IPC, HTTP, CLI) goes through here, so validation and error
 * shape cannot differ between them.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown
): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `There is no API method named "${method}".`)
  const parsed = contract[method].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
      .join('; ')
    return fail('VALIDATION', `Invalid input for ${method}: ${detail}`)
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<MethodOutput<MethodName>>
    return ok(await handler(parsed.data))
  } catch (error) {
    return errorToResult(error)
  }
}

export function errorToResult(error: unknown): Result<never> {
  if (error instanceof AppError) return fail(error.code, error.message)
  const message = messageOf(error)
  return fail('INTERNAL', `Unexpected error: ${message}`)
}
