import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Transcript } from '@shared/transcript'
import { readWavFile } from '../audio/import-wav'
import { DEFAULT_MIN_SPEECH_DBFS, soundsLikeSpeech } from '../audio/speech-level'
import { InvalidAudioError, WHISPER_SAMPLE_RATE, encodeWhisperWav, isWhisperFormat, toWhisperSamples } from '../audio/wav-format'
import { hasGgmlMagic } from '../models/model-files'
import { buildTranscriptionPrompt } from './prompt'
import { TranscriptionCancelledError, TranscriptionError, modelMissingError } from './transcription-error'
import { STREAMING_DECODING, buildWhisperArgs, defaultThreadCount, type WhisperDecoding } from './whisper-args'
import { assertWhisperBinary, resolveWhisperBinary, whisperSupportsAudioContext } from './whisper-binary'
import { parseWhisperTimings, type WhisperTimings } from './whisper-timings'
import { parseWhisperJson } from './whisper-output'
import { whisperFailure } from './whisper-failure'
import type { TranscriberEvents, TranscriberOptions, TranscriptionJob, TranscriptionRequest } from './transcriber-types'
import { WATCHDOG_PREFIX, WATCHDOG_SPAWN_FAILED, killWatched, spawnWatched } from './watched-spawn'

export type { TranscriberEvents, TranscriberOptions, TranscriptionJob, TranscriptionRequest } from './transcriber-types'

type Listener<E extends keyof TranscriberEvents> = (event: TranscriberEvents[E]) => void

interface QueuedJob {
  id: string
  request: TranscriptionRequest
  resolve: (transcript: Transcript) => void
  reject: (error: unknown) => void
  cancelled: boolean
  child?: ChildProcess
  timings?: WhisperTimings
}

const PROGRESS_LINE = /progress\s*=\s*(-?\d+)%/
const STDERR_TAIL_LINES = 30

/**
 * Runs whisper.cpp one job at a time, in the order asked (transcribing two answers at once
 * would only make both slower on a laptop's cores and double the memory), as a child process
 * with an argument array: no shell, so any file name is passed through untouched.
 */
export class Transcriber {
  private readonly queue: QueuedJob[] = []
  private running: QueuedJob | undefined
  private readonly listeners = new Map<keyof TranscriberEvents, Set<(event: never) => void>>()
  private readonly binaryPath: string | undefined
  private readonly threads: number
  private readonly tmpDir: string
  private readonly minSpeechDbfs: number
  private readonly killGraceMs: number
  private readonly decoding: WhisperDecoding

  constructor(options: TranscriberOptions = {}) {
    this.binaryPath = options.binaryPath
    this.threads = options.threads ?? defaultThreadCount()
    this.tmpDir = options.tmpDir ?? tmpdir()
    this.minSpeechDbfs = options.minSpeechDbfs ?? DEFAULT_MIN_SPEECH_DBFS
    this.killGraceMs = options.killGraceMs ?? 2000
    this.decoding = options.decoding ?? STREAMING_DECODING
  }

