import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseBank } from '../../shared/banks/parse-bank'
import type { Bank } from '../../shared/banks/types'
import { BankFileError } from './bank-file-error'
import { decodeBankBytes } from './decode-bank-bytes'
import { bankIdForFile, isBankFileName } from './load-bank-files'

export const maxImportBytes = 5 * 1024 * 1024

export interface ImportBankFileInput {
  importedDir: string
  fileName: string
  bytes: Uint8Array
}

/**
 * Validates a bank the user picked and stores its bytes unchanged in `importedDir`; the same
 * file name again replaces the earlier import (and keeps its bank id). Throws BankFileError
 * (empty, binary, not-decodable, too-large, no-questions, invalid-name) naming the file. A
 * rubric-only bank is accepted: it adds a rubric, like the built-in STAR rubric.
 */
export async function importBankFile(input: ImportBankFileInput): Promise<Bank> {
  const { importedDir, fileName, bytes } = input
  if (!fileName || /[\\/]/.test(fileName) || fileName === '.' || fileName === '..' || fileName.includes('\0')) {
    throw new BankFileError('invalid-name', fileName || '(unnamed)', 'the file name must be a plain name, not a path')
  }
  if (bytes.length > maxImportBytes) {
    throw new BankFileError('too-large', fileName, `the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 5 MB`)
  }
  // Content first: a picture dropped by mistake is better told "binary" than "wrong extension".
  const decoded = decodeBankBytes(fileName, bytes)
  if (!isBankFileName(fileName)) {
    throw new BankFileError('invalid-name', fileName, 'only .md, .markdown or .txt files can be imported')
  }
  const parsed = parseBank(decoded.text, { bankId: bankIdForFile(fileName, 'imported'), file: fileName, source: 'imported' })
  if (parsed.questions.length === 0 && parsed.rubrics.length === 0) {
    throw new BankFileError('no-questions', fileName, 'no questions were found in it')
  }
  await mkdir(importedDir, { recursive: true })
  const target = join(importedDir, fileName)
  // A short name of its own: the bank's name plus a suffix could pass the 255-byte limit.
  const temporary = join(importedDir, `.import-${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    throw error
  }
  return parsed.bank
}
