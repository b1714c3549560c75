import { parentPort } from 'node:worker_threads'
import { BankFileError } from './bank-file-error'
import { importBankFile } from './import-bank-file'
import { loadBankLibrary } from './load-bank-files'
import type { BankWorkerReply, BankWorkerRequest } from './bank-worker-protocol'

/**
 * Parses banks off the backend's main thread (built as out/main/bank-worker.js): a large bank
 * takes seconds in remark, and the backend must keep answering, recording and serving meanwhile.
 */
const port = parentPort
if (!port) throw new Error('bank-worker must run as a worker thread')

port.on('message', (request: BankWorkerRequest) => {
  const work = request.op === 'load' ? loadBankLibrary(request.options) : importBankFile(request.input)
  work.then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies BankWorkerReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error:
          error instanceof BankFileError
            ? { kind: 'bank-file', code: error.code, file: error.file, reason: error.reason }
            : { kind: 'other', message: error instanceof Error ? error.message : String(error) }
      } satisfies BankWorkerReply)
  )
})
