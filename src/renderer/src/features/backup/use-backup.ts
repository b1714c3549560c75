import { useCallback, useEffect, useState } from 'react'
import type { BackupExport, BackupStatus, RestorePreview, RestoreResult } from '@shared/backup-schema'
import { messageOf } from '@shared/errors'
import { api } from '../../lib/api'
import { useLibrary } from '../library'
import { refreshPractice } from '../repetition'
import { uploadBackup } from './upload-backup'

/**
 * Exporting a backup, and restoring one: upload, preview, then replace only on confirm.
 * `onFileRead` runs once a chosen file was read (or failed), so the same file can be chosen again.
 */
export function useBackup(onFileRead: () => void) {
  const [status, setStatus] = useState<BackupStatus | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState<BackupExport | null>(null)
  const [uploading, setUploading] = useState<number | null>(null)
  const [preview, setPreview] = useState<RestorePreview | null>(null)
  const [restoring, setRestoring] = useState(false)
  const [restored, setRestored] = useState<RestoreResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { reload: reloadLibrary } = useLibrary()

  const loadStatus = useCallback(() => api.getBackupStatus({}).then(setStatus, (e: unknown) => setError(messageOf(e))), [])
  useEffect(() => void loadStatus(), [loadStatus])

  const exportNow = async () => {
    setExporting(true)
    setError(null)
    try {
      setExported(await api.exportBackup({}))
      void loadStatus()
    } catch (e) {
      setError(`The backup could not be written: ${messageOf(e)}`)
    } finally {
      setExporting(false)
    }
  }

  const chooseFile = async (file: File | undefined) => {
    if (!file) return
    setError(null)
    setRestored(null)
    setUploading(0)
    try {
      const uploadId = await uploadBackup(file, setUploading)
      setPreview(await api.previewRestore({ uploadId }))
    } catch (e) {
      setError(`${file.name} cannot be restored: ${messageOf(e)}`)
    } finally {
      setUploading(null)
      onFileRead()
    }
  }

  const cancel = () => {
    if (preview) void api.discardRestore({ uploadId: preview.uploadId }).catch(() => undefined) // a leftover upload is cleared at next start
    setPreview(null)
  }

  const confirm = async () => {
    if (!preview) return
    setRestoring(true)
    try {
      setRestored(await api.restoreBackup({ uploadId: preview.uploadId }))
      setPreview(null)
      void reloadLibrary()
      void refreshPractice()
      void loadStatus()
    } catch (e) {
      setError(`Nothing was changed: ${messageOf(e)}`)
      setPreview(null)
    } finally {
      setRestoring(false)
    }
  }

  return { status, exporting, exported, uploading, preview, restoring, restored, error, setError, exportNow, chooseFile, cancel, confirm }
}
