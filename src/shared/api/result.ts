import { z } from 'zod'

/**
 * Errors cross process and HTTP boundaries as data, never as thrown Electron errors (which keep
 * only their message). `code` is stable and machine-readable; `message` is for the user.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  'CONFLICT',
  'INVALID_INPUT_FILE',
  'MODEL_MISSING',
  'WHISPER_BINARY_MISSING',
  'NO_SPEECH',
  'INVALID_AUDIO',
  'CANCELLED',
  'MODEL_INVALID',
  'MODEL_UNVERIFIED',
  'WHISPER_FAILED',
  'DOWNLOAD_FAILED',
  'CHECKSUM_MISMATCH',
  'INTERNAL'
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const ApiErrorSchema = z.object({ code: z.string(), message: z.string() })
export type ApiErrorData = z.infer<typeof ApiErrorSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData }

/** An error a backend method throws on purpose: its code and message reach the caller as is. */
export class AppError extends Error {
  readonly code: ErrorCode | (string & {})

  constructor(code: ErrorCode | (string & {}), message: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
