import { randomBytes } from 'node:crypto'
import { constants, createWriteStream } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { AppError } from '@shared/api/result'
import { MODEL_CATALOGUE, findCatalogueModel } from './catalogue'
import { MODEL_HEADER_PROBE_BYTES, checkWhisperModelHeader } from './ggml-header'
import { ModelError } from './model-error'
import { codeOf, messageOf } from '@shared/errors'

/** The largest released whisper.cpp model (large, f16) is about 3.1 GB. */
export const MAX_MODEL_BYTES = 4 * 1024 ** 3
/** Our file names stay well under the 255 bytes most file systems allow. */
const MAX_MODEL_NAME = 200

/** First four bytes of every whisper.cpp model: the uint32 0x67676d6c ("ggml") little-endian. */
export const GGML_MAGIC = Buffer.from('lmgg', 'latin1')

export interface InstalledModel {
  file: string
  path: string
  bytes: number
  /** The catalogue entry with this file name, if any (a user's own file has none). */
  catalogueId: string | null
}

export function modelsDirOf(dataDir: string): string {
  return join(dataDir, 'models')
}

export async function hasGgmlMagic(path: string): Promise<boolean> {
  let file
  try {
    file = await open(path, 'r')
  } catch {
    return false
  }
  try {
    const head = Buffer.alloc(GGML_MAGIC.length)
    const { bytesRead } = await file.read(head, 0, head.length, 0)
    return bytesRead === head.length && head.equals(GGML_MAGIC)
  } finally {
    await file.close()
  }
}

/**
 * Models in `modelsDir`: `.bin` files that start with the ggml magic, catalogue models first
 * in catalogue order (smallest English model first), then others by name. Unfinished
 * downloads (`.part`) and foreign files are not models.
 */
export async function listInstalledModels(modelsDir: string): Promise<InstalledModel[]> {
  let names: string[]
  try {
    names = await readdir(modelsDir)
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return []
    throw error
  }
  const models: InstalledModel[] = []
  for (const file of names) {
    if (!file.endsWith('.bin') || file.startsWith('.')) continue
    const path = join(modelsDir, file)
    const info = await stat(path).catch(() => undefined) // missing reads as absent
    if (!info?.isFile() || !(await hasGgmlMagic(path))) continue
    models.push({ file, path, bytes: info.size, catalogueId: findCatalogueModel(file)?.id ?? null })
  }
  const rank = (model: InstalledModel): number => {
    const index = MODEL_CATALOGUE.findIndex((entry) => entry.file === model.file)
    return index === -1 ? MODEL_CATALOGUE.length : index
  }
  return models.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file))
}

/**
 * Copies a model file the user picked into `modelsDir` after checking, on one open handle,
 * that it is a whisper.cpp model: its whole header, a size within MAX_MODEL_BYTES, and not a
 * mostly empty (sparse) file. Nothing is copied before the checks pass. A copy rather than a
 * reference, so the model keeps working if the original is moved, and so every installed
 * model is listed from one folder.
 */
export async function importLocalModel(modelsDir: string, srcPath: string): Promise<InstalledModel> {
  const name = basename(srcPath)
  let handle: FileHandle
  try {
    handle = await open(srcPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = codeOf(error)
    if (code === 'ENAMETOOLONG') throw new AppError('VALIDATION', 'That path is too long for this system: pick the model file again.')
    if (code === 'EACCES' || code === 'EPERM') throw new ModelError('MODEL_MISSING', `Cannot read the model file ${name}: permission denied.`)
    throw new ModelError('MODEL_MISSING', `Model file not found: ${srcPath}`)
  }
  let temporary: string | null = null
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new ModelError('MODEL_MISSING', `${name} is not a file.`)
    if (info.size > MAX_MODEL_BYTES) {
      throw new ModelError('MODEL_INVALID', `${name} is ${(info.size / 1024 ** 3).toFixed(1)} GB; whisper.cpp models are at most 4 GB.`)
    }
    const head = Buffer.alloc(Math.min(MODEL_HEADER_PROBE_BYTES, info.size))
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    const check = checkWhisperModelHeader(head.subarray(0, bytesRead), info.size)
    if (!check.ok) {
      throw new ModelError(
        'MODEL_INVALID',
        `${name} is not a whisper.cpp model (${check.reason}); download one in Settings → Models instead.`
      )
    }
    // Holes read as zeros: a file that mostly is not on disk is not a model someone downloaded.
    if (info.blocks > 0 && info.blocks * 512 < info.size / 4) {
      throw new ModelError('MODEL_INVALID', `${name} is mostly empty space (a sparse file), not a downloaded model.`)
    }
    const file = safeModelFileName(name)
    const target = join(modelsDir, file)
    await mkdir(modelsDir, { recursive: true })
    // A short name of its own: the model's name plus a suffix could pass the 255-byte limit.
    temporary = join(modelsDir, `.import-${randomBytes(6).toString('hex')}.part`)
    await pipeline(handle.createReadStream({ start: 0, autoClose: false }), createWriteStream(temporary)).catch((error: unknown) => {
      const why = codeOf(error) === 'ENOSPC' ? 'the disk is full' : messageOf(error)
      throw new AppError('STORAGE_FAILED', `Could not copy ${name} into ${modelsDir}: ${why}.`)
    })
    await rename(temporary, target)
    temporary = null
    return { file, path: target, bytes: info.size, catalogueId: findCatalogueModel(file)?.id ?? null }
  } finally {
    await handle.close().catch(() => undefined) // the write error above is the one reported
    if (temporary) await rm(temporary, { force: true }).catch(() => undefined) // the write error above is the one reported
  }
}

/** The picked file's name, made safe to use in our folder and ending in `.bin` so it is listed. */
function safeModelFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '')
  const base = cleaned.length > 0 ? cleaned : 'model'
  const withExtension = base.endsWith('.bin') ? base : `${base}.bin`
  return withExtension.length <= MAX_MODEL_NAME ? withExtension : `${withExtension.slice(0, MAX_MODEL_NAME - 4)}.bin`
}
