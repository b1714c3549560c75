import { api } from '../../lib/api'
import { readFileAsBase64 } from '../../lib/read-file'

/** 2 MiB of the file per call: under the API's 4 MB base64 limit, and progress stays live. */
export const UPLOAD_CHUNK_BYTES = 2 * 1024 * 1024

/** Sends a backup zip to the backend in order, chunk by chunk; returns its upload id. */
export async function uploadBackup(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  const uploadId = `upload-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  const chunks = Math.max(1, Math.ceil(file.size / UPLOAD_CHUNK_BYTES))
  for (let seq = 0; seq < chunks; seq++) {
    const base64 = await readFileAsBase64(file.slice(seq * UPLOAD_CHUNK_BYTES, (seq + 1) * UPLOAD_CHUNK_BYTES))
    await api.uploadBackupChunk({ uploadId, seq, base64 })
    onProgress((seq + 1) / chunks)
  }
  return uploadId
}
