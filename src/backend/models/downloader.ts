import { createHash } from 'node:crypto'
import type { Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { CatalogueModel } from './catalogue'
import { WHISPER_MODEL_BASE_URL, modelDownloadUrl } from './catalogue'
import { ModelError } from './model-error'
import { hasGgmlMagic } from './model-files'
import type { InstalledModel } from './model-files'

export interface DownloadProgress {
  file: string
  receivedBytes: number
  totalBytes: number | null
  /** 0–100, or null while the total is unknown. */
  percent: number | null
  /** Bytes already on disk from an earlier, interrupted attempt. */
  resumedFromBytes: number
}

export interface DownloadModelOptions {
  model: CatalogueModel
  modelsDir: string
  /** Injectable so tests can serve models from 127.0.0.1. */
  baseUrl?: string
  signal?: AbortSignal
  onProgress?: (progress: DownloadProgress) => void
  /** Required to download a catalogue model that has no checksum on record. */
  allowUnverified?: boolean
  fetch?: typeof globalThis.fetch
}

/** Progress is reported at most this often, so a fast disk does not flood the IPC channel. */
const PROGRESS_INTERVAL_MS = 200

export function partPathOf(modelsDir: string, file: string): string {
  return join(modelsDir, `${file}.part`)
}

/**
 * Downloads a catalogue model into `modelsDir`. Bytes go to `<file>.part`; an interrupted or
 * cancelled download keeps that file, and the next call resumes it with an HTTP Range request.
 * The finished file is checked against the catalogue's sha256 (a mismatch deletes the .part:
 * resuming a corrupt file would never succeed) and only then renamed into place.
 */
export async function downloadModel(options: DownloadModelOptions): Promise<InstalledModel> {
  const { model, modelsDir, signal } = options
  if (!model.sha256 && !options.allowUnverified) {
    throw new ModelError(
      'MODEL_UNVERIFIED',
      `${model.file} has no checksum on record, so its download cannot be verified; confirm to download it anyway, or pick a downloaded file in Settings → Models.`
    )
  }
  const fetchImpl = options.fetch ?? globalThis.fetch
  const url = modelDownloadUrl(model.file, options.baseUrl ?? WHISPER_MODEL_BASE_URL)
  const partPath = partPathOf(modelsDir, model.file)
  const finalPath = join(modelsDir, model.file)
  await mkdir(modelsDir, { recursive: true })

  const cancelled = (): ModelError =>
    new ModelError('CANCELLED', `Download of ${model.file} cancelled; starting it again resumes where it stopped.`)

  let restarts = 0
  for (;;) {
    if (signal?.aborted) throw cancelled()
    let from = (await stat(partPath).catch(() => undefined))?.size ?? 0 // no partial file: start from byte 0
    if (model.bytes !== null && from > model.bytes) {
      await rm(partPath, { force: true })
      from = 0
    }
    const hash = createHash('sha256')
    if (from > 0) await hashFile(partPath, hash)
    if (model.bytes !== null && from === model.bytes) return finish(model, hash, partPath, finalPath)

    let response: Response
    try {
      response = await fetchImpl(url, { headers: from > 0 ? { Range: `bytes=${from}-` } : {}, signal, redirect: 'follow' })
    } catch (error) {
      if (signal?.aborted) throw cancelled()
      throw new ModelError('DOWNLOAD_FAILED', `Cannot reach ${new URL(url).host} to download ${model.file}: ${describe(error)}. Check the connection and try again.`)
    }

    let start: number
    if (response.status === 206 && from > 0) {
      start = contentRangeStart(response.headers.get('content-range'))
    } else if (response.status === 200) {
      start = 0
    } else if (response.status === 416 && from > 0 && restarts === 0) {
      // The server cannot serve what we asked for: the .part is not a prefix of this file.
      start = -1
    } else {
      await response.body?.cancel().catch(() => undefined) // the body is dropped either way
      throw new ModelError('DOWNLOAD_FAILED', `Downloading ${model.file} failed: the server answered HTTP ${response.status}.`)
    }
    if (start !== from && start !== 0) {
      await response.body?.cancel().catch(() => undefined) // the body is dropped either way
      if (restarts++ > 0) throw new ModelError('DOWNLOAD_FAILED', `Downloading ${model.file} failed: the server does not resume downloads consistently.`)
      await rm(partPath, { force: true })
      continue
    }
    if (start === 0 && from > 0) {
      // The server ignored the Range header and sends the whole file: start over.
      hash.destroy()
      return receive(options, response, createHash('sha256'), 0, partPath, finalPath, url, cancelled)
    }
    return receive(options, response, hash, from, partPath, finalPath, url, cancelled)
  }
}

async function receive(
  options: DownloadModelOptions,
  response: Response,
  hash: Hash,
  from: number,
  partPath: string,
  finalPath: string,
  url: string,
  cancelled: () => ModelError
): Promise<InstalledModel> {
  const { model, signal, onProgress } = options
  const length = Number(response.headers.get('content-length'))
  const totalBytes = model.bytes ?? (Number.isFinite(length) && length > 0 ? from + length : null)
  const file = await open(partPath, from > 0 ? 'a' : 'w')
  let received = from
  let lastReport = 0
  const report = (force: boolean): void => {
    const now = Date.now()
    if (!onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return
    lastReport = now
    onProgress({
      file: model.file,
      receivedBytes: received,
      totalBytes,
      percent: totalBytes ? Math.min(100, (received / totalBytes) * 100) : null,
      resumedFromBytes: from
    })
  }
  try {
    report(true)
    if (!response.body) throw new Error('empty response')
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk)
      await file.write(chunk)
      received += chunk.byteLength
      if (totalBytes !== null && received > totalBytes) {
        throw new Error(`the server sent more than the expected ${totalBytes} bytes`)
      }
      report(false)
    }
    await file.datasync()
  } catch (error) {
    await file.close()
    if (signal?.aborted) throw cancelled()
    if (error instanceof ModelError) throw error
    throw new ModelError(
      'DOWNLOAD_FAILED',
      `Download of ${model.file} from ${new URL(url).host} was interrupted (${describe(error)}); try again to resume it.`
    )
  }
  await file.close()
  report(true)
  if (totalBytes !== null && received < totalBytes) {
    throw new ModelError(
      'DOWNLOAD_FAILED',
      `Download of ${model.file} stopped at ${received} of ${totalBytes} bytes; try again to resume it.`
    )
  }
  return finish(model, hash, partPath, finalPath)
}

async function finish(model: CatalogueModel, hash: Hash, partPath: string, finalPath: string): Promise<InstalledModel> {
  const digest = hash.digest('hex')
  if (model.sha256 && digest !== model.sha256) {
    await rm(partPath, { force: true })
    throw new ModelError(
      'CHECKSUM_MISMATCH',
      `The downloaded ${model.file} is corrupt (sha256 ${digest}, expected ${model.sha256}); it was deleted, try downloading it again.`
    )
  }
  if (!(await hasGgmlMagic(partPath))) {
    await rm(partPath, { force: true })
    throw new ModelError('MODEL_INVALID', `The downloaded ${model.file} is not a whisper.cpp model; it was deleted.`)
  }
  await rename(partPath, finalPath)
  const { size } = await stat(finalPath)
  return { file: model.file, path: finalPath, bytes: size, catalogueId: model.id }
}

function hashFile(path: string, hash: Hash): Promise<void> {
  return new Promise((resolve, reject) => {
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', resolve)
  })
}

/** Start offset from `Content-Range: bytes <start>-<end>/<total>`; -1 when absent or malformed. */
function contentRangeStart(header: string | null): number {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(header?.trim() ?? '')
  return match ? Number(match[1]) : -1
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
  }
  return String(error)
}
