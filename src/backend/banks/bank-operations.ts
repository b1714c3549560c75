import { Worker } from 'node:worker_threads'
import type { Bank, BankLibrary } from '../../shared/banks/types'
import { BankFileError } from './bank-file-error'
import type { BankOperations, BankWorkerReply, BankWorkerRequest } from './bank-worker-protocol'
import { importBankFile } from './import-bank-file'
import { loadBankLibrary } from './load-bank-files'

/** Parsing on the calling thread: the CLI and tests, where nothing else needs the loop. */
export const inProcessBankOperations: BankOperations = {
  loadBankLibrary,
  importBankFile,
  close: async () => undefined
}

type RequestBody = BankWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never
type Pending = { resolve: (value: BankLibrary | Bank) => void; reject: (error: unknown) => void }

/** Parsing in one worker thread (started on first use), with the same results and errors. */
export function workerBankOperations(workerUrl: URL): BankOperations {
  let worker: Worker | null = null
  let nextId = 0
  const pending = new Map<number, Pending>()

  const failAll = (error: unknown) => {
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
    worker = null
  }

  const start = (): Worker => {
    const started = new Worker(workerUrl)
    started.unref()
    started.on('message', (reply: BankWorkerReply) => {
      const waiting = pending.get(reply.id)
      if (!waiting) return
      pending.delete(reply.id)
      if (reply.ok) waiting.resolve(reply.value)
      else if (reply.error.kind === 'bank-file') waiting.reject(new BankFileError(reply.error.code, reply.error.file, reply.error.reason))
      else waiting.reject(new Error(reply.error.message))
    })
    started.on('error', failAll)
    started.on('exit', (code) => failAll(new Error(`the bank parser stopped (exit code ${code})`)))
    return started
  }

  const send = <T extends BankLibrary | Bank>(request: RequestBody): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      worker ??= start()
      nextId += 1
      pending.set(nextId, { resolve: resolve as Pending['resolve'], reject })
      worker.postMessage({ ...request, id: nextId })
    })

  return {
    loadBankLibrary: (options) => send<BankLibrary>({ op: 'load', options }),
    importBankFile: (input) => send<Bank>({ op: 'import', input }),
    async close() {
      const running = worker
      worker = null
      await running?.terminate()
    }
  }
}
