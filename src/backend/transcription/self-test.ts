import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '@shared/api/result'
import type { TranscriberCheck } from '@shared/contract'
import type { Transcript } from '@shared/transcript'
import { messageOf } from '@shared/errors'

export interface SelfTestDeps {
  /** The model transcription would use now; throws MODEL_MISSING when there is none. */
  resolveModelPath: () => Promise<string>
  /** Runs whisper (through the app's one-job-at-a-time queue). */
  transcribe: (request: { wavPath: string; modelPath: string; prompt: string }) => Promise<Transcript>
  /** A short spoken phrase, 16 kHz mono (resources/self-test.wav). */
  samplePath: string
  now?: () => number
}

/** Real words, not whisper's markers for non-speech ("[BLANK_AUDIO]", "(music)"). */
function heardWords(text: string): string {
  return text
    .replace(/\[[^\]]*\]|\([^)]*\)|\*[^*]*\*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Whether transcription will work, asked before a session rather than after a 74 s answer: a
 * model is installed, whisper.cpp loads it, and it hears words in a 1.5 s spoken phrase. A model
 * that loads but hears nothing (damaged, or a placeholder such as whisper.cpp's test model) is
 * the model's problem, said as such, so nobody goes looking for a fault in their microphone.
 */
export async function checkTranscriber(deps: SelfTestDeps): Promise<TranscriberCheck> {
  const now = deps.now ?? Date.now
  let modelPath: string
  try {
    modelPath = await deps.resolveModelPath()
  } catch (error) {
    return { ready: false, model: null, heard: '', elapsedMs: null, problem: problemOf(error) }
  }
  const model = basename(modelPath)
  const started = now()
  try {
    // No prompt: the key-term prompt could put words in a deaf model's mouth.
    const transcript = await deps.transcribe({ wavPath: deps.samplePath, modelPath, prompt: '' })
    const heard = heardWords(transcript.text)
    const elapsedMs = Math.max(0, Math.round(now() - started))
    if (!heard) {
      return {
        ready: false,
        model,
        heard: '',
        elapsedMs,
        problem: {
          code: 'MODEL_HEARS_NOTHING',
          message: `${model} loads, but it recognised no words in a short spoken test, so it would transcribe your answers as empty. It may be damaged or a placeholder: download another model in Settings → Models.`
        }
      }
    }
    return { ready: true, model, heard, elapsedMs, problem: null }
  } catch (error) {
    const problem = problemOf(error)
    // Whisper's "nothing to hear" cannot come from the test phrase: the sample is what is missing.
    if (problem.code === 'NO_SPEECH' || problem.code === 'INVALID_AUDIO') {
      problem.message = `The self-test recording is missing or damaged (${deps.samplePath}); reinstall mockroom. ${problem.message}`
    }
    return { ready: false, model, heard: '', elapsedMs: null, problem }
  }
}

function problemOf(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  return { code: 'WHISPER_FAILED', message: messageOf(error) }
}

/** The cache key of a model file: a replaced or re-downloaded file is tested again. */
export async function modelFingerprint(modelPath: string): Promise<string> {
  const info = await stat(modelPath).catch(() => null) // missing: reported just below
  return info ? `${modelPath}:${info.size}:${info.mtimeMs}` : modelPath
}
