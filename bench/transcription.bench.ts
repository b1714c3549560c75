import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { buildTranscriptionPrompt } from '../src/backend/transcription/prompt'
import { Transcriber } from '../src/backend/transcription/transcriber'
import { buildWhisperArgs, defaultThreadCount } from '../src/backend/transcription/whisper-args'
import { whisperTestEnv } from '../src/backend/transcription/whisper-test-env'

const RUNS = 5

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function runDirect(binary: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { shell: false, stdio: 'ignore' })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`whisper.cpp exited with ${code}`))))
  })
}

/**
 * The app's whole transcription path (WAV validation, speech check, spawn, progress parsing,
 * JSON parsing) against whisper.cpp run directly with the same arguments on the same file and
 * model. Runs alternate so a busy machine slows both alike. Target: ratio ≤ 1.05.
 */
export async function benchTranscription(): Promise<Record<string, number | string>> {
  const env = whisperTestEnv()
  if ('missing' in env) throw new Error(env.missing)
  const { binary, model, jfkWav } = env.ready
  const threads = defaultThreadCount()
  const prompt = buildTranscriptionPrompt([])
  const transcriber = new Transcriber({ binaryPath: binary, threads })
  const scratch = await mkdtemp(join(tmpdir(), 'mockroom-bench-'))
  const directArgs = buildWhisperArgs({ modelPath: model, wavPath: jfkWav, outputBase: join(scratch, 'direct'), prompt, threads })
  const app: number[] = []
  const direct: number[] = []
  try {
    // One untimed run each: page cache and CPU frequency settle.
    await transcriber.transcribe({ wavPath: jfkWav, modelPath: model, prompt })
    await runDirect(binary, directArgs)
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now()
      await transcriber.transcribe({ wavPath: jfkWav, modelPath: model, prompt })
      app.push(performance.now() - start)
      start = performance.now()
      await runDirect(binary, directArgs)
      direct.push(performance.now() - start)
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  const appMedian = median(app)
  const directMedian = median(direct)
  return {
    audio: basename(jfkWav),
    model: basename(model),
    runs: RUNS,
    threads,
    'app median (ms)': Math.round(appMedian),
    'whisper.cpp direct median (ms)': Math.round(directMedian),
    'ratio app / direct': Number((appMedian / directMedian).toFixed(3)),
    target: 'ratio ≤ 1.05'
  }
}
