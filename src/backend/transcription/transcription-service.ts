import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError, type ApiErrorData } from '@shared/api/result'
import type { Transcript } from '@shared/transcript'
import type { EventHub } from '../events'
import type { ModelManager } from '../models'
import type { TranscriberCheck } from '@shared/contract'
import { checkTranscriber, modelFingerprint } from './self-test'
import { Transcriber, type TranscriptionJob, type TranscriptionRequest } from './transcriber'
import { TranscriptionError } from './transcription-error'
import { codeOf, messageOf } from '@shared/errors'

/** Which take a transcription belongs to. */
export interface TakeKey {
  answerId: string
  takeId: string
}

export type TranscriptionOutcome = { transcript: Transcript } | { error: ApiErrorData }

/** Where a finished transcription goes: the caller turns it into an answer transition. */
export type ReportOutcome = (outcome: TranscriptionOutcome) => Promise<void>

interface RunHooks {
  enqueue: (request: Omit<TranscriptionRequest, 'modelPath'>) => Promise<{ job: TranscriptionJob; modelPath: string }>
  progress: (percent: number) => void
  ended: () => void
}

/**
 * One take's transcription attempt. Starting a new one (retrying) or cancelling makes the old
 * one stale: its jobs are cancelled and whatever they still deliver is ignored. The run knows
 * only the hooks it was given, not the service that made it.
 */
export class TranscriptionRun {
  private readonly percents = new Map<string, number>()
  private readonly jobs = new Set<TranscriptionJob>()
  current = true

  constructor(
    readonly key: TakeKey,
    private readonly hooks: RunHooks
  ) {}

  /** Queues one file of this take (a window, or the whole recording). */
  async enqueue(request: Omit<TranscriptionRequest, 'modelPath'>): Promise<{ job: TranscriptionJob; modelPath: string }> {
    if (!this.current) throw new TranscriptionError('CANCELLED', 'Transcription was cancelled.')
    const queued = await this.hooks.enqueue(request)
    if (!this.current) {
      queued.job.cancel()
      throw new TranscriptionError('CANCELLED', 'Transcription was cancelled.')
    }
    this.jobs.add(queued.job)
    this.percents.set(queued.job.id, 0)
    const done = () => this.progress(queued.job.id, 100)
    void queued.job.result.then(done, done)
    return queued
  }

  /** Overall percent: the mean over every file queued in this run. */
  progress(jobId: string, percent: number): void {
    if (!this.percents.has(jobId) || !this.current) return
    this.percents.set(jobId, percent)
    const values = [...this.percents.values()]
    this.hooks.progress(Math.round(values.reduce((sum, value) => sum + value, 0) / values.length))
  }

  stop(): void {
    if (!this.current) return
    this.current = false
    for (const job of this.jobs) job.cancel()
    this.jobs.clear()
    this.hooks.ended()
  }

  /** The run delivered its outcome: it is no longer current, but its jobs are done anyway. */
  end(): void {
    if (!this.current) return
    this.current = false
    this.hooks.ended()
  }
}

export interface TranscriptionServiceOptions {
  events: EventHub
  models: ModelManager
  /** The model the user chose in Settings, if any. */
  chosenModelPath: () => string | null
  transcriber?: Transcriber
}

/** Whisper's "I heard nothing" is an empty transcript, not a failure: the UI says so plainly. */
export function emptyTranscript(durationMs: number, modelPath: string | null): Transcript {
  return { text: '', segments: [], words: [], durationMs, model: modelPath ? basename(modelPath) : '' }
}

export function errorData(error: unknown): ApiErrorData {
  return error instanceof AppError
    ? { code: error.code, message: error.message }
    : { code: 'WHISPER_FAILED', message: messageOf(error) }
}

const keyOf = ({ answerId, takeId }: TakeKey): string => `${answerId}/${takeId}`

/**
 * Queues takes' audio for whisper and reports each outcome to whoever asked. It writes no
 * answer: the caller's `report` turns the outcome into an answer transition.
 */
export class TranscriptionService {
  readonly transcriber: Transcriber
  private readonly runs = new Map<string, TranscriptionRun>()
  private readonly runOfJob = new Map<string, TranscriptionRun>()
  private lastCheck: { fingerprint: string; result: TranscriberCheck } | null = null

