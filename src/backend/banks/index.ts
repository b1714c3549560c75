export { BankFileError, type BankFileErrorCode } from './bank-file-error'
export { decodeBankBytes, type DecodedBankText } from './decode-bank-bytes'
export { importBankFile, maxImportBytes, scanBankFile, type ImportBankFileInput, type ScanBankFileInput } from './import-bank-file'
export {
  bankIdForFile,
  isBankFileName,
  loadBankFiles,
  loadBankLibrary,
  maxBankBytes,
  readBankFile,
  scanBankBytes,
  scanBankFiles,
  scanBankLibrary,
  type LoadBankFilesOptions,
  type LoadBankLibraryOptions
} from './load-bank-files'
export { repairMojibake, type MojibakeRepair } from './repair-mojibake'
export { defaultBudgetMs, inProcessBankOperations, runBankOperation, workerBankOperations } from './bank-operations'
export type { BankOperations, ScannedLibrary } from './bank-worker-protocol'
