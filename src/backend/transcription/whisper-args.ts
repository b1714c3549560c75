import { availableParallelism } from 'node:os'

export interface WhisperArgsInput {
  modelPath: string
  wavPath: string
  /** Output path without extension: whisper writes `<outputBase>.json`. */
  outputBase: string
  prompt?: string
  threads?: number
  language?: string
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
  const args = [
    '-m', input.modelPath,
    '-f', input.wavPath,
    '-of', input.outputBase,
    '-oj', '-ojf',
    '-pp',
    '-t', String(input.threads ?? defaultThreadCount()),
    '-l', input.language ?? 'en'
  ]
  if (input.prompt) args.push('--prompt', input.prompt)
  return args
}
