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
