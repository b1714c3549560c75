import { Worker } from 'node:worker_threads'
import { analyzeBodyText } from '@shared/banks/assemble-library'
import { BankFileError } from './bank-file-error'
import type { BankOperations, BankWorkerReply, BankWorkerRequest, BankWorkerValue } from './bank-worker-protocol'
import { importBankFile, scanBankFile } from './import-bank-file'
import { scanBankLibrary } from './load-bank-files'

/** One request, run on this thread (in process, or inside the worker). */
export async function runBankOperation(request: BankWorkerRequest): Promise<BankWorkerValue> {
  switch (request.op) {
    case 'scan-library':
      return scanBankLibrary(request.options)
    case 'scan-file':
      return scanBankFile(request.input)
    case 'import':
      return importBankFile(request.input)
    case 'analyze':
      return request.bodies.map(analyzeBodyText)
  }
}

/** Parsing on the calling thread: the CLI and tests, where nothing else needs the loop. */
export const inProcessBankOperations: BankOperations = {
  scanLibrary: (options) => scanBankLibrary(options),
  scanFile: async (input) => scanBankFile(input),
  importFile: (input) => importBankFile(input),
  analyze: async (bodies) => bodies.map(analyzeBodyText),
  close: async () => undefined
}

type RequestBody = BankWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never

interface Pending {
  request: BankWorkerRequest
  resolve: (value: BankWorkerValue) => void
  reject: (error: unknown) => void
  timer: ReturnType<typeof setTimeout> | null
}

export interface WorkerOperationsOptions {
  /** How long one request may run before the worker is stopped and restarted (ms). */
  budgetMs?: (request: BankWorkerRequest) => number
}

/**
 * A file's scan gets 10 s plus 4 s per MB (a 5 MB file scans in well under a second; the
 * margin is for a busy machine); analysing question bodies gets 10 s plus 2 s per 100 KB;
 * loading every bank gets two minutes. The scan is linear and the guard refuses deeply nested
 * markdown at once, so these are a backstop for slowness nobody foresaw.
 */
export function defaultBudgetMs(request: BankWorkerRequest): number {
  switch (request.op) {
    case 'scan-file':
    case 'import':
      return 10_000 + Math.ceil(request.input.bytes.length / 1048576) * 4000
    case 'analyze':
      return 10_000 + Math.ceil(request.bodies.reduce((n, b) => n + b.length, 0) / 102400) * 2000
    case 'scan-library':
      return 120_000
  }
}

/** Settles a request with its worker's reply: the same value, or the same error, as parsing in process. */
function settle(waiting: Pending, reply: BankWorkerReply): void {
  if (waiting.timer) clearTimeout(waiting.timer)
  if (reply.ok) waiting.resolve(reply.value)
  else if (reply.error.kind === 'bank-file') waiting.reject(new BankFileError(reply.error.code, reply.error.file, reply.error.reason))
  else waiting.reject(new Error(reply.error.message))
}

/**
 * Parsing in one worker thread (started on first use), with the same results and errors. A
 * request that runs past its time budget is refused with a clear error; the worker is ended
 * and a fresh one takes the requests that were waiting behind it, so other imports go on.
 */
export function workerBankOperations(workerUrl: URL, options: WorkerOperationsOptions = {}): BankOperations {
  const budgetMs = options.budgetMs ?? defaultBudgetMs
  let worker: Worker | null = null
  let nextId = 0
  let closed = false
  const pending = new Map<number, Pending>()

  const failAll = (from: Worker, error: unknown): void => {
    if (from !== worker) return // a worker ended on purpose; its requests moved on
    worker = null
    for (const p of pending.values()) {
      if (p.timer) clearTimeout(p.timer)
      p.reject(error)
    }
    pending.clear()
  }

  const start = (): Worker => {
    const started = new Worker(workerUrl)
    started.unref()
    started.on('message', (reply: BankWorkerReply) => {
      if (started !== worker) return
      const waiting = pending.get(reply.id)
      if (!waiting) return
      pending.delete(reply.id)
      settle(waiting, reply)
    })
    started.on('error', (error) => failAll(started, error))
    started.on('exit', (code) => failAll(started, new Error(`the bank parser stopped (exit code ${code})`)))
    return started
  }

  const dispatch = (p: Pending): void => {
    worker ??= start()
    const budget = budgetMs(p.request)
    p.timer = setTimeout(() => overran(p.request.id, budget), budget)
    p.timer.unref?.()
    worker.postMessage(p.request)
  }

  const overran = (id: number, budget: number): void => {
    const p = pending.get(id)
    if (!p) return
    pending.delete(id)
    p.reject(tooSlow(p.request, budget))
    const stuck = worker
    worker = null
    void stuck?.terminate()
    for (const other of pending.values()) {
      if (other.timer) clearTimeout(other.timer)
      dispatch(other)
    }
  }

  const send = <T extends BankWorkerValue>(body: RequestBody): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) {
        reject(new Error('the bank parser is closed'))
        return
      }
      nextId += 1
      const p: Pending = { request: { ...body, id: nextId } as BankWorkerRequest, resolve: resolve as Pending['resolve'], reject, timer: null }
      pending.set(nextId, p)
      dispatch(p)
    })

  return {
    scanLibrary: (libraryOptions) => send({ op: 'scan-library', options: libraryOptions }),
    scanFile: (input) => send({ op: 'scan-file', input }),
    importFile: (input) => send({ op: 'import', input }),
    analyze: (bodies) => send({ op: 'analyze', bodies }),
    async close() {
      closed = true
      const running = worker
      worker = null
      for (const p of pending.values()) {
        if (p.timer) clearTimeout(p.timer)
        p.reject(new Error('the bank parser was closed'))
      }
      pending.clear()
      await running?.terminate()
    }
  }
}

function tooSlow(request: BankWorkerRequest, budget: number): Error {
  const seconds = (budget / 1000).toFixed(budget % 1000 === 0 ? 0 : 1)
  if (request.op === 'scan-file' || request.op === 'import') {
    return new BankFileError(
      'too-slow',
      request.input.fileName,
      `reading it took longer than ${seconds} s and was stopped; its markdown may be built to be slow to read. Other banks are not affected.`
    )
  }
  if (request.op === 'analyze') return new Error(`reading this question took longer than ${seconds} s and was stopped`)
  return new Error(`loading the question banks took longer than ${seconds} s and was stopped`)
}
