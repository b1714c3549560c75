import { open, readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { durationMsOf, parseWavLayout } from './wav-format'

export interface RecoveredWav {
  answerId: string
  path: string
  /** Audio kept, in bytes and milliseconds. */
  dataBytes: number
  durationMs: number
  /** Bytes cut from the end because they did not make a whole sample (a chunk cut mid-write). */
  droppedBytes: number
}

/** Enough to reach the data chunk of any header the app writes (44 bytes) or imports. */
const HEAD_BYTES = 64 * 1024

/**
 * Mends every WAV in `audioDir` whose header disagrees with its length — what a crash or a
 * killed backend leaves behind mid-recording — keeping every whole sample on disk. Call it at
 * start, before any recording begins. Files in this folder are written only by the app, whose
 * data chunk is always last, so everything after the data chunk header counts as audio. Files
 * that are not WAVs at all are left alone.
 */
export async function repairUnfinishedWavs(audioDir: string): Promise<RecoveredWav[]> {
  let names: string[]
  try {
    names = await readdir(audioDir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const recovered: RecoveredWav[] = []
  for (const name of names.sort()) {
    if (!name.toLowerCase().endsWith('.wav') || name.startsWith('.')) continue
    const repaired = await repairWav(join(audioDir, name))
    if (repaired) recovered.push(repaired)
  }
  return recovered
}

/** Repairs one file in place; undefined when it was already consistent or is not a WAV. */
export async function repairWav(path: string): Promise<RecoveredWav | undefined> {
  const file = await open(path, 'r+')
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