  on<E extends keyof TranscriberEvents>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as (event: never) => void)
    return () => set.delete(listener as (event: never) => void)
  }

  /** Jobs waiting plus the one running. */
  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0)
  }

  enqueue(request: TranscriptionRequest): TranscriptionJob {
    const id = randomUUID()
    let job!: QueuedJob
    const result = new Promise<Transcript>((resolve, reject) => {
      job = { id, request, resolve, reject, cancelled: false }
    })
    // A caller that cancels and walks away must not crash the backend with an unhandled
    // rejection; whoever awaits `result` still sees the error.
    result.catch(() => undefined)
    this.queue.push(job)
    this.emit('queued', { jobId: id, position: this.pending - 1 })
    this.pump()
    return { id, result, cancel: () => this.cancel(id) }
  }

  /** Enqueues and waits; aborting `signal` cancels the job. */
  transcribe(request: TranscriptionRequest, options: { signal?: AbortSignal } = {}): Promise<Transcript> {
    const job = this.enqueue(request)
    const { signal } = options
    if (!signal) return job.result
    const onAbort = (): void => job.cancel()
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    return job.result.finally(() => signal.removeEventListener('abort', onAbort))
  }

  cancel(jobId: string): boolean {
    if (this.running?.id === jobId) {
      const job = this.running
      job.cancelled = true
      const child = job.child
      if (child && child.exitCode === null && child.signalCode === null) {
        killWatched(child, 'SIGTERM')
        setTimeout(() => killWatched(child, 'SIGKILL'), this.killGraceMs).unref()
      }
      // Settled when the child has exited (or at the next step before spawning), so the next
      // job never overlaps the killed one.
      return true
    }
    const index = this.queue.findIndex((job) => job.id === jobId)
    if (index === -1) return false
    const [job] = this.queue.splice(index, 1)
    if (job) {
      job.cancelled = true
      job.reject(new TranscriptionCancelledError(job.id))
      this.emit('finished', { jobId: job.id, ok: false, code: 'CANCELLED' })
    }
    return true
  }

  /** Cancels everything (app shutdown). */
  cancelAll(): void {
    for (const job of [...this.queue]) this.cancel(job.id)
    if (this.running) this.cancel(this.running.id)
  }

  private emit<E extends keyof TranscriberEvents>(event: E, payload: TranscriberEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        ;(listener as Listener<E>)(payload)
      } catch {
        // A faulty listener must not break the queue.
      }
    }
  }

  private pump(): void {
    if (this.running) return
    const job = this.queue.shift()
    if (!job) return
    this.running = job
    this.emit('started', { jobId: job.id })
    this.emit('progress', { jobId: job.id, percent: 0 })
    this.run(job)
      .then((transcript) => {
        // Cancelled after whisper had already finished: the caller asked not to get it.
        if (job.cancelled) throw new TranscriptionCancelledError(job.id)
        this.emit('progress', { jobId: job.id, percent: 100 })
        this.emit('finished', { jobId: job.id, ok: true, timings: job.timings })
        job.resolve(transcript)
      })
      .catch((error: unknown) => {
        const final = job.cancelled ? new TranscriptionCancelledError(job.id) : error
        this.emit('finished', { jobId: job.id, ok: false, code: (final as { code?: string }).code ?? 'WHISPER_FAILED' })
        job.reject(final)
      })
      .finally(() => {
        this.running = undefined
        this.pump()
      })
  }

  private async run(job: QueuedJob): Promise<Transcript> {
    const { request } = job
    const binary = this.binaryPath ?? resolveWhisperBinary()
    await assertModel(request.modelPath)
    await assertWhisperBinary(binary)
    const scratch = await mkdtemp(join(this.tmpDir, 'mockroom-whisper-'))
    try {
      const audio = await readWavFile(request.wavPath).catch((error: unknown) => {
        if (!(error instanceof InvalidAudioError)) throw error
        throw new TranscriptionError(
          'INVALID_AUDIO',
          `Cannot transcribe ${error.message}. Record the answer again, or import a WAV file (uncompressed PCM).`
        )
      })
      if (audio.layout.dataBytes === 0) throw new TranscriptionError('NO_SPEECH', 'No speech detected: the recording is empty.')
      const samples = toWhisperSamples(audio)
      if (!soundsLikeSpeech(samples, WHISPER_SAMPLE_RATE, this.minSpeechDbfs)) {
        throw new TranscriptionError(
          'NO_SPEECH',
          'No speech detected: the recording is silent. Check the microphone in Settings and record again.'
        )
      }
      // whisper.cpp reads only 16 kHz mono 16-bit and trusts the header's sizes; anything else
      // (or a header that promises more than the file holds) goes through a converted copy.
      let inputPath = request.wavPath
      if (!isWhisperFormat(audio.layout) || audio.layout.declaredDataBytes !== audio.layout.dataBytes) {
        inputPath = join(scratch, 'input.wav')
        await writeFile(inputPath, encodeWhisperWav(samples))
      }
      if (job.cancelled) throw new TranscriptionCancelledError(job.id)
      const outputBase = join(scratch, 'transcript')
      const args = buildWhisperArgs({
        modelPath: request.modelPath,
        wavPath: inputPath,
        outputBase,
        prompt: request.prompt ?? buildTranscriptionPrompt(request.keyTerms),
        threads: this.threads,
        language: request.language,
        decoding: this.decoding,
        durationMs: audio.durationMs,
        audioContextOption: await whisperSupportsAudioContext(binary)
      })
      await this.spawnWhisper(job, binary, args)
      let json: Buffer
      try {
        json = await readFile(`${outputBase}.json`)
      } catch {
        throw new TranscriptionError('WHISPER_FAILED', 'whisper.cpp finished without writing its JSON output.')
      }
      return parseWhisperJson(json, { durationMs: audio.durationMs, model: basename(request.modelPath) })
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }

  private spawnWhisper(job: QueuedJob, binary: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      // Under a watchdog, so whisper dies with us even when we are SIGKILLed (watched-spawn.ts).
      const child = spawnWatched(binary, args, { stderr: 'pipe' })
      job.child = child
      child.stdin?.on('error', () => undefined) // never written; its closing is the signal
      const tail: string[] = []
      let partial = ''
      let lastPercent = 0
      child.stderr?.setEncoding('utf8')
      child.stderr?.on('data', (text: string) => {
        const lines = (partial + text).split(/\r?\n/)
        partial = lines.pop() ?? ''
        for (const line of lines) {
          const match = PROGRESS_LINE.exec(line)
          if (match) {
            // This whisper.cpp overshoots 100 on short files after a temperature fallback.
            const percent = Math.max(0, Math.min(99, Number(match[1])))
            if (percent > lastPercent) {
              lastPercent = percent
              this.emit('progress', { jobId: job.id, percent })
            }
          } else if (line.trim()) {
            tail.push(line)
            if (tail.length > STDERR_TAIL_LINES) tail.shift()
          }
        }
      })
      child.on('error', (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'ENOENT' || error.code === 'EACCES'
            ? new TranscriptionError('WHISPER_BINARY_MISSING', `Cannot start whisper.cpp (${binary}): ${error.code}. Build it with \`npm run build:whisper\`.`)
            : new TranscriptionError('WHISPER_FAILED', `Cannot start whisper.cpp: ${error.message}`)
        )
      })
      child.on('close', (code, signal) => {
        job.child = undefined
        if (job.cancelled) return reject(new TranscriptionCancelledError(job.id))
        if (code === 0) {
          job.timings = parseWhisperTimings(tail.join('\n')) ?? undefined
          return resolve()
        }
        const notStarted = code === WATCHDOG_SPAWN_FAILED ? tail.find((line) => line.startsWith(WATCHDOG_PREFIX)) : undefined
        if (notStarted) {
          return reject(
            /: (ENOENT|EACCES)$/.test(notStarted)
              ? new TranscriptionError('WHISPER_BINARY_MISSING', `Cannot start whisper.cpp (${binary}): ${notStarted.split(': ').pop()}. Build it with \`npm run build:whisper\`.`)
              : new TranscriptionError('WHISPER_FAILED', `Cannot start whisper.cpp: ${notStarted.slice(WATCHDOG_PREFIX.length).trim()}`)
          )
        }
        reject(whisperFailure(code, signal, tail))
      })
      // The job may have been cancelled between the check before spawning and now.
      if (job.cancelled) killWatched(child, 'SIGKILL')
    })
  }
}

async function assertModel(modelPath: string): Promise<void> {
  const info = await stat(modelPath).catch(() => undefined) // missing: reported just below
  if (!info?.isFile()) throw modelMissingError(modelPath)
  if (!(await hasGgmlMagic(modelPath))) {
    throw new TranscriptionError(
      'MODEL_INVALID',
      `${basename(modelPath)} is not a whisper.cpp model (no ggml header). Download one or pick another file in Settings → Models.`
    )
  }
}
