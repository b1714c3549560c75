import type { BodyAnalysis } from '@shared/banks/question-body'
import type { ScannedBank } from '@shared/banks/scan-bank'
import type { Bank, BankLibrary } from '@shared/banks/types'
import type { BankFileErrorCode } from './bank-file-error'
import type { ImportBankFileInput, ScanBankFileInput } from './import-bank-file'
import type { LoadBankLibraryOptions } from './load-bank-files'

export interface ScannedLibrary {
  banks: ScannedBank[]
  errors: BankLibrary['errors']
}

export type BankWorkerRequest =
  | { id: number; op: 'scan-library'; options: LoadBankLibraryOptions }
  | { id: number; op: 'scan-file'; input: ScanBankFileInput }
  | { id: number; op: 'import'; input: ImportBankFileInput }
  | { id: number; op: 'analyze'; bodies: string[] }

export type BankWorkerValue = ScannedLibrary | ScannedBank | Bank | BodyAnalysis[]

export type BankWorkerReply =
  | { id: number; ok: true; value: BankWorkerValue }
  | {
      id: number
      ok: false
      error: { kind: 'bank-file'; code: BankFileErrorCode; file: string; reason: string } | { kind: 'other'; message: string }
    }

/** What the library service needs from the parser, in process or in a worker thread. */
export interface BankOperations {
  scanLibrary(options: LoadBankLibraryOptions): Promise<ScannedLibrary>
  /** Reads a picked file as a bank without storing it (the import preview). */
  scanFile(input: ScanBankFileInput): Promise<ScannedBank>
  importFile(input: ImportBankFileInput): Promise<Bank>
  /** The detailed parse of question bodies (remark), in the order given. */
  analyze(bodies: string[]): Promise<BodyAnalysis[]>
  close(): Promise<void>
}
