import type { PGlite } from '@electric-sql/pglite'
import { defined } from '@shared/defined'
import { orderByOf } from '@shared/sql/order-by'
import { lineAndColumn } from '@shared/sql/tokenize'
import {
  sourceOffsetOf,
  translateOracleScript,
  type ScriptRole,
  type TranslatedStatement
} from '@shared/sql/translate-oracle'
import type {
  SqlColumn,
  SqlError,
  SqlLimits,
  SqlPrepareResult,
  SqlReferenceResult,
  SqlResultSet,
  SqlRunOutcome,
  SqlTable,
  SqlTypeCategory
} from '@shared/sql/types'
import { startDatabase } from './database-cache'

export { cacheFileName, startDatabase } from './database-cache'

/**
 * PostgreSQL (PGlite, in WebAssembly) for SQL drills. One instance, and every run inside one
 * transaction that is rolled back: DDL is transactional in PostgreSQL, so each run starts from
 * the same empty database (plus the Oracle prelude) without paying the seconds a new instance
 * costs. Statements that would end that transaction are refused, and after every run the
 * catalogue is compared with the start, so a leak is caught rather than trusted away.
 *
 * The engine cannot interrupt itself (PGlite runs PostgreSQL on this thread; statement_timeout
 * never fires), so time limits belong to whoever owns the thread: `SqlService` runs this in a
 * worker thread and terminates it.
 */

export const DEFAULT_LIMITS: SqlLimits = { timeLimitMs: 5_000, rowLimit: 1_000 }
const TABLE_PREVIEW_ROWS = 50
const CURSOR = 'mockroom_drill_cursor'

interface TypeInfo {
  name: string
  category: SqlTypeCategory
}

interface Field {
  name: string
  dataTypeID: number
}

interface PgError {
  message: string
  position?: string
  hint?: string
  detail?: string
}

/** Statements that would end or nest the run's transaction (and with it, the fresh database). */
const transactionControl = /^\s*(begin|commit|rollback|end|abort|start\s+transaction|savepoint|release|prepare\s+transaction|commit\s+prepared|rollback\s+prepared)\b/i
/** Statements that reach outside the database or cannot run in a transaction. */
const refusedStatements = /^\s*(copy|vacuum|checkpoint|listen|notify|unlisten|load|create\s+database|drop\s+database|alter\s+system)\b/i

class RunFailure extends Error {
  constructor(readonly sqlError: SqlError) {
    super(sqlError.message)
  }
}

export class SqlEngine {
  private constructor(
    private readonly db: PGlite,
    private readonly types: Map<number, TypeInfo>,
    private readonly rawParsers: Record<number, (value: string) => string>,
    private readonly baseline: string
  ) {}

  /**
   * Starts PostgreSQL with the Oracle prelude. initdb is most of the start-up time, so the
   * initialised database is kept in `cacheDir` (gzipped, ~5 MB) and later starts load it:
   * about four times faster. A cache that does not load is ignored and rewritten.
   */
  static async start(options: { cacheDir?: string; seedDir?: string } = {}): Promise<SqlEngine> {
    const db = await startDatabase(options.cacheDir, options.seedDir)
    const rows = (await db.query<{ oid: number; typname: string; typcategory: string }>('select oid::int as oid, typname, typcategory from pg_type')).rows
    const types = new Map<number, TypeInfo>()
    const rawParsers: Record<number, (value: string) => string> = {}
    for (const row of rows) {
      types.set(row.oid, { name: row.typname, category: categoryOf(row.typname, row.typcategory) })
      rawParsers[row.oid] = (value) => value
    }
    const engine = new SqlEngine(db, types, rawParsers, '')
    return new SqlEngine(db, types, rawParsers, await engine.catalogueFingerprint())
  }

  async close(): Promise<void> {
    await this.db.close()
  }

