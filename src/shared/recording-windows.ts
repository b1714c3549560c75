import type { TimedText, Transcript } from './transcript'

/**
 * Streaming transcription cuts the recording into windows while the candidate speaks, at a
 * pause, so whisper never hears half a word. These are the rules for where to cut and how the
 * windows' transcripts join back into one; pure so they can be tested with synthetic PCM.
 */
export interface WindowCutOptions {
  sampleRate: number
  /** No cut before this much audio has gathered since the last cut. */
  minWindowMs: number
  /** Cut here even without a pause (someone who never stops for breath). */
  maxWindowMs: number
  /** A pause is at least this long ... */
  minPauseMs: number
  /** ... of frames quieter than this (RMS, dBFS). */
  pauseDbfs: number
  /** Frame length for the energy measure. */
  frameMs: number
}

/**
 * Short windows keep what is left after Stop short: the candidate waits for one whisper run on
 * the audio since the last cut, and with the context sized to the audio (whisper-args.ts) that
 * run costs in proportion to its length. 8–15 s still gives whisper whole sentences.
 */
export const defaultWindowCutOptions: WindowCutOptions = {
  sampleRate: 16_000,
  minWindowMs: 8_000,
  maxWindowMs: 15_000,
  minPauseMs: 300,
  pauseDbfs: -40,
  frameMs: 20
}

/** The RMS level of `samples[start, end)` in dBFS, DC offset removed (-Infinity for silence). */
export function frameDbfs(samples: Int16Array, start: number, end: number): number {
  let sum = 0
  let sumSquares = 0
  for (let i = start; i < end; i++) {
    const value = samples[i] ?? 0
    sum += value
    sumSquares += value * value
  }
  const n = Math.max(1, end - start)
  const mean = sum / n
  const rms = Math.sqrt(Math.max(0, sumSquares / n - mean * mean))
  return rms === 0 ? -Infinity : 20 * Math.log10(rms / 32768)
}

/** Whether the frame `samples[start, end)` is a pause (nobody speaking). */
export type IsPauseFrame = (start: number, end: number) => boolean

/**
 * Where to end the current window, as a sample index into `samples` (the audio since the last
 * cut), or null to keep listening. The cut goes in the middle of the first pause of at least
 * `minPauseMs` that ends after `minWindowMs`; failing that, at `maxWindowMs` once that much has
 * gathered. A pause is a run of frames `isPause` says are; by default, frames quieter than
 * `pauseDbfs` (the backend passes a voice activity detector's verdicts instead).
 */
export function findWindowCut(samples: Int16Array, options: Partial<WindowCutOptions> = {}, isPause?: IsPauseFrame): number | null {
  const o = { ...defaultWindowCutOptions, ...options }
  const perMs = o.sampleRate / 1000
  const minSamples = Math.round(o.minWindowMs * perMs)
  const maxSamples = Math.round(o.maxWindowMs * perMs)
  if (samples.length < minSamples) return null
  const frame = Math.max(1, Math.round(o.frameMs * perMs))
  const pauseFrames = Math.ceil(o.minPauseMs / o.frameMs)
  // Scan from a little before the minimum so a pause that straddles it still counts.
  const scanFrom = Math.max(0, Math.floor((minSamples - pauseFrames * frame) / frame) * frame)
  const scanTo = Math.min(samples.length, maxSamples)
  let runStart = -1
  let runFrames = 0
  for (let start = scanFrom; start + frame <= scanTo; start += frame) {
    if (isPause ? isPause(start, start + frame) : frameDbfs(samples, start, start + frame) < o.pauseDbfs) {
      if (runFrames === 0) runStart = start
      runFrames += 1
      const runEnd = start + frame
      if (runFrames >= pauseFrames && runEnd >= minSamples) {
        return Math.floor((runStart + runEnd) / 2)
      }
    } else {
      runFrames = 0
    }
  }
  return samples.length >= maxSamples ? maxSamples : null
}

export interface WindowTranscript {
  /** Where the window starts in the whole recording. */
  offsetMs: number
  transcript: Pick<Transcript, 'segments' | 'words'> | null
}

function shift(items: TimedText[], offsetMs: number): TimedText[] {
  return items.map((item) => ({ ...item, startMs: item.startMs + offsetMs, endMs: item.endMs + offsetMs }))
}

/** The windows' transcripts as one, times from the start of the recording. */
export function joinWindowTranscripts(windows: readonly WindowTranscript[], durationMs: number, model: string): Transcript {
  const ordered = [...windows].sort((a, b) => a.offsetMs - b.offsetMs)
  const segments = ordered.flatMap((w) => shift(w.transcript?.segments ?? [], w.offsetMs))
  const words = ordered.flatMap((w) => shift(w.transcript?.words ?? [], w.offsetMs))
  const text = segments
    .map((segment) => segment.text.trim())
    .filter((part) => part.length > 0)
    .join(' ')
  return { text, segments, words, durationMs, model }
}
