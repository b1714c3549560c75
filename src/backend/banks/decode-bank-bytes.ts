import { BankFileError } from './bank-file-error'
import { repairMojibake } from './repair-mojibake'

export interface DecodedBankText {
  text: string
  /** Mojibake sequences repaired (UTF-8 that had been read as Windows-1252). */
  repairedMojibake: number
}

const sniffLength = 64 * 1024

/**
 * Bytes of a bank file → text, or a BankFileError saying why not. Accepts UTF-8 (with or
 * without BOM) and UTF-16 with a BOM; anything else that is not valid UTF-8 is refused rather
 * than guessed at.
 */
export function decodeBankBytes(file: string, bytes: Uint8Array): DecodedBankText {
  if (bytes.length === 0) throw new BankFileError('empty', file, 'the file is empty')
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8'
  let start = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2]
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2]
  const body = bytes.subarray(start)

  if (encoding === 'utf-8' && looksBinary(body)) {
    throw new BankFileError('binary', file, 'the file is binary, not markdown text')
  }
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body)
  } catch {
    throw new BankFileError('not-decodable', file, `the file is not valid ${encoding.toUpperCase()} text`)
  }
  if (encoding !== 'utf-8' && text.includes('\u0000')) throw new BankFileError('binary', file, 'the file is binary, not markdown text')
  if (text.trim() === '') throw new BankFileError('empty', file, 'the file has no text')
  const repaired = repairMojibake(text)
  return { text: repaired.text, repairedMojibake: repaired.repairs }
}

/** NUL bytes, or many control characters other than tab / newline / form feed, mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, sniffLength)
  let control = 0
  for (const b of bytes.subarray(0, n)) {
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++
  }
  return control > n * 0.1
}
