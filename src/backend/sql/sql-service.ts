import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { translateOracleScript } from '@shared/sql/translate-oracle'
import {
  SqlLimitsSchema,
  type SqlError,
  type SqlLimits,
  type SqlPrepareInput,
  type SqlPrepareResult,
  type SqlRunInput,
  type SqlRunOutcome
} from '@shared/sql/types'
import type { SqlWorkerReply, SqlWorkerRequest } from './sql-worker-protocol'
import { messageOf } from '@shared/errors'

/** How long the engine may take to start before the call fails (it takes seconds on a busy machine). */
const START_TIMEOUT_MS = 180_000

type RequestBody = SqlWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never

interface RunningWorker {
  worker: Worker
  /** Resolves with the engine's start time once it can take jobs. */
  ready: Promise<number>
  /** Whether some call has been told about this start yet (it is reported once). */
  startReported: boolean
}

/**
 * The built worker (out/main/sql-worker.js) when there is one, else its TypeScript source, run
 * through tsx (tests, the CLI and benchmarks run from sources).
 */
export function resolveSqlWorker(appRoot: string): URL {
  const built = join(appRoot, 'out', 'main', 'sql-worker.js')
  return pathToFileURL(existsSync(built) ? built : join(appRoot, 'src', 'backend', 'sql', 'sql-worker.ts'))
}

/**
 * Owns the SQL engine's worker thread: starts it on the first call (when a SQL question is
 * opened), runs one job at a time, and enforces the time limit by terminating the thread, then
 * starts a fresh one at once so the next run does not wait for it.
 */
export class SqlService {
  private running: RunningWorker | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private nextId = 0
  private closed = false

  constructor(
    private readonly workerUrl: URL,
    /** Where the engine keeps its initialised database between starts (see SqlEngine.start). */
    private readonly cacheDir?: string,
    /** A read-only copy made at build time (vendor/sql-engine), used when the cache has none. */
    private readonly seedDir?: string
  ) {}

  prepare(input: SqlPrepareInput): Promise<SqlPrepareResult> {
    const limits = SqlLimitsSchema.parse(input.limits ?? {})
    // Setup and each reference block run separately, each within the limit.
    const budget = limits.timeLimitMs * (1 + input.references.length)
    return this.enqueue(async () => {
      const outcome = await this.send({ op: 'prepare', setup: input.setup, references: input.references, limits }, budget)
      if (outcome.kind === 'done') return { ...(outcome.value as SqlPrepareResult), engineStartMs: outcome.startMs }
      const error = this.stopError(outcome, 'setup', budget)
      return {
        setup: { ok: false, result: null, error, elapsedMs: outcome.elapsedMs, translated: '', rules: [], notes: [] },
        tables: [],
        references: [],
        referenceErrors: input.references.map(() => ({ ...error, message: 'Not run: the engine stopped.' })),
        engineStartMs: outcome.startMs
      }
    })
  }

