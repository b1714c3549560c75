import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { currentTake, type AnswerChange, type AnswerRecord } from '@shared/answers'
import { AppError } from '@shared/api/result'
import type { AppendAudioInput, ImportAnswerAudioInput, StartRecordingInput } from '@shared/contract'
import { InvalidAudioError, createAnswerWavWriter, importWav, readWavFile } from '../audio'
import { errorData, type TakeKey, type TranscriptionOutcome } from '../transcription'
import { recoverAtStart, type StartupRecovery } from './crash-recovery'
import { DEFAULT_RECORDER_IDLE_MS, type RecordingServiceOptions } from './recording-options'
import { RecordingRegistry, type OpenTake } from './recording-registry'
import { VoiceActivity } from '../audio/voice-activity'
import { StreamWindows, WindowFailedError } from './stream-windows'
import { codeOf } from '@shared/errors'
import { defined } from '@shared/defined'

export { DEFAULT_RECORDER_IDLE_MS, type RecordingServiceOptions } from './recording-options'

/**
 * Recording on the backend side. Chunks from the renderer are appended to the take's WAV as
 * they arrive and windows of it are transcribed while the candidate still speaks. Every change
 * to the answer is a transition asked of AnswersService; transcription outcomes come back
 * through a callback and become transitions too, aimed at their own take, so a late result can
 * never land on a newer one.
 */
export class RecordingService {
  private readonly registry: RecordingRegistry
  private readonly audioDir: string
  /** Closings in flight, so `close()` and a new `start()` wait for them. */
  private readonly finishing = new Map<string, Promise<void>>()
  private closed = false
  /** Transitions asked for and not yet written, so `close()` lets them land. */
  private readonly reporting = new Set<Promise<void>>()

  constructor(private readonly options: RecordingServiceOptions) {
    this.audioDir = join(options.dataDir, 'audio')
    this.registry = new RecordingRegistry({
      idleMs: options.idleMs ?? DEFAULT_RECORDER_IDLE_MS,
      onIdle: (take) => void this.finish(take, true).catch((error: unknown) => console.error(`mockroom: closing an idle recording failed: ${String(error)}`))
    })
  }

  /**
   * Before anything records: mend and close what a crash left, set damaged audio aside, and
   * transcribe what was cut off. Never throws for one bad file.
   */
  async recoverAtStart(): Promise<StartupRecovery> {
    const recovery = await recoverAtStart({ dataDir: this.options.dataDir, answers: this.options.answers, now: this.options.now })
    // In the background: the key terms wait for the banks, and start-up waits for neither.
    for (const key of recovery.toTranscribe) {
      void this.transcribe(key.answerId, key.takeId).catch((error: unknown) => {
        console.error(`mockroom: could not transcribe recovered take ${key.takeId} of ${key.answerId}: ${String(error)}`)
        void this.report(key, { type: 'transcriptionFailed', takeId: key.takeId, error: errorData(error) })
      })
    }
    return recovery
  }

  /** Opens a new take. A take of this answer still open (its page went away) is closed first, keeping its audio. */
  async start(input: StartRecordingInput): Promise<AnswerRecord> {
    const { answerId } = input
    await this.finishing.get(answerId)
    const previous = this.registry.get(answerId)
    if (previous) await this.finish(previous, true)
    await this.options.answers.ensure(answerId, { sessionId: input.sessionId, questionId: input.questionId, timeBoxMs: input.timeBoxMs ?? null })
    // The record first: if we die right after creating the file, the next start knows whose it is.
    const answer = await this.options.answers.patch(answerId, { type: 'startRecording' })
    const take = defined(currentTake(answer), `the new take of answer ${answerId}`)
    const key = { answerId, takeId: take.id }
    let writer
    try {
      writer = await createAnswerWavWriter(this.audioDir, stemOf(defined(take.audioFile, `the audio file of take ${take.id}`)))
    } catch (error) {
      await this.report(key, { type: 'stopRecording', takeId: take.id, durationMs: 0, interrupted: false })
      throw error
    }
    const stream = new StreamWindows({
      run: this.options.transcription.begin(key),
      scratchDir: mkdtemp(join(this.options.scratchDir, 'mockroom-rec-')),
      keyTerms: input.keyTerms ?? [],
      windowCut: this.options.windowCut,
      onPartial: (text) => void this.report(key, { type: 'partialText', takeId: take.id, text }),
      voiceActivity: await VoiceActivity.create()
    })
    this.registry.add({ answerId, takeId: take.id, writer, stream })
    return answer
  }

  async append({ answerId, takeId, seq, pcmBase64 }: AppendAudioInput): Promise<{ receivedMs: number }> {
    const { receivedMs } = await this.registry.append(answerId, takeId, seq, Buffer.from(pcmBase64, 'base64'))
    return { receivedMs }
  }