  /** Runs the setup, lists its tables, and runs every reference block. */
  async prepare(setup: string, references: readonly string[], limits: SqlLimits = DEFAULT_LIMITS): Promise<SqlPrepareResult> {
    const tables: SqlTable[] = []
    const setupOutcome = await this.inFreshDatabase(setup, async () => {
      tables.push(...(await this.snapshotTables()))
      return null
    }, limits)
    const referenceResults: SqlReferenceResult[] = []
    const referenceErrors: (SqlError | null)[] = []
    for (const [block, script] of references.entries()) {
      if (!setupOutcome.ok) {
        referenceErrors.push({ kind: 'refused', message: 'Not run: the setup script failed.', where: 'reference', line: null, column: null, hint: null })
        continue
      }
      const outcome = await this.inFreshDatabase(setup, async () => {
        const results = await this.runScript(script, 'query', 'reference', limits, true)
        for (const [statement, { result, sql }] of results.entries()) {
          const order = orderByOf(sql, result.columns.map((c) => c.name))
          referenceResults.push({ block, statement, result, ordered: order.ordered, orderKeys: order.keys })
        }
        return null
      }, limits)
      referenceErrors.push(outcome.ok ? null : outcome.error)
    }
    return { setup: setupOutcome, tables, references: referenceResults, referenceErrors, engineStartMs: 0 }
  }

  /** Runs the setup, then the candidate's query; the result is its last row-returning statement. */
  async run(setup: string, query: string, limits: SqlLimits = DEFAULT_LIMITS): Promise<SqlRunOutcome> {
    const translation = translateOracleScript(query, 'query')
    const translated = translation.statements.map((s) => s.sql).join(';\n')
    const started = performance.now()
    const outcome = await this.inFreshDatabase(setup, async () => {
      const results = await this.runScript(query, 'query', 'query', limits, false)
      return results.at(-1)?.result ?? null
    }, limits)
    return { ...outcome, elapsedMs: performance.now() - started, translated, rules: translation.rules, notes: translation.notes }
  }

  private async inFreshDatabase(
    setup: string,
    body: () => Promise<SqlResultSet | null>,
    limits: SqlLimits
  ): Promise<SqlRunOutcome> {
    const started = performance.now()
    const setupTranslation = translateOracleScript(setup, 'setup')
    const base = { translated: '', rules: setupTranslation.rules, notes: setupTranslation.notes }
    let outcome: SqlRunOutcome
    await this.db.exec('begin')
    try {
      await this.runScript(setup, 'setup', 'setup', limits, false)
      const result = await body()
      outcome = { ok: true, result, error: null, elapsedMs: performance.now() - started, ...base }
    } catch (error) {
      if (!(error instanceof RunFailure)) throw error
      outcome = { ok: false, result: null, error: error.sqlError, elapsedMs: performance.now() - started, ...base }
    } finally {
      await this.db.exec('rollback')
      await this.db.exec('reset all')
    }
    if ((await this.catalogueFingerprint()) !== this.baseline) {
      // Should be impossible (transaction control is refused); never let a leak pass silently.
      throw new Error('The SQL engine kept objects from a previous run; it will restart.')
    }
    return outcome
  }

  /** Runs each statement; returns the results of the row-returning ones (all, or just kept). */
  private async runScript(
    script: string,
    role: ScriptRole,
    where: SqlError['where'],
    limits: SqlLimits,
    keepAll: boolean
  ): Promise<{ result: SqlResultSet; sql: string }[]> {
    const translation = translateOracleScript(script, role)
    const results: { result: SqlResultSet; sql: string }[] = []
    for (const statement of translation.statements) {
      const at = lineAndColumn(script, statement.sourceStart)
      if (transactionControl.test(statement.sql) || refusedStatements.test(statement.sql)) {
        const verb = (statement.sql.trim().split(/\s+/)[0] ?? '').toUpperCase()
        throw new RunFailure({
          kind: 'refused',
          message: transactionControl.test(statement.sql)
            ? `${verb} is not needed here: every run starts a fresh database inside its own transaction, which is thrown away afterwards.`
            : `${verb} is not available in drills: they run on an in-memory database with no files or server around it.`,
          where,
          line: at.line,
          column: at.column,
          hint: null
        })
      }
      const result = await this.runStatement(script, statement, where, limits)
      if (result) {
        if (keepAll) results.push({ result, sql: statement.sql })
        else results.splice(0, results.length, { result, sql: statement.sql })
      }
    }
    return results
  }