  run(input: SqlRunInput): Promise<SqlRunOutcome> {
    const limits = SqlLimitsSchema.parse(input.limits ?? {})
    return this.enqueue(async () => {
      const outcome = await this.send({ op: 'run', setup: input.setup, query: input.query, limits }, limits.timeLimitMs)
      if (outcome.kind === 'done') return outcome.value as SqlRunOutcome
      const translation = translateOracleScript(input.query, 'query')
      return {
        ok: false,
        result: null,
        error: this.stopError(outcome, 'query', limits.timeLimitMs),
        elapsedMs: outcome.elapsedMs,
        translated: translation.statements.map((s) => s.sql).join(';\n'),
        rules: translation.rules,
        notes: translation.notes
      }
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const running = this.running
    this.running = null
    await running?.worker.terminate()
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const result = this.queue.then(job)
    // The queue only orders jobs; each caller handles its own job's failure.
    this.queue = result.catch(() => undefined)
    return result
  }

  private stopError(outcome: Exclude<SendOutcome, { kind: 'done' }>, where: SqlError['where'], limitMs: number): SqlError {
    if (outcome.kind === 'timeout') {
      const seconds = Math.round(limitMs / 100) / 10
      return {
        kind: 'timeout',
        message: `Stopped after ${seconds} s, the time limit. A recursive WITH without a stopping condition (or a join that multiplies rows) is the usual cause.`,
        where,
        line: null,
        column: null,
        hint: 'The engine restarts with a fresh database for your next run.'
      }
    }
    return { kind: 'engine', message: `The SQL engine stopped: ${outcome.message}`, where, line: null, column: null, hint: 'Run again: a fresh engine starts.' }
  }

  private start(): RunningWorker {
    const worker = new Worker(this.workerUrl.pathname.endsWith('.ts') ? tsxBootstrap(this.workerUrl) : this.workerUrl, { workerData: { cacheDir: this.cacheDir, seedDir: this.seedDir } })
    worker.unref()
    const ready = new Promise<number>((resolve, reject) => {
      const onMessage = (reply: SqlWorkerReply) => {
        if (reply.type === 'ready') resolve(reply.startMs)
        if (reply.type === 'start-failed') reject(new Error(reply.message))
      }
      worker.on('message', onMessage)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`the engine exited while starting (code ${code})`)))
    })
    // Callers see start failures through send(); this only keeps them from being unhandled.
    ready.catch(() => undefined)
    return { worker, ready, startReported: false }
  }

  /** Ends the current worker (if it is still `running`) and starts the next one in the background. */
  private replace(running: RunningWorker): void {
    if (this.running !== running) return
    this.running = null
    void running.worker.terminate()
    if (!this.closed) this.running = this.start()
  }

  /** Starts the engine now, so that the first run does not wait for it. */
  warmUp(): void {
    if (!this.closed) this.running ??= this.start()
  }

  private async send(request: RequestBody, limitMs: number): Promise<SendOutcome> {
    if (this.closed) return { kind: 'failed', message: 'the app is closing', elapsedMs: 0, startMs: 0 }
    this.running ??= this.start()
    const running = this.running
    let startMs = 0
    try {
      const started = await withTimeout(running.ready, START_TIMEOUT_MS, 'the engine did not start in time')
      if (!running.startReported) {
        running.startReported = true
        startMs = started
      }
    } catch (error) {
      this.replace(running)
      return { kind: 'failed', message: messageOf(error), elapsedMs: 0, startMs }
    }
    const id = ++this.nextId
    const began = performance.now()
    return new Promise<SendOutcome>((resolve) => {
      const cleanup = () => {
        clearTimeout(timer)
        running.worker.off('message', onMessage)
        running.worker.off('exit', onExit)
      }
      const onMessage = (reply: SqlWorkerReply) => {
        if (reply.type !== 'reply' || reply.id !== id) return
        cleanup()
        if (reply.ok) resolve({ kind: 'done', value: reply.value, startMs })
        else {
          // The engine itself failed (not the SQL, which comes back as an outcome): start afresh.
          this.replace(running)
          resolve({ kind: 'failed', message: reply.message, elapsedMs: performance.now() - began, startMs })
        }
      }
      const onExit = (code: number) => {
        cleanup()
        if (this.running === running) this.running = null
        resolve({ kind: 'failed', message: `it exited (code ${code}); it may have run out of memory`, elapsedMs: performance.now() - began, startMs })
      }
      const timer = setTimeout(() => {
        cleanup()
        this.replace(running)
        resolve({ kind: 'timeout', elapsedMs: performance.now() - began, startMs })
      }, limitMs)
      running.worker.on('message', onMessage)
      running.worker.on('exit', onExit)
      running.worker.postMessage({ ...request, id } as SqlWorkerRequest)
    })
  }
}

type SendOutcome =
  | { kind: 'done'; value: SqlPrepareResult | SqlRunOutcome; startMs: number }
  | { kind: 'timeout'; elapsedMs: number; startMs: number }
  | { kind: 'failed'; message: string; elapsedMs: number; startMs: number }

/**
 * A worker that runs TypeScript: Node 20 ignores `--import tsx` in a worker's execArgv, so a
 * one-line module registers tsx's loader first, then imports the source.
 */
function tsxBootstrap(source: URL): URL {
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(source.href)});`
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`)
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      }
    )
  })
}

export type { SqlLimits }
