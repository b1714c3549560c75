import { frameDbfs } from '@shared/recording-windows'

/**
 * A 100 ms window below this level is room noise, not a voice: normal speech into a laptop
 * microphone measures around -35 to -20 dBFS, a quiet room around -60 dBFS.
 */
export const DEFAULT_MIN_SPEECH_DBFS = -50

/** Voice-level windows needed to call a recording speech: 300 ms, longer than a click or a bump. */
const MIN_SPEECH_WINDOWS = 3
const WINDOW_MS = 100

/**
 * RMS level in dBFS of each 100 ms window of 16-bit samples, each window's DC offset removed.
 * Windows rather than the whole file, so a long silence around a short answer does not dilute
 * it. Digital silence is -Infinity.
 */
export function windowLevelsDbfs(samples: Int16Array, sampleRate: number): number[] {
  const window = Math.max(1, Math.round((sampleRate * WINDOW_MS) / 1000))
  const levels: number[] = []
  for (let start = 0; start < samples.length; start += window) {
    const end = Math.min(samples.length, start + window)
    // A trailing sliver shorter than half a window says little and can be a cut-off click.
    if (end - start < window / 2 && start > 0) break
    levels.push(frameDbfs(samples, start, end))
  }
  return levels
}

export function loudestWindowDbfs(samples: Int16Array, sampleRate: number): number {
  return windowLevelsDbfs(samples, sampleRate).reduce((loudest, level) => Math.max(loudest, level), -Infinity)
}

/**
 * Whether a recording holds anything worth sending to whisper (which, given silence, tends to
 * hallucinate a sentence): at least 300 ms of 100 ms windows at voice level.
 */
export function soundsLikeSpeech(samples: Int16Array, sampleRate: number, minDbfs = DEFAULT_MIN_SPEECH_DBFS): boolean {
  let loud = 0
  for (const level of windowLevelsDbfs(samples, sampleRate)) {
    if (level >= minDbfs && ++loud >= MIN_SPEECH_WINDOWS) return true
  }
  return false
}
