export { BankFileError, type BankFileErrorCode } from './bank-file-error'
export { decodeBankBytes, type DecodedBankText } from './decode-bank-bytes'
export { importBankFile, maxImportBytes, type ImportBankFileInput } from './import-bank-file'
export {
  bankIdForFile,
  isBankFileName,
  loadBankFiles,
  loadBankLibrary,
  readBankFile,
  type LoadBankFilesOptions,
  type LoadBankLibraryOptions
} from './load-bank-files'
export { repairMojibake, type MojibakeRepair } from './repair-mojibake'
export { inProcessBankOperations, workerBankOperations } from './bank-operations'
export type { BankOperations } from './bank-worker-protocol'
