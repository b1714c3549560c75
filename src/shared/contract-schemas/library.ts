import { z } from 'zod'
import { DifficultySchema, QuestionKindSchema } from '../banks/types'
import { INPUT_LIMITS, limitedId } from './limits'

/** The contract's schemas for the app itself and the question library (import, search). */

export const AppInfoSchema = z.object({
  name: z.literal('mockroom'),
  version: z.string(),
  /** Which adapter is serving the backend. */
  host: z.enum(['electron', 'web', 'cli', 'test']),
  dataDir: z.string(),
  dataFile: z.string()
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const ImportBanksInputSchema = z
  .object({
    files: z
      .array(
        z.object({
          name: z.string().min(1).max(255),
          /** The file's bytes, base64: binary-safe over IPC and HTTP alike. */
          base64: z.string().max(INPUT_LIMITS.bankBase64, 'the file is too large to import (bank files are at most 5 MB)'),
          /** Read the file as a new version of this imported bank (its questions keep their ids). */
          replaceBankId: limitedId.optional()
        })
      )
      .min(1)
      .max(500)
  })
  .strict()

export const ImportPreviewSchema = z.object({
  file: z.string(),
  /** Null when the file can be imported; else why not (it names what was wrong). */
  error: z.string().nullable(),
  bankId: z.string().nullable(),
  title: z.string(),
  /** The layouts questions were found in, most first (`layout` names the first). */
  layouts: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
  questionCount: z.number().int(),
  /** The first ten questions as they would be imported. */
  questions: z.array(z.object({ title: z.string(), kind: QuestionKindSchema, hasAnswer: z.boolean(), difficulty: DifficultySchema.nullable() })),
  warnings: z.array(z.string()),
  /** When the file replaces a bank: its questions kept (same ids), added and dropped. */
  replaces: z
    .object({ bankId: z.string(), title: z.string(), unchanged: z.number().int(), added: z.number().int(), removed: z.number().int() })
    .nullable()
})
export type ImportPreview = z.infer<typeof ImportPreviewSchema>

export const SearchLibraryInputSchema = z
  .object({
    query: z.string().max(500),
    kinds: z.array(QuestionKindSchema).max(20).optional(),
    bankIds: z.array(z.string().max(300)).max(500).optional(),
    section: z.string().max(2000).nullable().optional(),
    hasAnswer: z.boolean().nullable().optional()
  })
  .strict()
export type SearchLibraryInput = z.infer<typeof SearchLibraryInputSchema>

export const ImportBanksResultSchema = z.object({
  imported: z.array(z.object({ file: z.string(), bankId: z.string(), questionCount: z.number().int() })),
  errors: z.array(z.object({ file: z.string(), reason: z.string() }))
})
export type ImportBanksResult = z.infer<typeof ImportBanksResultSchema>
