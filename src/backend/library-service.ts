import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportBanksResult } from '../shared/contract'
import type { BankLibrary } from '../shared/banks/types'
import { AppError } from '../shared/api/result'
import { BankFileError, inProcessBankOperations, type BankOperations } from './banks'

export interface LibraryServiceOptions {
  /** The built-in banks shipped with the app (question-banks/). */
  builtInDir: string
  /** Where imported banks are copied (<dataDir>/banks). */
  importedDir: string
  /** Where parsing runs: a worker thread in the apps, this thread in the CLI and tests. */
  operations?: BankOperations
}

/**
 * The parsed library, loaded on first use and kept until an import or removal changes it.
 * Loads are shared: two callers during a load wait for the same one.
 */
export class LibraryService {
  private loading: Promise<BankLibrary> | null = null
  private readonly operations: BankOperations

  constructor(private readonly options: LibraryServiceOptions) {
    mkdirSync(options.importedDir, { recursive: true })
    this.operations = options.operations ?? inProcessBankOperations
  }

  get(): Promise<BankLibrary> {
    if (this.loading) return this.loading
    const loading = this.operations.loadBankLibrary({ builtInDir: this.options.builtInDir, importedDir: this.options.importedDir })
    loading.catch(() => {
      // A failed load is not cached: the next call tries again.
      if (this.loading === loading) this.loading = null
    })
    this.loading = loading
    return loading
  }

  async importFiles(files: Array<{ name: string; bytes: Uint8Array }>): Promise<ImportBanksResult> {
    const result: ImportBanksResult = { imported: [], errors: [] }
    for (const file of files) {
      try {
        const bank = await this.operations.importBankFile({ importedDir: this.options.importedDir, fileName: file.name, bytes: file.bytes })
        result.imported.push({ file: file.name, bankId: bank.id, questionCount: bank.questionCount })
      } catch (error) {
        const reason = error instanceof BankFileError ? error.reason : error instanceof Error ? error.message : String(error)
        result.errors.push({ file: file.name, reason })
      }
    }
    if (result.imported.length > 0) this.loading = null
    return result
  }

  /** Forgets the parsed library (after a restore replaced the imported banks). */
  invalidate(): void {
    this.loading = null
  }

  close(): Promise<void> {
    return this.operations.close()
  }

  async removeBank(bankId: string): Promise<BankLibrary> {
    const library = await this.get()
    const bank = library.banks.find((b) => b.id === bankId)
    if (!bank) throw new AppError('NOT_FOUND', `No bank with id ${bankId}.`)
    if (bank.source !== 'imported') throw new AppError('CONFLICT', `${bank.title} is built in and cannot be removed.`)
    const file = readdirSync(this.options.importedDir).find((name) => name === bank.file)
    if (!file) throw new AppError('NOT_FOUND', `The file of ${bank.title} is already gone.`)
    rmSync(join(this.options.importedDir, file))
    this.loading = null
    return this.get()
  }
}
