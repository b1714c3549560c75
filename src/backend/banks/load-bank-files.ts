import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { assembleLibrary, fullLibrary } from '@shared/banks/assemble-library'
import { MarkdownTooComplexError } from '@shared/banks/markdown-guard'
import { scanBank, type ScannedBank } from '@shared/banks/scan-bank'
import { slugify } from '@shared/banks/title-text'
import type { Bank, BankLibrary, Rubric } from '@shared/banks/types'
import { messageOf } from '@shared/errors'
import { defined } from '@shared/defined'
import { BankFileError } from './bank-file-error'
import { decodeBankBytes } from './decode-bank-bytes'

export const bankFileExtensions = ['.md', '.markdown', '.txt'] as const
/** Imported banks get their own id space, so an import never takes over a built-in bank's ids. */
export const importedBankIdPrefix = 'imported-'
/** The largest bank file read or imported (a bigger one is refused with a clear reason). */
export const maxBankBytes = 5 * 1024 * 1024

export function isBankFileName(name: string): boolean {
  const lower = name.toLowerCase()
  return !name.startsWith('.') && bankFileExtensions.some((ext) => lower.endsWith(ext))
}

export function bankIdForFile(fileName: string, source: Bank['source'] = 'built-in'): string {
  const base = slugify(basename(fileName).replace(/\.[^.]+$/, '')) || 'bank'
  return source === 'imported' ? `${importedBankIdPrefix}${base}` : base
}

/** Bytes → a scanned bank; throws BankFileError (naming the file) when they cannot be one. */
export function scanBankBytes(file: string, bytes: Uint8Array, bankId: string, source: Bank['source']): ScannedBank {
  if (bytes.length > maxBankBytes) {
    throw new BankFileError('too-large', file, `the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${maxBankBytes / 1048576} MB`)
  }
  const decoded = decodeBankBytes(file, bytes)
  let scanned: ScannedBank
  try {
    scanned = scanBank(decoded.text, { bankId, file, source })
  } catch (error) {
    if (error instanceof MarkdownTooComplexError) {
      throw new BankFileError('too-complex', file, `its markdown is too deeply nested to read safely (${error.message})`)
    }
    throw error
  }
  if (decoded.repairedMojibake > 0) {
    scanned.bank.warnings.unshift(`repaired ${decoded.repairedMojibake} mojibake sequence(s) (UTF-8 that had been read as Windows-1252)`)
  }
  return scanned
}

/** Reads and scans one file; throws BankFileError when it cannot be read as a bank. */
export async function readBankFile(path: string, bankId: string, source: Bank['source']): Promise<ScannedBank> {
  const file = basename(path)
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (info.size > maxBankBytes) {
      throw new BankFileError('too-large', file, `the file is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${maxBankBytes / 1048576} MB`)
    }
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof BankFileError) throw error
    throw new BankFileError('unreadable', file, describeFsError(error))
  }
  return scanBankBytes(file, bytes, bankId, source)
}

interface Entry {
  path: string
  source: Bank['source']
}

export interface LoadBankFilesOptions {
  source?: Bank['source']
  /**
   * Files or folders whose rubrics score the loaded questions without adding their own
   * questions (the CLI passes the built-in folder, so a lone bank still gets a rubric).
   */
  rubricSources?: string[]
}

export interface ScannedFiles {
  banks: ScannedBank[]
  errors: BankLibrary['errors']
  /** Rubrics from `rubricSources`, which score the loaded questions without adding any. */
  extraRubrics: Rubric[]
}

/**
 * Paths (files, or folders of bank files) → scanned banks. A file that cannot be loaded is
 * reported in `errors` and never stops the others. Bank ids come from file names, so the
 * result does not depend on the order of `paths`.
 */
export async function scanBankFiles(paths: readonly string[], options: LoadBankFilesOptions = {}): Promise<ScannedFiles> {
  const errors: BankLibrary['errors'] = []
  const entries = await expandPaths(paths, options.source ?? 'built-in', errors)
  const banks = await scanEntries(entries, errors)
  const extraRubrics: Rubric[] = []
  if (options.rubricSources && options.rubricSources.length > 0) {
    const loadedPaths = new Set(entries.map((e) => e.path))
    const rubricEntries = (await expandPaths(options.rubricSources, 'built-in', [])).filter((e) => !loadedPaths.has(e.path))
    for (const extra of await scanEntries(rubricEntries, [])) extraRubrics.push(...extra.rubrics)
  }
  return { banks, errors, extraRubrics }
}

/** As `scanBankFiles`, with every question analysed in full (the CLI and tests). */
export async function loadBankFiles(paths: readonly string[], options: LoadBankFilesOptions = {}): Promise<BankLibrary> {
  const { banks, errors, extraRubrics } = await scanBankFiles(paths, options)
  return fullLibrary(assembleLibrary(banks, { extraRubrics, errors }))
}

export interface LoadBankLibraryOptions {
  builtInDir: string
  importedDir?: string
}

/** The built-in banks and the imported ones, scanned (ids of imported banks in their own space). */
export async function scanBankLibrary(options: LoadBankLibraryOptions): Promise<{ banks: ScannedBank[]; errors: BankLibrary['errors'] }> {
  const errors: BankLibrary['errors'] = []
  const entries = await expandPaths([options.builtInDir], 'built-in', errors)
  if (options.importedDir) {
    const imported = await expandPaths([options.importedDir], 'imported', [])
    entries.push(...imported)
  }
  return { banks: await scanEntries(entries, errors), errors }
}

export async function loadBankLibrary(options: LoadBankLibraryOptions): Promise<BankLibrary> {
  const { banks, errors } = await scanBankLibrary(options)
  return fullLibrary(assembleLibrary(banks, { errors }))
}

async function expandPaths(paths: readonly string[], source: Bank['source'], errors: BankLibrary['errors']): Promise<Entry[]> {
  const entries: Entry[] = []
  for (const raw of paths) {
    const path = resolve(raw)
    try {
      const info = await stat(path)
      if (info.isDirectory()) {
        const names = (await readdir(path)).filter(isBankFileName).sort()
        for (const name of names) entries.push({ path: join(path, name), source })
      } else {
        entries.push({ path, source })
      }
    } catch (error) {
      errors.push({ file: raw, reason: `${raw}: ${describeFsError(error)}` })
    }
  }
  return entries
}

async function scanEntries(entries: readonly Entry[], errors: BankLibrary['errors']): Promise<ScannedBank[]> {
  const ids = assignBankIds(entries)
  const scanned: ScannedBank[] = []
  for (const entry of entries) {
    try {
      scanned.push(await readBankFile(entry.path, defined(ids.get(entry), `the id of bank file ${entry.path}`), entry.source))
    } catch (error) {
      const reason = messageOf(error)
      errors.push({ file: basename(entry.path), reason })
    }
  }
  return scanned
}

/** Two files with the same name (from different folders) are told apart by full path order. */
function assignBankIds(entries: readonly Entry[]): Map<Entry, string> {
  const ids = new Map<Entry, string>()
  const byId = new Map<string, Entry[]>()
  for (const entry of entries) {
    const id = bankIdForFile(entry.path, entry.source)
    byId.set(id, [...(byId.get(id) ?? []), entry])
  }
  for (const [id, group] of byId) {
    const sorted = [...group].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    sorted.forEach((entry, n) => ids.set(entry, n === 0 ? id : `${id}-${n + 1}`))
  }
  return ids
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a folder, not a file'
  return messageOf(error)
}
