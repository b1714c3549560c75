import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { MODEL_CATALOGUE, findCatalogueModel } from './catalogue'
import { ModelError } from './model-error'

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
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const models: InstalledModel[] = []
  for (const file of names) {
    if (!file.endsWith('.bin') || file.startsWith('.')) continue
    const path = join(modelsDir, file)
    const info = await stat(path).catch(() => undefined)
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
 * Copies a model file the user picked into `modelsDir` after checking that it is a ggml model.
 * A copy rather than a reference, so the model keeps working if the original is moved, and so
 * every installed model is listed from one folder.
 */
export async function importLocalModel(modelsDir: string, srcPath: string): Promise<InstalledModel> {
  const info = await stat(srcPath).catch(() => undefined)
  if (!info?.isFile()) throw new ModelError('MODEL_MISSING', `Model file not found: ${srcPath}`)
  if (!(await hasGgmlMagic(srcPath))) {
    throw new ModelError(
      'MODEL_INVALID',
      `${basename(srcPath)} is not a whisper.cpp model (ggml .bin file); download one in Settings → Models instead.`
    )
  }
  const file = safeModelFileName(basename(srcPath))
  const target = join(modelsDir, file)
  await mkdir(modelsDir, { recursive: true })
  const temporary = `${target}.import-${randomBytes(4).toString('hex')}.part`
  try {
    await copyFile(srcPath, temporary)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return { file, path: target, bytes: info.size, catalogueId: findCatalogueModel(file)?.id ?? null }
}

/** The picked file's name, made safe to use in our folder and ending in `.bin` so it is listed. */
function safeModelFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '')
  const base = cleaned.length > 0 ? cleaned : 'model'
  return base.endsWith('.bin') ? base : `${base}.bin`
}
