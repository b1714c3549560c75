import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { answerWavPath } from './wav-writer'
import { InvalidAudioError, decodeWav, durationMsOf, encodeWhisperWav, isWhisperFormat, toWhisperSamples, whisperFormat } from './wav-format'
import type { WavAudio } from './wav-format'

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
    const code = (error as NodeJS.ErrnoException).code
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
  const audio = await readWavFile(srcPath)
  if (audio.layout.dataBytes === 0) throw new InvalidAudioError(`${srcPath}: the WAV file holds no audio`)
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
