import { mkdir, open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { isAudioStem } from '@shared/answers'
import { AppError } from '@shared/api/result'
import { CANONICAL_HEADER_BYTES, InvalidAudioError, createWavHeader, durationMsOf, whisperFormat } from './wav-format'

/** Largest data chunk a 32-bit RIFF size can describe (about 37 hours at 16 kHz mono). */
const MAX_DATA_BYTES = 0xffffffff - CANONICAL_HEADER_BYTES

/**
 * `<audioDir>/<stem>.wav`, where the stem is an answer id (audio from before takes) or
 * `<answerId>.<takeId>`: the one rule of `src/shared/answers/answer-id.ts`, so ids may not
 * smuggle in separators or `..`.
 */
export function answerWavPath(audioDir: string, stem: string): string {
  if (!isAudioStem(stem)) {
    throw new AppError('VALIDATION', `invalid answer id for an audio file name: ${JSON.stringify(stem)}`)
  }
  return join(audioDir, `${stem}.wav`)
}

export interface FinishedWav {
  path: string
  dataBytes: number
  durationMs: number
}

/**
 * Appends 16 kHz mono 16-bit PCM chunks to a WAV file as they arrive. After every chunk the
 * header's sizes are rewritten and the file is fsynced, so the file on disk is always a valid
 * WAV of everything received so far: a crash loses at most the chunk being written, and
 * `repairUnfinishedWavs` mends the header if the crash came between the data and the header.
 */
export class WavWriter {
  private dataBytes = 0
  private closed = false
  /** Appends run one after another even if the caller does not await them. */
  private tail: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly path: string,
    private readonly file: FileHandle
  ) {}

  /** Creates (or replaces) the file with an empty, valid WAV. */
  static async create(path: string): Promise<WavWriter> {
    const file = await open(path, 'w')
    try {
      await file.write(createWavHeader(0), 0, CANONICAL_HEADER_BYTES, 0)
      await file.datasync()
    } catch (error) {
      await file.close()
      throw error
    }
    return new WavWriter(path, file)
  }

  get durationMs(): number {
    return durationMsOf({ blockAlign: 2, sampleRate: whisperFormat.sampleRate }, this.dataBytes)
  }

  get bytesOfAudio(): number {
    return this.dataBytes
  }

  append(chunk: Uint8Array): Promise<void> {
    const run = this.tail.then(() => this.write(chunk))
    this.tail = run.catch(() => undefined) // the tail only orders writes; the caller gets the failure from `run`
    return run
  }

  /** Waits for pending appends and closes the file; the WAV is complete and valid. */
  async close(): Promise<FinishedWav> {
    if (!this.closed) {
      this.closed = true
      await this.tail
      await this.file.close()
    }
    return { path: this.path, dataBytes: this.dataBytes, durationMs: this.durationMs }
  }

  private async write(chunk: Uint8Array): Promise<void> {
    if (this.closed) throw new AppError('CONFLICT', `the recording ${this.path} is already closed`)
    if (chunk.byteLength % 2 !== 0) {
      throw new InvalidAudioError(`audio chunk of ${chunk.byteLength} bytes is not whole 16-bit samples`)
    }
    if (this.dataBytes + chunk.byteLength > MAX_DATA_BYTES) {
      throw new InvalidAudioError('the recording is longer than a WAV file can hold')
    }
    if (chunk.byteLength === 0) return
    // Data first, header second: if the process dies between the two, the header is merely
    // stale, which the repair at next start fixes without losing the chunk.
    await this.file.write(chunk, 0, chunk.byteLength, CANONICAL_HEADER_BYTES + this.dataBytes)
    const dataBytes = this.dataBytes + chunk.byteLength
    await this.file.write(createWavHeader(dataBytes), 0, CANONICAL_HEADER_BYTES, 0)
    await this.file.datasync()
    this.dataBytes = dataBytes
  }
}

/** Starts `<audioDir>/<stem>.wav`, creating the folder if needed. */
export async function createAnswerWavWriter(audioDir: string, stem: string): Promise<WavWriter> {
  const path = answerWavPath(audioDir, stem)
  await mkdir(audioDir, { recursive: true })
  return WavWriter.create(path)
}
