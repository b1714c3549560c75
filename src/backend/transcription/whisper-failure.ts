import { TranscriptionError } from './transcription-error'

/** Turns a failed whisper.cpp run (exit code or signal, and its stderr's last lines) into a TranscriptionError the user can act on. */
export function whisperFailure(code: number | null, signal: NodeJS.Signals | null, stderrTail: string[]): TranscriptionError {
  const text = stderrTail.join('\n')
  if (/failed to (load|initialize whisper context)|invalid model|bad magic|unknown tensor/i.test(text)) {
    return new TranscriptionError(
      'MODEL_INVALID',
      'whisper.cpp could not load the model (damaged or not a whisper model). Download it again in Settings → Models.'
    )
  }
  if (/failed to (open|read).*(WAV|audio)|must be (mono|16|\d+ kHz)/i.test(text)) {
    return new TranscriptionError('INVALID_AUDIO', `whisper.cpp could not read the audio: ${lastLine(stderrTail)}`)
  }
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
  return new TranscriptionError('WHISPER_FAILED', `whisper.cpp ${how}: ${lastLine(stderrTail) || 'no error output'}`)
}

function lastLine(lines: string[]): string {
  return (lines.findLast((line) => /error|fail/i.test(line)) ?? lines.at(-1) ?? '').trim()
}
