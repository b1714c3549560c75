import { useCallback, useState } from 'react'
import type { ImportBanksResult } from '../../../../shared/contract'
import { api } from '../../lib/api'
import { readFileAsBase64 } from '../../lib/read-file'
import { useLibrary } from './library-context'

export interface ImportReport {
  imported: ImportBanksResult['imported']
  errors: ImportBanksResult['errors']
}

const bankFilePattern = /\.(md|markdown|txt)$/i

/**
 * Sends chosen or dropped files to the backend one at a time (a folder may hold many large
 * files), collects what was imported and what was refused, then reloads the library once.
 */
export function useBankImport() {
  const { reload } = useLibrary()
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)

  const importFiles = useCallback(
    async (files: File[], { fromFolder = false } = {}) => {
      // From a folder, skip what is plainly not a bank (images, .git files); a file chosen
      // by hand is always tried, so the user hears why it was refused.
      const chosen = fromFolder ? files.filter((file) => bankFilePattern.test(file.name)) : files
      if (chosen.length === 0) {
        setReport({ imported: [], errors: [{ file: 'folder', reason: 'no .md, .markdown or .txt files in it' }] })
        return
      }
      const result: ImportReport = { imported: [], errors: [] }
      setBusy({ done: 0, total: chosen.length })
      for (const [i, file] of chosen.entries()) {
        try {
          const answer = await api.importBanks({ files: [{ name: file.name, base64: await readFileAsBase64(file) }] })
          result.imported.push(...answer.imported)
          result.errors.push(...answer.errors)
        } catch (error) {
          result.errors.push({ file: file.name, reason: error instanceof Error ? error.message : String(error) })
        }
        setBusy({ done: i + 1, total: chosen.length })
      }
      await reload()
      setBusy(null)
      setReport(result)
    },
    [reload]
  )

  return { importFiles, busy, report, clearReport: () => setReport(null) }
}
