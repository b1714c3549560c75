import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import type { AnswerRecord } from '../shared/answers'
import { AppError } from '../shared/api/result'
import type { Transcript } from '../shared/transcript'
import type { AnswersService } from './answers-service'
import type { EventHub } from './events'
import type { ModelManager } from './models'
import type { Store } from './storage/store'
import { Transcriber, TranscriptionError, type TranscriptionJob, type TranscriptionRequest } from './transcription'
import { checkTranscriber, modelFingerprint } from './transcription/self-test'
import type { TranscriberCheck } from '../shared/contract'

/**
 * One answer's transcription attempt. Starting a new one (re-recording, retrying) or
 * cancelling makes the old one stale: its jobs are cancelled and whatever they still deliver
 * is ignored, so a late result can never overwrite a newer recording.
 */
export class TranscriptionRun {
  private readonly percents = new Map<string, number>()
  private readonly jobs = new Set<TranscriptionJob>()
  current = true

  constructor(
    readonly answerId: string,
    private readonly service: TranscriptionService
  ) {}

  /** Queues one file of this answer (a window, or the whole recording). */
  async enqueue(request: Omit<TranscriptionRequest, 'modelPath'>): Promise<{ job: TranscriptionJob; modelPath: string }> {
    const modelPath = await this.service.resolveModelPath()
    if (!this.current) throw new TranscriptionError('CANCELLED', 'Transcription was cancelled.')
    const job = this.service.transcriber.enqueue({ ...request, modelPath })
    this.jobs.add(job)
    this.percents.set(job.id, 0)
    this.service.trackJob(job.id, this)
    void job.result.then(
      () => this.progress(job.id, 100),
      () => this.progress(job.id, 100)
    )
    return { job, modelPath }
  }

  /** Overall percent: the mean over every file queued in this run. */
  progress(jobId: string, percent: number): void {
    if (!this.percents.has(jobId) || !this.current) return
    this.percents.set(jobId, percent)
    const values = [...this.percents.values()]
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length
    this.service.emitProgress(this.answerId, Math.round(mean))
  }

  stop(): void {
    this.current = false
    for (const job of this.jobs) job.cancel()
    this.jobs.clear()
  }
}

export interface TranscriptionServiceOptions {
  store: Store
  answers: AnswersService
  events: EventHub
  models: ModelManager
  transcriber?: Transcriber
}

/** Whisper's "I heard nothing" is an empty transcript, not a failure: the UI says so plainly. */
export function emptyTranscript(durationMs: number, modelPath: string | null): Transcript {
  return { text: '', segments: [], words: [], durationMs, model: modelPath ? basename(modelPath) : '' }
}

/** Queues answers' audio for whisper and writes the outcome into their records. */
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
    const chosen = this.options.store.read().settings.modelPath
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

  /** Starts a new attempt for this answer, cancelling any earlier one. */
  begin(answerId: string): TranscriptionRun {
    this.runs.get(answerId)?.stop()
    const run = new TranscriptionRun(answerId, this)
    this.runs.set(answerId, run)
    return run
  }

  isBusy(answerId: string): boolean {
    return this.runs.get(answerId)?.current ?? false
  }

  trackJob(jobId: string, run: TranscriptionRun): void {
    this.runOfJob.set(jobId, run)
  }

  emitProgress(answerId: string, percent: number): void {
    this.options.events.emit('transcriptionProgress', { answerId, percent: Math.max(0, Math.min(100, percent)) })
  }

  /** Transcribes the answer's whole WAV; returns the record marked 'transcribing' at once. */
  async transcribeWhole(answer: AnswerRecord, wavPath: string, keyTerms: readonly string[], durationMs: number): Promise<AnswerRecord> {
    const run = this.begin(answer.id)
    const record = await this.options.answers.upsert(answer.id, {
      sessionId: answer.sessionId,
      questionId: answer.questionId,
      source: answer.source,
      status: 'transcribing',
      durationMs,
      error: null
    })
    void this.settle(run, durationMs, async () => {
      const { job, modelPath } = await run.enqueue({ wavPath, keyTerms })
      try {
        return await job.result
      } catch (error) {
        if ((error as AppError).code === 'NO_SPEECH') return emptyTranscript(durationMs, modelPath)
        throw error
      }
    })
    return record
  }

  /** Waits for `work` and writes its transcript, or its error, into the answer (if still current). */
  async settle(run: TranscriptionRun, durationMs: number, work: () => Promise<Transcript>): Promise<void> {
    let transcript: Transcript | undefined
    let failure: { code: string; message: string } | undefined
    try {
      transcript = await work()
    } catch (error) {
      failure =
        error instanceof AppError
          ? { code: error.code, message: error.message }
          : { code: 'WHISPER_FAILED', message: error instanceof Error ? error.message : String(error) }
    }
    if (!run.current) return
    run.current = false
    this.runs.delete(run.answerId)
    let answer: AnswerRecord
    try {
      answer = this.options.answers.get(run.answerId)
    } catch {
      return // deleted meanwhile
    }
    const base = { sessionId: answer.sessionId, questionId: answer.questionId, source: answer.source }
    if (transcript) {
      await this.options.answers.upsert(run.answerId, {
        ...base,
        status: 'ready',
        transcript: { ...transcript, durationMs },
        text: answer.edited ? answer.text : transcript.text,
        durationMs,
        error: null
      })
    } else {
      await this.options.answers.upsert(run.answerId, { ...base, status: 'failed', error: failure ?? null })
    }
  }

  /** Stops the answer's transcription; the record says it was cancelled and can be retried. */
  async cancel(answerId: string): Promise<AnswerRecord> {
    const answer = this.options.answers.get(answerId)
    const run = this.runs.get(answerId)
    if (!run?.current || answer.status !== 'transcribing') {
      throw new AppError('CONFLICT', 'This answer is not being transcribed.')
    }
    run.stop()
    this.runs.delete(answerId)
    return this.options.answers.upsert(answerId, {
      sessionId: answer.sessionId,
      questionId: answer.questionId,
      source: answer.source,
      status: 'failed',
      error: { code: 'CANCELLED', message: 'Transcription cancelled. Press “Transcribe” to run it again.' }
    })
  }

  /** Drops any attempt for a deleted or re-recorded answer. */
  forget(answerId: string): void {
    this.runs.get(answerId)?.stop()
    this.runs.delete(answerId)
  }

  close(): void {
    for (const run of this.runs.values()) run.stop()
    this.runs.clear()
    this.transcriber.cancelAll()
  }
}
