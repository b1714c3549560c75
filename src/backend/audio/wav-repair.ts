import { open, readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { durationMsOf, parseWavLayout } from './wav-format'
import { codeOf, messageOf } from '@shared/errors'

export interface RecoveredWav {
  answerId: string
  path: string
  /** Audio kept, in bytes and milliseconds. */
  dataBytes: number
  durationMs: number
  /** Bytes cut from the end because they did not make a whole sample (a chunk cut mid-write). */
  droppedBytes: number
}

/** A `.wav` entry the scan could not open or mend: the caller sets it aside, never deletes it. */
export interface DamagedWav {
  path: string
  reason: string
}

/** Enough to reach the data chunk of any header the app writes (44 bytes) or imports. */
const HEAD_BYTES = 64 * 1024

/**
 * Mends every WAV in `audioDir` whose header disagrees with its length — what a crash or a
 * killed backend leaves behind mid-recording — keeping every whole sample on disk. Call it at
 * start, before any recording begins. Files in this folder are written only by the app, whose
 * data chunk is always last, so everything after the data chunk header counts as audio. Files
 * that are not WAVs at all are left alone. One entry that cannot be opened (a folder named
 * `x.wav`, a file that cannot be written) is listed as damaged; the scan goes on.
 */
export async function scanAudioFolder(audioDir: string): Promise<{ repaired: RecoveredWav[]; damaged: DamagedWav[] }> {
  let names: string[]
  try {
    names = await readdir(audioDir)
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { repaired: [], damaged: [] }
    throw error
  }
  const repaired: RecoveredWav[] = []
  const damaged: DamagedWav[] = []
  for (const name of names.sort()) {
    if (!name.toLowerCase().endsWith('.wav') || name.startsWith('.')) continue
    const path = join(audioDir, name)
    try {
      const mended = await repairWav(path)
      if (mended) repaired.push(mended)
    } catch (error) {
      damaged.push({ path, reason: describeFileError(error) })
    }
  }
  return { repaired, damaged }
}

/** The repaired WAVs of `scanAudioFolder`, leaving damaged entries where they are. */
export async function repairUnfinishedWavs(audioDir: string): Promise<RecoveredWav[]> {
  return (await scanAudioFolder(audioDir)).repaired
}

export function describeFileError(error: unknown): string {
  const code = codeOf(error)
  if (code === 'EISDIR') return 'it is a folder, not a file'
  if (code === 'ENOENT') return 'the file is missing'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `it cannot be opened for writing (${code}), so it could not be repaired`
  return messageOf(error)
}

/**
 * Repairs one file in place; undefined when it was already consistent or is not a WAV. A file
 * that cannot be opened for writing is still read: only one that needs mending is an error.
 */
export async function repairWav(path: string): Promise<RecoveredWav | undefined> {
  let file
  try {
    file = await open(path, 'r+')
  } catch (error) {
    const code = codeOf(error)
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error
    if (await needsRepair(path)) throw error
    return undefined
  }
  try {
    const { size } = await file.stat()
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES))
    await file.read(head, 0, head.length, 0)
    let layout
    try {
      layout = parseWavLayout(head, size)
    } catch {
      return undefined
    }
    const onDisk = Math.max(0, size - layout.dataOffset)
    const dataBytes = onDisk - (onDisk % layout.blockAlign)
    const riffBytes = layout.dataOffset + dataBytes - 8
    if (layout.declaredDataBytes === dataBytes && layout.declaredRiffBytes === riffBytes && onDisk === dataBytes) {
      return undefined
    }
    await file.truncate(layout.dataOffset + dataBytes)
    const field = Buffer.alloc(4)
    field.writeUInt32LE(riffBytes)
    await file.write(field, 0, 4, 4)
    field.writeUInt32LE(dataBytes)
    await file.write(field, 0, 4, layout.dataOffset - 4)
    await file.sync()
    return {
      answerId: basename(path).replace(/\.wav$/i, ''),
      path,
      dataBytes,
      durationMs: durationMsOf(layout, dataBytes),
      droppedBytes: onDisk - dataBytes
    }
  } finally {
    await file.close()
  }
}

/** Whether a WAV's header disagrees with its length (read only). */
async function needsRepair(path: string): Promise<boolean> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES))
    await file.read(head, 0, head.length, 0)
    let layout
    try {
      layout = parseWavLayout(head, size)
    } catch {
      return false
    }
    const onDisk = Math.max(0, size - layout.dataOffset)
    return layout.declaredDataBytes !== onDisk || layout.declaredRiffBytes !== layout.dataOffset + onDisk - 8 || onDisk % layout.blockAlign !== 0
  } finally {
    await file.close()
  }
}