  /**
   * Closes the take's WAV and transcribes what the windows have not covered yet. `chunks`: how
   * many the page sent; a Stop sent as the page goes away can overtake the last of them.
   */
  async stop(answerId: string, takeId: string | undefined, keyTerms: readonly string[], chunks?: number): Promise<AnswerRecord> {
    const waiting = this.registry.get(answerId)
    if (waiting && chunks !== undefined && (takeId === undefined || waiting.takeId === takeId)) {
      await this.registry.waitForChunks(waiting, chunks, 2000)
    }
    const open = this.registry.get(answerId)
    if (!open || (takeId !== undefined && open.takeId !== takeId)) {
      await this.finishing.get(answerId)
      const answer = this.options.answers.get(answerId)
      // Already closed (the watchdog or another page got there first): the take is safe, say how it is.
      if (takeId && answer.takes.some((t) => t.id === takeId && t.state !== 'recording')) return answer
      throw new AppError('CONFLICT', `No recording is open for answer ${answerId}: it was already stopped.`)
    }
    if (keyTerms.length > 0) open.stream.keyTerms = keyTerms
    await this.finish(open, false)
    return this.options.answers.get(answerId)
  }

  async importAudio(input: ImportAnswerAudioInput): Promise<AnswerRecord> {
    if (!/\.wave?$/i.test(input.fileName)) {
      throw new AppError('INVALID_INPUT_FILE', `${input.fileName} is not a WAV file: import an uncompressed .wav recording.`)
    }
    await this.options.answers.ensure(input.answerId, { sessionId: input.sessionId, questionId: input.questionId, timeBoxMs: input.timeBoxMs ?? null })
    const scratch = await mkdtemp(join(this.options.scratchDir, 'mockroom-import-'))
    try {
      const source = join(scratch, 'upload.wav')
      await writeFile(source, Buffer.from(input.base64, 'base64'))
      // Converted in scratch first; only a valid file becomes a take, and only then gets its name.
      const imported = await importWav(scratch, source, 'converted').catch((error: unknown) => {
        if (error instanceof InvalidAudioError) {
          throw new InvalidAudioError(`${input.fileName}: ${error.message.replace(/^.*upload\.wav: /, '')}`)
        }
        throw error
      })
      const saved = await this.options.answers.patch(input.answerId, { type: 'importAudio', durationMs: imported.durationMs })
      const take = defined(saved.takes.at(-1), `the imported take of answer ${input.answerId}`)
      const path = join(this.options.dataDir, defined(take.audioFile, `the audio file of take ${take.id}`))
      await mkdir(this.audioDir, { recursive: true })
      await rename(imported.path, path)
      const keyTerms = input.keyTerms ?? (await this.keyTermsOf(saved.questionId))
      this.transcribeFile({ answerId: input.answerId, takeId: take.id }, path, keyTerms, imported.durationMs)
      return saved
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }

  /** Transcribes the take's whole WAV again (default: the current take): retry, recovered audio. */
  async transcribe(answerId: string, takeId?: string, keyTerms?: readonly string[]): Promise<AnswerRecord> {
    const stored = this.options.answers.stored(answerId)
    const take = takeId ? stored.takes.find((t) => t.id === takeId) : currentTake(stored)
    if (!take) throw new AppError('NOT_FOUND', `Answer ${answerId} has no take ${takeId ?? 'yet'}.`)
    if (take.state === 'recording') throw new AppError('CONFLICT', 'Stop the recording before transcribing it.')
    if (!take.audioFile) throw new AppError('CONFLICT', 'This take has no audio to transcribe.')
    const path = join(this.options.dataDir, take.audioFile)
    const wav = await readWavFile(path).catch((error: unknown) => {
      throw error instanceof InvalidAudioError ? new InvalidAudioError(`The answer's audio cannot be read: ${error.message}`) : error
    })
    const key = { answerId, takeId: take.id }
    // Recovery finds takes already transcribing; a retry moves a ready or failed one there.
    const saved = take.state === 'transcribing' ? this.options.answers.get(answerId) : await this.options.answers.patch(answerId, { type: 'retranscribe', takeId: take.id, durationMs: wav.durationMs })
    this.transcribeFile(key, path, keyTerms ?? (await this.keyTermsOf(stored.questionId)), wav.durationMs)
    return saved
  }

  /** Stops the take's transcription (default: the current take); it says it was cancelled and can be retried. */
  async cancel(answerId: string, takeId?: string): Promise<AnswerRecord> {
    const take = takeId ? this.options.answers.stored(answerId).takes.find((t) => t.id === takeId) : currentTake(this.options.answers.stored(answerId))
    if (!take || take.state !== 'transcribing' || !this.options.transcription.cancel({ answerId, takeId: take.id })) {
      throw new AppError('CONFLICT', 'This answer is not being transcribed.')
    }
    return this.options.answers.patch(answerId, {
      type: 'transcriptionFailed',
      takeId: take.id,
      error: { code: 'CANCELLED', message: 'Transcription cancelled. Press “Transcribe again” to run it again.' }
    })
  }

  /** Deletes one take: its transcription stops first, then the record and its audio go. */
  async deleteTake(answerId: string, takeId: string): Promise<AnswerRecord> {
    const open = this.registry.get(answerId)
    if (open?.takeId === takeId) throw new AppError('ILLEGAL_TRANSITION', 'Cannot delete this take while it is still recording: stop it first.')
    this.options.transcription.cancel({ answerId, takeId })
    return this.options.answers.deleteTake(answerId, takeId)
  }

  /** Drops an open recording and every transcription of the answer (it is being deleted). */
  async abandon(answerId: string): Promise<void> {
    const open = this.registry.release(answerId)
    if (open) {
      await open.writer.close().catch(() => undefined) // the answer is being deleted: its file goes either way
      await open.stream.discard()
    }
    await this.finishing.get(answerId)
    this.options.transcription.forgetAnswer(answerId)
  }

  /**
   * Closes every open WAV (valid as far as it got) without touching the records: their takes
   * stay `recording` and are finished at the next start, exactly as after a crash.
   */
  async close(): Promise<void> {
    this.closed = true
    for (const open of this.registry.all()) {
      this.registry.release(open.answerId)
      await open.writer.close().catch(() => undefined) // shutting down: crash recovery repairs the file at next start
      await open.stream.discard()
    }
    await Promise.allSettled([...this.finishing.values()])
    await Promise.allSettled([...this.reporting])
  }

  private async keyTermsOf(questionId: string): Promise<readonly string[]> {
    return (await this.options.keyTermsOf?.(questionId).catch(() => [])) ?? [] // key terms only bias whisper; without the library it transcribes unhinted
  }

  /** Asks for a transition; one that is refused (the take moved on or was deleted) is reported and dropped. */
  private report(key: TakeKey, change: AnswerChange): Promise<void> {
    const pending = this.ask(key, change)
    this.reporting.add(pending)
    void pending.finally(() => this.reporting.delete(pending))
    return pending
  }

  private async ask(key: TakeKey, change: AnswerChange): Promise<void> {
    try {
      await this.options.answers.patch(key.answerId, change)
    } catch (error) {
      const code = codeOf(error)
      // A refused transition is the machine guarding a take that moved on (deleted, retried): nothing to do.
      if (code !== 'ILLEGAL_TRANSITION' && code !== 'NOT_FOUND') {
        console.error(`mockroom: answer ${key.answerId} take ${key.takeId}: ${change.type} failed: ${String(error)}`)
      }
    }
  }

  private outcomeReporter(key: TakeKey): (outcome: TranscriptionOutcome) => Promise<void> {
    return (outcome) =>
      this.report(
        key,
        'transcript' in outcome
          ? { type: 'transcribed', takeId: key.takeId, transcript: outcome.transcript }
          : { type: 'transcriptionFailed', takeId: key.takeId, error: outcome.error }
      )
  }

  private transcribeFile(key: TakeKey, path: string, keyTerms: readonly string[], durationMs: number): void {
    // After close, the take stays `transcribing` and the next start transcribes it.
    if (this.closed) return
    this.options.transcription.transcribeWhole(key, path, keyTerms, durationMs, this.outcomeReporter(key))
  }

  /**
   * Closes an open take: no chunk is accepted from here on, the WAV is closed with everything
   * received, the take moves to `transcribing` (or `failed` if no audio arrived) and its last
   * window is transcribed. `interrupted`: its recorder went away rather than pressing Stop.
   */
  private finish(open: OpenTake, interrupted: boolean): Promise<void> {
    if (this.registry.get(open.answerId) !== open) return this.finishing.get(open.answerId) ?? Promise.resolve()
    this.registry.release(open.answerId)
    const key = { answerId: open.answerId, takeId: open.takeId }
    const done = (async () => {
      const finished = await open.writer.close()
      await this.report(key, { type: 'stopRecording', takeId: open.takeId, durationMs: finished.durationMs, interrupted })
      if (finished.durationMs === 0) {
        await open.stream.discard()
        return
      }
      void this.transcribeStream(key, open, finished.path, finished.durationMs)
    })()
    const tracked = done.finally(() => {
      if (this.finishing.get(open.answerId) === tracked) this.finishing.delete(open.answerId)
    })
    this.finishing.set(open.answerId, tracked)
    return tracked
  }

  private async transcribeStream(key: TakeKey, open: OpenTake, wavPath: string, durationMs: number): Promise<void> {
    const { run } = open.stream
    const report = this.outcomeReporter(key)
    let outcome: TranscriptionOutcome
    try {
      outcome = { transcript: await open.stream.finish(durationMs) }
    } catch (error) {
      if (error instanceof WindowFailedError && run.current) {
        // A window whisper choked on: one more try with the whole file before giving up.
        this.transcribeFile(key, wavPath, open.stream.keyTerms, durationMs)
        return
      }
      outcome = { error: errorData(error) }
    }
    if (!run.current) return
    run.end()
    await report(outcome)
  }
}

/** `audio/<stem>.wav` → `<stem>`. */
function stemOf(audioFile: string): string {
  return audioFile.replace(/^audio\//, '').replace(/\.wav$/, '')
}
