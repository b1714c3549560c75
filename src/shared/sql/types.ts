import { z } from 'zod'

/**
 * What crosses the API for SQL drills. Cells travel as PostgreSQL's own text form (or null):
 * exact for numerics and dates, and comparable once normalised (`normalizeCell`).
 */

export const SqlTypeCategorySchema = z.enum(['number', 'text', 'date', 'timestamp', 'boolean', 'other'])
export type SqlTypeCategory = z.infer<typeof SqlTypeCategorySchema>

export const SqlColumnSchema = z.object({
  name: z.string(),
  /** PostgreSQL's type name (numeric, varchar, date, …). */
  type: z.string(),
  category: SqlTypeCategorySchema
})
export type SqlColumn = z.infer<typeof SqlColumnSchema>

export const SqlCellSchema = z.string().nullable()
export type SqlCell = z.infer<typeof SqlCellSchema>

export const SqlResultSetSchema = z.object({
  columns: z.array(SqlColumnSchema),
  rows: z.array(z.array(SqlCellSchema)),
  /** More rows existed than the row limit let through. */
  truncated: z.boolean()
})
export type SqlResultSet = z.infer<typeof SqlResultSetSchema>

export const SqlErrorSchema = z.object({
  /** sql: the database refused a statement; timeout/engine: the run was stopped or crashed; refused: not run. */
  kind: z.enum(['sql', 'timeout', 'engine', 'refused']),
  message: z.string(),
  /** Which script failed: the question's setup or the candidate's query (or the reference). */
  where: z.enum(['setup', 'query', 'reference']),
  /** 1-based, in the script as written (before translation). */
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  hint: z.string().nullable()
})
export type SqlError = z.infer<typeof SqlErrorSchema>

export const SqlRunOutcomeSchema = z.object({
  ok: z.boolean(),
  /** The rows of the last statement that returns rows; null when none did (or on error). */
  result: SqlResultSetSchema.nullable(),
  error: SqlErrorSchema.nullable(),
  elapsedMs: z.number().nonnegative(),
  /** The query as PostgreSQL ran it, after the Oracle translation. */
  translated: z.string(),
  /** Dialect rules applied to the query (ids of `dialectRules`). */
  rules: z.array(z.string()),
  /** Oracle constructs found that cannot be translated, each with what to write instead. */
  notes: z.array(z.string())
})
export type SqlRunOutcome = z.infer<typeof SqlRunOutcomeSchema>

export const SqlTableSchema = z.object({
  name: z.string(),
  columns: z.array(SqlColumnSchema),
  /** The first rows (up to the preview limit). */
  rows: z.array(z.array(SqlCellSchema)),
  rowCount: z.number().int().nonnegative()
})
export type SqlTable = z.infer<typeof SqlTableSchema>

export const SqlLimitsSchema = z
  .object({
    timeLimitMs: z.number().int().min(100).max(60_000).default(5_000),
    rowLimit: z.number().int().min(1).max(10_000).default(1_000)
  })
  .strict()
export type SqlLimits = z.output<typeof SqlLimitsSchema>

const script = z.string().max(200_000)

export const SqlPrepareInputSchema = z
  .object({
    setup: script,
    /** Each reference answer (one per answer code block): its row-returning statements become references. */
    references: z.array(script).max(20),
    limits: SqlLimitsSchema.optional()
  })
  .strict()
export type SqlPrepareInput = z.input<typeof SqlPrepareInputSchema>

export const SqlReferenceResultSchema = z.object({
  /** Which answer block (0-based) and which statement in it. */
  block: z.number().int().nonnegative(),
  statement: z.number().int().nonnegative(),
  result: SqlResultSetSchema,
  /** The reference ends in ORDER BY: order matters when checking. */
  ordered: z.boolean(),
  /** Reference columns (0-based) the ORDER BY sorts on, when they could be resolved; ties may come in any order. */
  orderKeys: z.array(z.number().int().nonnegative()).nullable()
})
export type SqlReferenceResult = z.infer<typeof SqlReferenceResultSchema>

export const SqlPrepareResultSchema = z.object({
  setup: SqlRunOutcomeSchema,
  tables: z.array(SqlTableSchema),
  /** Every row-returning statement of every reference block that ran. */
  references: z.array(SqlReferenceResultSchema),
  /** Per reference block: null when it ran, else why not. */
  referenceErrors: z.array(SqlErrorSchema.nullable()),
  /** Milliseconds the engine took to start for this call (0 when it was already running). */
  engineStartMs: z.number().nonnegative()
})
export type SqlPrepareResult = z.infer<typeof SqlPrepareResultSchema>

export const SqlRunInputSchema = z
  .object({
    setup: script,
    query: script,
    limits: SqlLimitsSchema.optional()
  })
  .strict()
export type SqlRunInput = z.input<typeof SqlRunInputSchema>
