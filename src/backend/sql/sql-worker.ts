import { parentPort, workerData } from 'node:worker_threads'
import { SqlEngine } from './sql-engine'
import type { SqlPrepareResult, SqlRunOutcome } from '@shared/sql/types'
import type { SqlWorkerReply, SqlWorkerRequest } from './sql-worker-protocol'
import { messageOf } from '@shared/errors'

/**
 * The SQL engine's thread (built as out/main/sql-worker.js). PostgreSQL runs synchronously in
 * WebAssembly, so a runaway query can only be stopped by ending its thread: `SqlService`
 * terminates this worker at the time limit and starts a fresh one.
 */
const port = parentPort
if (!port) throw new Error('sql-worker must run as a worker thread')

const started = performance.now()
const options = (workerData ?? {}) as { cacheDir?: string; seedDir?: string }
const engine = SqlEngine.start({ cacheDir: options.cacheDir, seedDir: options.seedDir })
engine.then(
  () => port.postMessage({ type: 'ready', startMs: performance.now() - started } satisfies SqlWorkerReply),
  (error: unknown) => port.postMessage({ type: 'start-failed', message: messageOf(error) } satisfies SqlWorkerReply)
)

port.on('message', (request: SqlWorkerRequest) => {
  const work = engine.then(
    (ready): Promise<SqlPrepareResult | SqlRunOutcome> =>
      request.op === 'prepare' ? ready.prepare(request.setup, request.references, request.limits) : ready.run(request.setup, request.query, request.limits)
  )
  work.then(
    (value) => port.postMessage({ type: 'reply', id: request.id, ok: true, value } satisfies SqlWorkerReply),
    (error: unknown) =>
      port.postMessage({ type: 'reply', id: request.id, ok: false, message: messageOf(error) } satisfies SqlWorkerReply)
  )
})
