import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { AnswerRecord } from '../src/shared/answers'
import { defaultWindowCutOptions, findWindowCut } from '../src/shared/recording-windows'
import type { StreamWindowCut } from '../src/backend/recording/stream-windows'
import { findAppRoot } from '../src/backend/app-root'
import { readWavFile } from '../src/backend/audio/import-wav'
import { VAD_FRAME_SAMPLES, VoiceActivity } from '../src/backend/audio/voice-activity'
import { toWhisperSamples } from '../src/backend/audio/wav-format'
import { createBackend } from '../src/backend/create-backend'
import { Transcriber, type TranscriberEvents } from '../src/backend/transcription/transcriber'
import { STREAMING_DECODING, WHISPER_DEFAULT_DECODING, defaultThreadCount, type WhisperDecoding } from '../src/backend/transcription/whisper-args'
import { whisperSupportsAudioContext } from '../src/backend/transcription/whisper-binary'
import type { WhisperTimings } from '../src/backend/transcription/whisper-timings'
import { whisperTestEnv } from '../src/backend/transcription/whisper-test-env'

/**
 * `npm run bench -- stop-latency`: how long the candidate waits between Stop and the final
 * transcript of a 3-minute answer, through the app's whole path (appendAudio → WAV and
 * streaming windows → stopRecording → the last window through whisper.cpp → the answer
 * `ready`), with the app's settings and, for comparison, the settings it had before
 * (whisper.cpp's defaults: beam search 5, the full 30 s context, 20–30 s windows).
 *
 * The answer is streamed in 1 s chunks as the renderer sends them, but faster than real time;
 * before Stop the bench waits until the windows cut so far are transcribed, which is where a
 * real recording is when whisper keeps up with speech (the real-time factor reported below,
 * well under 1, says it does). Stop then leaves the audio since the last cut: what the
 * candidate waits for. Runs alternate between the two settings, so load hits both alike.
 *
 * Environment: WHISPER_TEST_MODEL (required), BENCH_STOP_RUNS (default 5).
 */

const RUNS = Number(process.env.BENCH_STOP_RUNS ?? 5)
const ANSWER_SECONDS = 180
const RATE = 16_000

interface Profile {
  id: string
  label: string
  decoding: WhisperDecoding
  /** `voiceActivity`: pauses found by the voice activity detector (the app) or a fixed level (before). */
  windowCut: StreamWindowCut
}

const profiles: Profile[] = [
  {
    id: 'current',
    label: 'app: greedy, context sized to the window, 8–15 s windows at voice-activity pauses',
    decoding: STREAMING_DECODING,
    windowCut: { minWindowMs: defaultWindowCutOptions.minWindowMs, maxWindowMs: defaultWindowCutOptions.maxWindowMs, voiceActivity: true }
  },
  {
    id: 'previous',
    label: 'previous: beam 5, full 30 s context, 20–30 s windows at a fixed -40 dBFS',
    decoding: WHISPER_DEFAULT_DECODING,
    windowCut: { minWindowMs: 20_000, maxWindowMs: 30_000, voiceActivity: false }
  }
]

interface RunResult {
  stopToReadyMs: number
  /** whisper.cpp's own split for the runs after Stop. */
  encodeMs: number
  decodeMs: number
  /** whisper.cpp's own total, and the process's wall time (spawn, model load, exit). */
  whisperTotalMs: number
  whisperWallMs: number
  whisperRuns: number
  /** whisper wall time while "recording", per second of audio transcribed then. */
  realTimeFactor: number
}

/** The 3-minute answer: the JFK sample repeated with short pauses, 16 kHz mono PCM. */
async function buildAnswer(jfkWav: string): Promise<Int16Array> {
  const jfk = toWhisperSamples(await readWavFile(jfkWav))
  const pause = new Int16Array(RATE * 0.6)
  const out = new Int16Array(RATE * ANSWER_SECONDS)
  for (let at = 0; at < out.length; at += jfk.length + pause.length) out.set(jfk.subarray(0, Math.min(jfk.length, out.length - at)), at)
  return out
}

/** The audio Stop leaves: what follows the last cut the windows make (the detector's pauses for the app). */
async function tailMs(samples: Int16Array, profile: Profile): Promise<number> {
  const voice = profile.windowCut.voiceActivity === false ? null : await VoiceActivity.create()
  voice?.push(samples)
  let start = 0
  for (;;) {
    const isPause = voice ? (at: number) => voice.isSilent((start + at) / VAD_FRAME_SAMPLES) : undefined
    const found = findWindowCut(samples.subarray(start), { ...profile.windowCut, sampleRate: RATE }, isPause)
    if (found === null) {
      voice?.destroy()
      return ((samples.length - start) * 1000) / RATE
    }
    start += voice ? found - (found % VAD_FRAME_SAMPLES) : found
  }
}

