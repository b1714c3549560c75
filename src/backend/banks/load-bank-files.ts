import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { assembleLibrary } from '../../shared/banks/assemble-library'
import { parseBank, type ParsedBank } from '../../shared/banks/parse-bank'
import { slugify } from '../../shared/banks/title-text'
import type { Bank, BankLibrary, Rubric } from '../../shared/banks/types'
import { BankFileError } from './bank-file-error'
import { decodeBankBytes } from './decode-bank-bytes'

export const bankFileExtensions = ['.md', '.markdown', '.txt'] as const
/** Imported banks get their own id space, so an import never takes over a built-in bank's ids. */
export const importedBankIdPrefix = 'imported-'

export function isBankFileName(name: string): boolean {
  const lower = name.toLowerCase()
  return !name.startsWith('.') && bankFileExtensions.some((ext) => lower.endsWith(ext))
}

export function bankIdForFile(fileName: string, source: Bank['source'] = 'built-in'): string {
  const base = slugify(basename(fileName).replace(/\.[^.]+$/, '')) || 'bank'
  return source === 'imported' ? `${importedBankIdPrefix}${base}` : base
}

/** Decodes and parses one file; throws BankFileError when it cannot be read as a bank. */
export async function readBankFile(path: string, bankId: string, source: Bank['source']): Promise<ParsedBank> {
  const file = basename(path)
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new BankFileError('unreadable', file, describeFsError(error))
  }
  const decoded = decodeBankBytes(file, bytes)
  const parsed = parseBank(decoded.text, { bankId, file, source })
  if (decoded.repairedMojibake > 0) {
    parsed.bank.warnings.unshift(
      `repaired ${decoded.repairedMojibake} mojibake sequence(s) (UTF-8 that had been read as Windows-1252)`
    )
  }
  return parsed
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

/**
 * Paths (files, or folders of bank files) → a library. A file that cannot be loaded is
 * reported in `errors` and never stops the others. Bank ids come from file names, so the
 * result does not depend on the order of `paths`.
 */
export async function loadBankFiles(paths: readonly string[], options: LoadBankFilesOptions = {}): Promise<BankLibrary> {
  const errors: BankLibrary['errors'] = []
  const entries = await expandPaths(paths, options.source ?? 'built-in', errors)
  const parsed = await parseEntries(entries, errors)
  const extraRubrics: Rubric[] = []
  if (options.rubricSources && options.rubricSources.length > 0) {
    const loadedPaths = new Set(entries.map((e) => e.path))
    const rubricEntries = (await expandPaths(options.rubricSources, 'built-in', [])).filter((e) => !loadedPaths.has(e.path))
    for (const extra of await parseEntries(rubricEntries, [])) extraRubrics.push(...extra.rubrics)
  }
  return assembleLibrary(parsed, { extraRubrics, errors })
}

export interface LoadBankLibraryOptions {
  builtInDir: string
  importedDir?: string
}

export async function loadBankLibrary(options: LoadBankLibraryOptions): Promise<BankLibrary> {
  const errors: BankLibrary['errors'] = []
  const entries = await expandPaths([options.builtInDir], 'built-in', errors)
  if (options.importedDir) {
    const imported = await expandPaths([options.importedDir], 'imported', [])
    entries.push(...imported)
  }
  const parsed = await parseEntries(entries, errors)
  return assembleLibrary(parsed, { errors })
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

async function parseEntries(entries: readonly Entry[], errors: BankLibrary['errors']): Promise<ParsedBank[]> {
  const ids = assignBankIds(entries)
  const parsed: ParsedBank[] = []
  for (const entry of entries) {
    try {
      parsed.push(await readBankFile(entry.path, ids.get(entry)!, entry.source))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      errors.push({ file: basename(entry.path), reason })
    }
  }
  return parsed
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
  return error instanceof Error ? error.message : String(error)
}
