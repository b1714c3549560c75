import { availableParallelism } from 'node:os'

/**
 * How whisper.cpp decodes. Measured with `npm run bench -- stop-latency` and
 * `-- whisper-settings` (see bench/README.md): encoding the padded 30 s context dominates a short
 * window, so the context is sized to the audio; greedy search costs a fifth of beam search's
 * decode with a real model. The temperature fallback stays: it only costs when a window decodes
 * badly (on clear speech a real model rarely falls back), and it is what rescues those windows.
 */
export interface WhisperDecoding {
  /** 1 is greedy search; more is beam search with that many beams. */
  beamSize: number
  /** Candidates sampled per temperature when a decode falls back. */
  bestOf: number
  fallback: boolean
  /** `window`: encode only as much context as the audio needs (needs a `main` with `-ac`). */
  audioContext: 'window' | 'full'
}

/** The app's decoding: what the candidate waits for after Stop. */
export const STREAMING_DECODING: WhisperDecoding = { beamSize: 1, bestOf: 5, fallback: true, audioContext: 'window' }

/** whisper.cpp's own defaults, which the app used before it measured: kept for the benchmark. */
export const WHISPER_DEFAULT_DECODING: WhisperDecoding = { beamSize: 5, bestOf: 5, fallback: true, audioContext: 'full' }

/** Whisper's encoder sees 30 s of audio as 1500 positions: 50 a second. */
const AUDIO_CTX_PER_SECOND = 50
const FULL_AUDIO_CTX = 1500
/** A little more context than the audio, so the last word is never cut off. */
const AUDIO_CTX_MARGIN = 64

/** The `-ac` for `durationMs` of audio, or null for the full context (30 s or longer). */
export function audioContextFor(durationMs: number): number | null {
  const positions = Math.ceil((Math.max(0, durationMs) / 1000) * AUDIO_CTX_PER_SECOND) + AUDIO_CTX_MARGIN
  return positions >= FULL_AUDIO_CTX ? null : positions
}

export interface WhisperArgsInput {
  modelPath: string
  wavPath: string
  /** Output path without extension: whisper writes `<outputBase>.json`. */
  outputBase: string
  prompt?: string
  threads?: number
  language?: string
  decoding?: WhisperDecoding
  /** The audio's length, for a context sized to it. */
  durationMs?: number
  /** Whether this `main` has `-ac` (see `whisperSupportsAudioContext`). */
  audioContextOption?: boolean
}

/** whisper.cpp gains little past 4 threads on CPU and the UI needs a core to stay responsive. */
export function defaultThreadCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()))
}

/**
 * Arguments for this version's `main` (checked against its --help): `-oj -ojf` writes JSON with
 * every token and its times, which gives word timing without `-ml 1` (that would split the
 * segments into one word each); `-pp` prints progress on stderr.
 */
export function buildWhisperArgs(input: WhisperArgsInput): string[] {
  const decoding = input.decoding ?? STREAMING_DECODING
  const args = [
    '-m', input.modelPath,
    '-f', input.wavPath,
    '-of', input.outputBase,
    '-oj', '-ojf',
    '-pp',
    '-t', String(input.threads ?? defaultThreadCount()),
    '-l', input.language ?? 'en',
    '-bs', String(decoding.beamSize),
    '-bo', String(decoding.bestOf)
  ]
  if (!decoding.fallback) args.push('-nf')
  if (decoding.audioContext === 'window' && input.audioContextOption && input.durationMs !== undefined) {
    const context = audioContextFor(input.durationMs)
    if (context !== null) args.push('-ac', String(context))
  }
  if (input.prompt) args.push('--prompt', input.prompt)
  return args
}