  constructor(private readonly options: TranscriptionServiceOptions) {
    this.transcriber = options.transcriber ?? new Transcriber()
    this.transcriber.on('progress', ({ jobId, percent }) => this.runOfJob.get(jobId)?.progress(jobId, percent))
    this.transcriber.on('finished', ({ jobId }) => this.runOfJob.delete(jobId))
  }

  /** settings.modelPath when that file exists, else the first installed model. */
  async resolveModelPath(): Promise<string> {
    const chosen = this.options.chosenModelPath()
    if (chosen && existsSync(chosen)) return chosen
    const fallback = await this.options.models.defaultModel()
    if (fallback) return fallback.path
    throw new TranscriptionError(
      'MODEL_MISSING',
      chosen
        ? `The chosen Whisper model is gone (${chosen}). Download one or pick another in Settings → Models.`
        : 'No Whisper model is installed. Download one or use a model file in Settings → Models.'
    )
  }

  /** The readiness self-test (see checkTranscriber), remembered per model file. */
  async selfTest(samplePath: string, force = false): Promise<TranscriberCheck> {
    const fingerprint = await this.resolveModelPath().then(modelFingerprint, () => null)
    if (!force && fingerprint && this.lastCheck?.fingerprint === fingerprint) return this.lastCheck.result
    const result = await checkTranscriber({
      resolveModelPath: () => this.resolveModelPath(),
      transcribe: (request) => this.transcriber.transcribe(request),
      samplePath
    })
    // Only a finished test is remembered; a missing model may be installed a minute later.
    this.lastCheck = fingerprint && result.model ? { fingerprint, result } : null
    return result
  }

  /** Starts a new attempt for this take, cancelling any earlier one. */
  begin(key: TakeKey): TranscriptionRun {
    this.runs.get(keyOf(key))?.stop()
    const run: TranscriptionRun = new TranscriptionRun(key, {
      enqueue: async (request) => {
        const modelPath = await this.resolveModelPath()
        const job = this.transcriber.enqueue({ ...request, modelPath })
        this.runOfJob.set(job.id, run)
        return { job, modelPath }
      },
      progress: (percent) =>
        this.options.events.emit('transcriptionProgress', { answerId: key.answerId, takeId: key.takeId, percent: Math.max(0, Math.min(100, percent)) }),
      ended: () => {
        if (this.runs.get(keyOf(key)) === run) this.runs.delete(keyOf(key))
      }
    })
    this.runs.set(keyOf(key), run)
    return run
  }

  /** Transcribes a whole WAV in the background and reports the outcome, unless the run was stopped first. */
  transcribeWhole(key: TakeKey, wavPath: string, keyTerms: readonly string[], durationMs: number, report: ReportOutcome): void {
    const run = this.begin(key)
    void this.settle(run, report, async () => {
      const { job, modelPath } = await run.enqueue({ wavPath, keyTerms })
      try {
        return { ...(await job.result), durationMs }
      } catch (error) {
        if (codeOf(error) === 'NO_SPEECH') return emptyTranscript(durationMs, modelPath)
        throw error
      }
    })
  }

  /** Waits for `work` and reports its transcript or its error, if the run is still current. */
  async settle(run: TranscriptionRun, report: ReportOutcome, work: () => Promise<Transcript>): Promise<void> {
    let outcome: TranscriptionOutcome
    try {
      outcome = { transcript: await work() }
    } catch (error) {
      outcome = { error: errorData(error) }
    }
    if (!run.current) return
    run.end()
    await report(outcome)
  }

  /** Stops the take's transcription; true if one was running. */
  cancel(key: TakeKey): boolean {
    const run = this.runs.get(keyOf(key))
    if (!run?.current) return false
    run.stop()
    return true
  }

  /** Drops every attempt for an answer's takes (the answer is being deleted). */
  forgetAnswer(answerId: string): void {
    for (const run of [...this.runs.values()]) if (run.key.answerId === answerId) run.stop()
  }

  close(): void {
    for (const run of [...this.runs.values()]) run.stop()
    this.transcriber.cancelAll()
  }
}
