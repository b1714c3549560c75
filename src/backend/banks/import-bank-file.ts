import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ScannedBank } from '@shared/banks/scan-bank'
import type { Bank } from '@shared/banks/types'
import { BankFileError } from './bank-file-error'
import { bankIdForFile, isBankFileName, maxBankBytes, scanBankBytes } from './load-bank-files'

export const maxImportBytes = maxBankBytes

export interface ScanBankFileInput {
  fileName: string
  bytes: Uint8Array
  /** Read the file as a new version of this (imported) bank: its id, so unchanged questions keep theirs. */
  bankId?: string
}

export interface ImportBankFileInput extends ScanBankFileInput {
  importedDir: string
  /** Store under this name (the bank being replaced keeps its file name, hence its id). */
  storeAs?: string
}

/**
 * Reads a file the user picked as a bank without storing it (the import preview). Throws
 * BankFileError (empty, binary, not-decodable, too-large, too-complex, invalid-name,
 * no-questions) naming the file. A rubric-only bank is accepted: it adds a rubric.
 */
export function scanBankFile(input: ScanBankFileInput): ScannedBank {
  const { fileName, bytes } = input
  checkFileName(fileName)
  if (bytes.length > maxImportBytes) {
    throw new BankFileError('too-large', fileName, `the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${maxImportBytes / 1048576} MB`)
  }
  // Content first: a picture dropped by mistake is better told "binary" than "wrong extension".
  const scanned = scanBankBytes(fileName, bytes, input.bankId ?? bankIdForFile(fileName, 'imported'), 'imported')
  if (!isBankFileName(fileName)) {
    throw new BankFileError('invalid-name', fileName, 'only .md, .markdown or .txt files can be imported')
  }
  if (scanned.questions.length === 0 && scanned.rubrics.length === 0) {
    throw new BankFileError('no-questions', fileName, 'no questions were found in it')
  }
  return scanned
}

/**
 * Validates a bank the user picked and stores its bytes unchanged in `importedDir`; the same
 * file name again replaces the earlier import (and keeps its bank id).
 */
export async function importBankFile(input: ImportBankFileInput): Promise<Bank> {
  const scanned = scanBankFile(input)
  const name = input.storeAs ?? input.fileName
  checkFileName(name)
  await mkdir(input.importedDir, { recursive: true })
  const target = join(input.importedDir, name)
  // A short name of its own: the bank's name plus a suffix could pass the 255-byte limit.
  const temporary = join(input.importedDir, `.import-${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, input.bytes)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined) // a leftover temporary file is harmless and overwritten next time
    throw error
  }
  return { ...scanned.bank, file: name }
}

function checkFileName(fileName: string): void {
  if (!fileName || /[\\/]/.test(fileName) || fileName === '.' || fileName === '..' || fileName.includes('\0')) {
    throw new BankFileError('invalid-name', fileName || '(unnamed)', 'the file name must be a plain name, not a path')
  }
}
