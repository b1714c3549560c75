import { AppError } from '@shared/api/result'
import type { TranscriptionErrorCode } from '@shared/transcript'

export class TranscriptionError extends AppError {
  declare readonly code: TranscriptionErrorCode

  constructor(code: TranscriptionErrorCode, message: string) {
    super(code, message)
    this.name = 'TranscriptionError'
  }
}

export class TranscriptionCancelledError extends TranscriptionError {
  constructor(jobId: string) {
    super('CANCELLED', `Transcription ${jobId} was cancelled.`)
    this.name = 'TranscriptionCancelledError'
  }
}

export function modelMissingError(modelPath: string | undefined): TranscriptionError {
  const where = modelPath ? ` at ${modelPath}` : ''
  return new TranscriptionError(
    'MODEL_MISSING',
    `No Whisper model found${where}. Download one or pick a model file in Settings → Models (CLI: pass --model <file> or set WHISPER_MODEL).`
  )
}

export function binaryMissingError(binaryPath: string, reason: string): TranscriptionError {
  return new TranscriptionError(
    'WHISPER_BINARY_MISSING',
    `The whisper.cpp program ${reason} (${binaryPath}). Build it with \`npm run build:whisper\` (or \`node scripts/build-whisper.mjs --force\`), or set MOCKROOM_WHISPER_BIN to a whisper.cpp main binary.`
  )
}
