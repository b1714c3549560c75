import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { answerWavPath } from './wav-writer'
import { InvalidAudioError, decodeWav, durationMsOf, encodeWhisperWav, isWhisperFormat, toWhisperSamples, whisperFormat } from './wav-format'
import type { WavAudio, WavLayout } from './wav-format'
import { codeOf } from '@shared/errors'

/**
 * What an imported recording may be, checked on the header before anything is converted: a
 * small file can promise hours of audio at a low rate (a 12 MB 8-bit 1 kHz WAV is 3.3 hours,
 * 366 MiB once converted to 16 kHz), so size alone is not enough.
 */
export const IMPORT_LIMITS = {
  maxFileBytes: 256 * 1024 * 1024,
  /** Longer than any answer's time box; the converted file stays under 90 MB. */
  maxDurationMs: 45 * 60_000,
  /** Below telephone quality there is no speech left to recognize. */
  minSampleRate: 8000,
  maxSampleRate: 192_000
} as const

function minutes(ms: number): string {
  const total = Math.round(ms / 60_000)
  return total >= 60 ? `${Math.floor(total / 60)} h ${total % 60} min` : `${total} min`
}

/** Throws InvalidAudioError (naming `path`) when the WAV is outside IMPORT_LIMITS. */
export function assertImportable(path: string, layout: WavLayout): void {
  if (layout.sampleRate < IMPORT_LIMITS.minSampleRate || layout.sampleRate > IMPORT_LIMITS.maxSampleRate) {
    throw new InvalidAudioError(
      `${path}: a sample rate of ${layout.sampleRate.toLocaleString('en-US')} Hz is not supported; ` +
        `record or export it at 8 to 192 kHz (16 kHz is ideal)`
    )
  }
  const durationMs = durationMsOf(layout, layout.dataBytes)
  if (durationMs > IMPORT_LIMITS.maxDurationMs) {
    throw new InvalidAudioError(
      `${path}: the recording is ${minutes(durationMs)} long; imports are limited to ${minutes(IMPORT_LIMITS.maxDurationMs)} (trim it first)`
    )
  }
}

export interface ImportedWav {
  path: string
  durationMs: number
  /** True when the source was resampled or downmixed to 16 kHz mono 16-bit. */
  converted: boolean
}

/** Reads and validates a WAV file; errors are InvalidAudioError with a message naming the file. */
export async function readWavFile(path: string): Promise<WavAudio> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = codeOf(error)
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'it is a folder' : `cannot read it (${code ?? 'error'})`
    throw new InvalidAudioError(`${path}: ${reason}`)
  }
  try {
    return decodeWav(bytes)
  } catch (error) {
    if (error instanceof InvalidAudioError) throw new InvalidAudioError(`${path}: ${error.message}`)
    throw error
  }
}

/**
 * Stores an existing WAV file as the audio of `answerId`, converted to 16 kHz mono 16-bit when
 * it is in another format, so playback, repair and transcription only ever see one format.
 * Written to a temporary name and renamed, so a failed import never leaves half a file.
 */
export async function importWav(audioDir: string, srcPath: string, answerId: string): Promise<ImportedWav> {
  const target = answerWavPath(audioDir, answerId)
  const size = (await stat(srcPath).catch(() => null))?.size ?? 0 // unreadable: the checks below name the problem
  if (size > IMPORT_LIMITS.maxFileBytes) {
    throw new InvalidAudioError(`${srcPath}: the file is ${Math.round(size / 1048576)} MB; imports are limited to 256 MB`)
  }
  const audio = await readWavFile(srcPath)
  if (audio.layout.dataBytes === 0) throw new InvalidAudioError(`${srcPath}: the WAV file holds no audio`)
  assertImportable(srcPath, audio.layout)
  const converted = !isWhisperFormat(audio.layout)
  const samples = toWhisperSamples(audio)
  await mkdir(audioDir, { recursive: true })
  const temporary = `${target}.import-${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temporary, encodeWhisperWav(samples), { flush: true })
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return {
    path: target,
    durationMs: durationMsOf({ blockAlign: 2, sampleRate: whisperFormat.sampleRate }, samples.length * 2),
    converted
  }
}
