import { useCallback, useState } from 'react'
import type { ImportBanksResult, ImportPreview } from '@shared/contract'
import { messageOf } from '@shared/errors'
import { api } from '../../lib/api'
import { readFileAsBase64 } from '../../lib/read-file'
import { useLibrary } from './library-context'
import { defined } from '@shared/defined'

export interface ImportReport {
  imported: ImportBanksResult['imported']
  errors: ImportBanksResult['errors']
}

export interface PendingImport {
  files: Array<{ name: string; base64: string; replaceBankId?: string }>
  /** One per file, in the same order. */
  previews: ImportPreview[]
}

const bankFilePattern = /\.(md|markdown|txt)$/i

/**
 * Import in two steps: the chosen or dropped files are read by the backend and previewed
 * (nothing is stored); the user then imports them or cancels. Files go one at a time (a
 * folder may hold many large files); the library reloads once at the end.
 */
export function useBankImport() {
  const { reload } = useLibrary()
  const [busy, setBusy] = useState<{ label: string; done: number; total: number } | null>(null)
  const [pending, setPending] = useState<PendingImport | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)

  const chooseFiles = useCallback(async (files: File[], { fromFolder = false, replaceBankId }: { fromFolder?: boolean; replaceBankId?: string } = {}) => {
    // From a folder, skip what is plainly not a bank (images, .git files); a file chosen
    // by hand is always tried, so the user hears why it was refused.
    const chosen = fromFolder ? files.filter((file) => bankFilePattern.test(file.name)) : files
    if (chosen.length === 0) {
      setReport({ imported: [], errors: [{ file: 'folder', reason: 'no .md, .markdown or .txt files in it' }] })
      return
    }
    setReport(null)
    const next: PendingImport = { files: [], previews: [] }
    setBusy({ label: 'Reading', done: 0, total: chosen.length })
    for (const [i, file] of chosen.entries()) {
      try {
        const entry = { name: file.name, base64: await readFileAsBase64(file), ...(replaceBankId ? { replaceBankId } : {}) }
        const { previews } = await api.previewBanks({ files: [entry] })
        next.files.push(entry)
        next.previews.push(defined(previews[0], 'the preview of the file sent'))
      } catch (error) {
        next.files.push({ name: file.name, base64: '' })
        next.previews.push(failedPreview(file.name, error))
      }
      setBusy({ label: 'Reading', done: i + 1, total: chosen.length })
    }
    setBusy(null)
    setPending(next)
  }, [])

  const confirm = useCallback(async () => {
    if (!pending) return
    const chosen = pending.files.filter((_, i) => pending.previews[i]?.error === null)
    setPending(null)
    const result: ImportReport = { imported: [], errors: [] }
    setBusy({ label: 'Importing', done: 0, total: chosen.length })
    for (const [i, file] of chosen.entries()) {
      try {
        const answer = await api.importBanks({ files: [file] })
        result.imported.push(...answer.imported)
        result.errors.push(...answer.errors)
      } catch (error) {
        result.errors.push({ file: file.name, reason: messageOf(error) })
      }
      setBusy({ label: 'Importing', done: i + 1, total: chosen.length })
    }
    await reload()
    setBusy(null)
    setReport(result)
  }, [pending, reload])

  return {
    chooseFiles,
    busy,
    pending,
    confirm,
    cancel: () => setPending(null),
    report,
    clearReport: () => setReport(null)
  }
}

function failedPreview(file: string, error: unknown): ImportPreview {
  return {
    file,
    error: messageOf(error),
    bankId: null,
    title: file,
    layouts: [],
    questionCount: 0,
    questions: [],
    warnings: [],
    replaces: null
  }
}