  private async runStatement(script: string, statement: TranslatedStatement, where: SqlError['where'], limits: SqlLimits): Promise<SqlResultSet | null> {
    const options = { rowMode: 'array' as const, parsers: this.rawParsers }
    if (statement.returnsRows) {
      // A cursor fetches lazily, so an endless recursive WITH stops at the row limit.
      const prefix = `declare ${CURSOR} no scroll cursor for `
      try {
        await this.db.query(prefix + statement.sql)
      } catch (error) {
        throw this.failure(error, script, statement, where, prefix.length)
      }
      try {
        const fetched = await this.db.query<unknown[]>(`fetch forward ${limits.rowLimit + 1} from ${CURSOR}`, [], options)
        return this.resultSet(fetched.fields, fetched.rows as (string | null)[][], limits.rowLimit)
      } catch (error) {
        throw this.failure(error, script, statement, where, 0, true)
      } finally {
        await this.db.query(`close ${CURSOR}`).catch(() => undefined) // already gone when the fetch failed; the rollback ends it anyway
      }
    }
    try {
      const done = await this.db.query<unknown[]>(statement.sql, [], options)
      return done.fields.length > 0 ? this.resultSet(done.fields, done.rows as (string | null)[][], limits.rowLimit) : null
    } catch (error) {
      throw this.failure(error, script, statement, where, 0)
    }
  }

  private resultSet(fields: readonly Field[], rows: (string | null)[][], rowLimit: number): SqlResultSet {
    return {
      columns: fields.map((field) => this.column(field)),
      rows: rows.slice(0, rowLimit).map((row) => row.map((cell) => (cell === null ? null : String(cell)))),
      truncated: rows.length > rowLimit
    }
  }

  private column(field: Field): SqlColumn {
    const type = this.types.get(field.dataTypeID)
    return { name: field.name, type: type?.name ?? 'unknown', category: type?.category ?? 'other' }
  }

  private failure(error: unknown, script: string, statement: TranslatedStatement, where: SqlError['where'], prefixLength: number, atExecution = false): RunFailure {
    const pg = error as PgError
    const message = typeof pg?.message === 'string' ? pg.message : String(error)
    const position = Number(pg?.position)
    const sourceOffset =
      !atExecution && Number.isInteger(position) && position > prefixLength
        ? sourceOffsetOf(statement, position - 1 - prefixLength)
        : statement.sourceStart
    const at = lineAndColumn(script, sourceOffset)
    const hint = [pg?.detail, pg?.hint].filter((part): part is string => typeof part === 'string' && part.length > 0).join(' ')
    return new RunFailure({ kind: 'sql', message, where, line: at.line, column: at.column, hint: hint || null })
  }

  /** The tables the setup made (in creation order), each with its columns, first rows and count. */
  private async snapshotTables(): Promise<SqlTable[]> {
    const names = (
      await this.db.query<{ relname: string }>(
        `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v') and c.relname <> 'dual' order by c.oid`
      )
    ).rows.map((row) => row.relname)
    const tables: SqlTable[] = []
    for (const name of names) {
      const quoted = `"${name.replace(/"/g, '""')}"`
      const preview = await this.db.query<unknown[]>(`select * from ${quoted} limit ${TABLE_PREVIEW_ROWS}`, [], { rowMode: 'array', parsers: this.rawParsers })
      const count = await this.db.query<{ n: number }>(`select count(*)::int as n from ${quoted}`)
      tables.push({
        name,
        columns: preview.fields.map((field) => this.column(field)),
        rows: (preview.rows as (string | null)[][]).map((row) => row.map((cell) => (cell === null ? null : String(cell)))),
        rowCount: count.rows[0]?.n ?? 0
      })
    }
    return tables
  }

  private async catalogueFingerprint(): Promise<string> {
    const row = (
      await this.db.query<{ fingerprint: string }>(
        `select (select count(*) from pg_class)::text || '/' || (select count(*) from pg_proc)::text || '/' ||
                (select count(*) from pg_namespace)::text || '/' || (select count(*) from dual)::text as fingerprint`
      )
    ).rows[0]
    return defined(row, 'the catalogue fingerprint row').fingerprint
  }
}

function categoryOf(name: string, category: string): SqlTypeCategory {
  if (category === 'N') return 'number'
  if (category === 'S') return 'text'
  if (category === 'B') return 'boolean'
  if (name === 'date') return 'date'
  if (name === 'timestamp' || name === 'timestamptz') return 'timestamp'
  return 'other'
}
