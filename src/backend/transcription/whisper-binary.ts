import { execFile } from 'node:child_process'
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { findAppRoot } from '../app-root'
import { binaryMissingError } from './transcription-error'

/** Where scripts/build-whisper.mjs puts the binary, relative to the app root. */
export const BUNDLED_WHISPER_BINARY = join('vendor', 'whisper', 'bin', process.platform === 'win32' ? 'whisper-main.exe' : 'whisper-main')

/** `MOCKROOM_WHISPER_BIN` if set, else the binary built at install under vendor/whisper/. */
export function resolveWhisperBinary(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MOCKROOM_WHISPER_BIN) return env.MOCKROOM_WHISPER_BIN
  return join(findAppRoot(import.meta.url), BUNDLED_WHISPER_BINARY)
}

/** Fails with WHISPER_BINARY_MISSING unless `path` is an executable file. */
export async function assertWhisperBinary(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined) // missing: reported just below
  if (!info) throw binaryMissingError(path, 'is not built yet')
  if (!info.isFile()) throw binaryMissingError(path, 'path is not a file')
  if (process.platform !== 'win32') {
    await access(path, constants.X_OK).catch(() => {
      throw binaryMissingError(path, 'is not executable')
    })
  }
}

const audioContextSupport = new Map<string, Promise<boolean>>()

/**
 * Whether this `main` takes `-ac/--audio-ctx` (the build script adds it; a binary from
 * MOCKROOM_WHISPER_BIN may not have it). Read once per binary file from its `--help`.
 */
export async function whisperSupportsAudioContext(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined) // missing: the run reports it
  if (!info) return false
  const key = `${path}\0${info.mtimeMs}\0${info.size}`
  let support = audioContextSupport.get(key)
  if (!support) {
    support = new Promise<boolean>((resolve) => {
      execFile(path, ['--help'], { timeout: 10_000, maxBuffer: 1024 * 1024 }, (_error, stdout, stderr) => {
        // `--help` exits 0 here and 1 in some versions: the text decides, not the status.
        resolve(/--audio-ctx\b/.test(`${stdout}\n${stderr}`))
      })
    })
    audioContextSupport.set(key, support)
  }
  return support
}
