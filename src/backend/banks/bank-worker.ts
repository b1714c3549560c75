import { parentPort } from 'node:worker_threads'
import { BankFileError } from './bank-file-error'
import { runBankOperation } from './bank-operations'
import type { BankWorkerReply, BankWorkerRequest } from './bank-worker-protocol'
import { messageOf } from '@shared/errors'

/**
 * Parses banks off the backend's main thread (built as out/main/bank-worker.js): the backend
 * keeps answering, recording and serving meanwhile, and a parse that runs past its time budget
 * can be stopped by ending this thread.
 */
const port = parentPort
if (!port) throw new Error('bank-worker must run as a worker thread')

port.on('message', (request: BankWorkerRequest) => {
  runBankOperation(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies BankWorkerReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error:
          error instanceof BankFileError
            ? { kind: 'bank-file', code: error.code, file: error.file, reason: error.reason }
            : { kind: 'other', message: messageOf(error) }
      } satisfies BankWorkerReply)
  )
})
