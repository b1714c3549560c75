import { z } from 'zod'

/**
 * Upper bounds of what a caller may send, sized for real use with room to spare: a limit
 * keeps one request from growing db.json by megabytes (every later write rewrites it whole)
 * or holding the backend busy. The whiteboard allows pasted screenshots; Mermaid's own
 * parser stops at 50,000 characters.
 */
export const INPUT_LIMITS = {
  id: 512,
  notes: 100_000,
  starPart: 20_000,
  mermaidSource: 50_000,
  whiteboardScene: 4_000_000,
  whiteboardSvg: 4_000_000,
  microphoneId: 512,
  modelPath: 4096,
  listItems: 1000,
  /** A WAV of at most 256 MiB, base64. */
  audioBase64: 4 * Math.ceil((256 * 1024 * 1024) / 3),
  /** A bank file is at most 5 MB; this only stops absurd sizes before they are decoded. */
  bankBase64: 16 * 1024 * 1024
} as const

export const limitedId = z.string().min(1).max(INPUT_LIMITS.id, `at most ${INPUT_LIMITS.id} characters`)
export const limitedText = (max: number, what: string) => z.string().max(max, `${what} are limited to ${max.toLocaleString('en-US')} characters`)

/** The input of a method that takes nothing. */
export const empty = z.object({}).strict()

export const byId = z.object({ id: limitedId }).strict()