async function waitFor<T>(read: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 600_000): Promise<T> {
  const start = performance.now()
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function runOnce(profile: Profile, answer: Int16Array, env: { binary: string; model: string }, scratch: string, run: number): Promise<RunResult> {
  const dataDir = join(scratch, `${profile.id}-${run}`)
  await mkdir(join(dataDir, 'models'), { recursive: true })
  await copyFile(env.model, join(dataDir, 'models', basename(env.model)))
  const transcriber = new Transcriber({ binaryPath: env.binary, decoding: profile.decoding, tmpDir: scratch })
  const finished: Array<{ wallMs: number; timings?: WhisperTimings }> = []
  const startedAt = new Map<string, number>()
  let recordingWallMs = 0
  transcriber.on('started', ({ jobId }) => startedAt.set(jobId, performance.now()))
  transcriber.on('finished', (event: TranscriberEvents['finished']) => {
    const now = performance.now()
    const wallMs = now - (startedAt.get(event.jobId) ?? now)
    finished.push({ wallMs, timings: event.timings })
    recordingWallMs += wallMs
  })
  const backend = await createBackend({
    dataDir,
    appRoot: findAppRoot(import.meta.url),
    host: 'test',
    transcriber,
    windowCut: profile.windowCut,
    // The bench waits for the windows between the last chunk and Stop, longer than the 10 s
    // after which a silent recording counts as abandoned.
    recorderIdleMs: 3_600_000
  })
  try {
    const answerId = `bench-${profile.id}-${run}`
    await backend.api.startRecording({ answerId, sessionId: null, questionId: 'bench', timeBoxMs: 300_000 })
    const bytes = Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength)
    const chunkBytes = RATE * 2
    for (let seq = 0; seq * chunkBytes < bytes.length; seq++) {
      const pcmBase64 = bytes.subarray(seq * chunkBytes, (seq + 1) * chunkBytes).toString('base64')
      await backend.api.appendAudio({ answerId, seq, pcmBase64 })
    }
    // Where a real recording is at Stop when whisper keeps up: every window cut so far done.
    await waitFor(() => (transcriber.pending === 0 ? true : undefined), 'the windows cut while recording')
    const windowsBeforeStop = finished.length
    const transcribedBeforeStopMs = recordingWallMs
    const stopAt = performance.now()
    await backend.api.stopRecording({ answerId, keyTerms: [] })
    const done = await waitFor(async () => {
      const record: AnswerRecord = await backend.api.getAnswer({ id: answerId })
      return record.status === 'ready' || record.status === 'failed' ? record : undefined
    }, 'the final transcript')
    const stopToReadyMs = performance.now() - stopAt
    if (done.status !== 'ready') throw new Error(`the answer ended ${done.status}: ${done.error?.message ?? ''}`)
    const afterStop = finished.slice(windowsBeforeStop)
    const cutSeconds = ANSWER_SECONDS - (await tailMs(answer, profile)) / 1000
    return {
      stopToReadyMs,
      encodeMs: afterStop.reduce((sum, entry) => sum + (entry.timings?.encodeMs ?? 0), 0),
      decodeMs: afterStop.reduce((sum, entry) => sum + (entry.timings?.decodeMs ?? 0), 0),
      whisperTotalMs: afterStop.reduce((sum, entry) => sum + (entry.timings?.totalMs ?? 0), 0),
      whisperWallMs: afterStop.reduce((sum, entry) => sum + entry.wallMs, 0),
      whisperRuns: afterStop.length,
      realTimeFactor: cutSeconds > 0 ? transcribedBeforeStopMs / 1000 / cutSeconds : 0
    }
  } finally {
    await backend.close()
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const round = (value: number): number => Math.round(value)

export async function benchStopLatency(): Promise<Record<string, number | string>> {
  const env = whisperTestEnv()
  if ('missing' in env) throw new Error(env.missing)
  const { binary, model, jfkWav } = env.ready
  const answer = await buildAnswer(jfkWav)
  const scratch = await mkdtemp(join(tmpdir(), 'mockroom-stop-bench-'))
  const results = new Map<string, RunResult[]>(profiles.map((profile) => [profile.id, []]))
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const profile of profiles) results.get(profile.id)?.push(await runOnce(profile, answer, { binary, model }, scratch, run))
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  const report: Record<string, number | string> = {
    model: basename(model),
    answer: `${ANSWER_SECONDS} s built from ${basename(jfkWav)}, streamed in 1 s chunks`,
    runs: RUNS,
    threads: defaultThreadCount(),
    '-ac in this main': String(await whisperSupportsAudioContext(binary)),
    target: 'current: stop → final transcript ≤ 2000 ms median'
  }
  for (const profile of profiles) {
    const runs = results.get(profile.id) ?? []
    const waits = runs.map((entry) => entry.stopToReadyMs)
    report[`${profile.id}: settings`] = profile.label
    report[`${profile.id}: audio left at Stop (s)`] = Number(((await tailMs(answer, profile)) / 1000).toFixed(1))
    report[`${profile.id}: stop → final transcript median (ms)`] = round(median(waits))
    report[`${profile.id}: stop → final transcript max (ms)`] = round(Math.max(...waits))
    report[`${profile.id}: after Stop, whisper encode median (ms)`] = round(median(runs.map((entry) => entry.encodeMs)))
    report[`${profile.id}: after Stop, whisper decode median (ms)`] = round(median(runs.map((entry) => entry.decodeMs)))
    report[`${profile.id}: after Stop, whisper.cpp total median (ms)`] = round(median(runs.map((entry) => entry.whisperTotalMs)))
    report[`${profile.id}: after Stop, whisper job wall median (ms)`] = round(median(runs.map((entry) => entry.whisperWallMs)))
    report[`${profile.id}: whisper runs after Stop`] = runs.map((entry) => entry.whisperRuns).join(' ')
    report[`${profile.id}: real-time factor while recording`] = Number(median(runs.map((entry) => entry.realTimeFactor)).toFixed(3))
  }
  return report
}
