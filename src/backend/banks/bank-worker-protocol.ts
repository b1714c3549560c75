import type { Bank, BankLibrary } from '../../shared/banks/types'
import type { BankFileErrorCode } from './bank-file-error'
import type { ImportBankFileInput } from './import-bank-file'
import type { LoadBankLibraryOptions } from './load-bank-files'

export type BankWorkerRequest =
  | { id: number; op: 'load'; options: LoadBankLibraryOptions }
  | { id: number; op: 'import'; input: ImportBankFileInput }

export type BankWorkerReply =
  | { id: number; ok: true; value: BankLibrary | Bank }
  | {
      id: number
      ok: false
      error: { kind: 'bank-file'; code: BankFileErrorCode; file: string; reason: string } | { kind: 'other'; message: string }
    }

/** What the library service needs from the parser, in process or in a worker thread. */
export interface BankOperations {
  loadBankLibrary(options: LoadBankLibraryOptions): Promise<BankLibrary>
  importBankFile(input: ImportBankFileInput): Promise<Bank>
  close(): Promise<void>
}
