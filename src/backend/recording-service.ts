import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AnswerRecord } from '../shared/answers'
import { AppError } from '../shared/api/result'
import type { AppendAudioInput, ImportAnswerAudioInput, StartRecordingInput } from '../shared/contract'
import { findWindowCut, joinWindowTranscripts, type WindowCutOptions, type WindowTranscript } from '../shared/recording-windows'
import type { Transcript } from '../shared/transcript'
import type { AnswersService } from './answers-service'
import {
  InvalidAudioError,
  WHISPER_SAMPLE_RATE,
  answerWavPath,
  createAnswerWavWriter,
  encodeWhisperWav,
  importWav,
  readWavFile,
  repairUnfinishedWavs,
  type WavWriter
} from './audio'
import { emptyTranscript, type TranscriptionRun, type TranscriptionService } from './transcription-service'

interface StreamWindow {
  offsetMs: number
  /** Settles with the window's transcript (null: nothing said), or rejects with its error. */
  result: Promise<Transcript | null>
  /** Set once `result` has settled. */
  outcome?: { transcript: Transcript | null } | { error: unknown }
}

interface OpenRecording {
  answerId: string
  writer: WavWriter
  nextSeq: number
  keyTerms: readonly string[]
  run: TranscriptionRun
  scratchDir: Promise<string>
  /** PCM since the last cut, in arrival order. */
  pending: Int16Array[]
  pendingSamples: number
  /** Where the pending audio starts in the whole recording, in samples. */
  pendingStart: number
  windows: StreamWindow[]
  modelPath: string | null
}

export interface RecordingServiceOptions {
  dataDir: string
  answers: AnswersService
  transcription: TranscriptionService
  /** Overrides of the window-cutting rules (tests use short windows). */
  windowCut?: Partial<WindowCutOptions>
  /** The question's key terms, for transcriptions not started by a recording (retry, recovery). */
  keyTermsOf?: (questionId: string) => Promise<readonly string[]>
}

export interface RecoveredAnswer {
  answer: AnswerRecord
  durationMs: number
}

const samplesToMs = (samples: number): number => Math.round((samples * 1000) / WHISPER_SAMPLE_RATE)

function concat(chunks: readonly Int16Array[], total: number): Int16Array {
  const out = new Int16Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

/**
 * Recording on the backend side: PCM chunks from the renderer are appended to
 * `audio/<answerId>.wav` as they arrive, and windows of it are transcribed while the candidate
 * is still speaking (cut at a pause, see `findWindowCut`), so that after Stop only the last
 * window is left to transcribe.
 */
export class RecordingService {
  private readonly open = new Map<string, OpenRecording>()
  private readonly audioDir: string

  constructor(private readonly options: RecordingServiceOptions) {
    this.audioDir = join(options.dataDir, 'audio')
  }

  isRecording(answerId: string): boolean {
    return this.open.has(answerId)
  }

  /**
   * Mends the WAVs a crash left unfinished and marks their answers recovered, playable up to
   * the last chunk received. Also catches answers still 'recording' whose WAV happens to be
   * consistent (the writer updates the header after every chunk, so a crash between two chunks
   * leaves nothing to repair). Call once at start, before anything records.
   */
  async recoverUnfinished(): Promise<RecoveredAnswer[]> {
    const repaired = new Set((await repairUnfinishedWavs(this.audioDir)).map((wav) => wav.answerId))
    const { answers } = this.options
    const candidates = answers
      .list({})
      .filter((answer) => answer.status === 'recording' || (repaired.has(answer.id) && answer.source !== 'typed'))
    const recovered: RecoveredAnswer[] = []
    for (const answer of candidates) {
      const audioFile = `audio/${answer.id}.wav`
      const durationMs = await readWavFile(join(this.options.dataDir, audioFile)).then(
        (wav) => wav.durationMs,
        () => 0
      )
      const saved = await answers.upsert(answer.id, {
        sessionId: answer.sessionId,
        questionId: answer.questionId,
        source: answer.source,
        recovered: true,
        audioFile: durationMs > 0 ? audioFile : null,
        durationMs,
        status: durationMs > 0 ? 'ready' : 'failed',
        error:
          durationMs > 0
            ? null
            : { code: 'INVALID_AUDIO', message: 'The recording was interrupted before any audio was saved. Record the answer again.' }
      })
      recovered.push({ answer: saved, durationMs })
    }
    // Killed while whisper ran: the audio is complete, so run it again.
    for (const answer of answers.list({}).filter((a) => a.status === 'transcribing' && a.audioFile)) {
      await this.transcribe(answer.id)
    }
    return recovered
  }

  async start(input: StartRecordingInput): Promise<AnswerRecord> {
    const { answerId } = input
    const previous = this.open.get(answerId)
    if (previous) await this.discard(previous)
    this.options.transcription.forget(answerId)
    answerWavPath(this.audioDir, answerId) // validates the id before anything is written
    // The record first: if we die right after creating the file, the next start knows whose it is.
    const answer = await this.options.answers.upsert(answerId, {
      sessionId: input.sessionId,
      questionId: input.questionId,
      source: 'recorded',
      status: 'recording',
      recovered: false,
      audioFile: `audio/${answerId}.wav`,
      durationMs: 0,
      timeBoxMs: input.timeBoxMs ?? null,
      transcript: null,
      text: '',
      edited: false,
      error: null
    })
    const writer = await createAnswerWavWriter(this.audioDir, answerId)
    this.open.set(answerId, {
      answerId,
      writer,
      nextSeq: 0,
      keyTerms: input.keyTerms ?? [],
      run: this.options.transcription.begin(answerId),
      scratchDir: mkdtemp(join(tmpdir(), 'mockroom-rec-')),
      pending: [],
      pendingSamples: 0,
      pendingStart: 0,
      windows: [],
      modelPath: null
    })
    return answer
  }

  async append({ answerId, seq, pcmBase64 }: AppendAudioInput): Promise<{ receivedMs: number }> {
    const recording = this.open.get(answerId)
    if (!recording) {
      throw new AppError(
        'CONFLICT',
        `No recording is open for answer ${answerId}: it was stopped, or the app restarted. Start recording again.`
      )
    }
    if (seq !== recording.nextSeq) {
      throw new AppError('CONFLICT', `Audio chunk ${seq} arrived out of order (expected chunk ${recording.nextSeq}).`)
    }
    const bytes = Buffer.from(pcmBase64, 'base64')
    if (bytes.length % 2 !== 0) throw new InvalidAudioError(`audio chunk ${seq} is not whole 16-bit samples`)
    recording.nextSeq += 1
    await recording.writer.append(bytes)
    const samples = new Int16Array(bytes.length / 2)
    Buffer.from(samples.buffer).set(bytes)
    recording.pending.push(samples)
    recording.pendingSamples += samples.length
    this.cutWindowIfDue(recording)
    return { receivedMs: recording.writer.durationMs }
  }

  /** Closes the WAV and transcribes what the windows have not covered yet. */
  async stop(answerId: string, keyTerms: readonly string[]): Promise<AnswerRecord> {
    const recording = this.open.get(answerId)
    if (!recording) {
      throw new AppError('CONFLICT', `No recording is open for answer ${answerId}: it was already stopped.`)
    }
    this.open.delete(answerId)
    if (keyTerms.length > 0) recording.keyTerms = keyTerms
    const finished = await recording.writer.close()
    if (recording.pendingSamples > 0) {
      this.queueWindow(recording, concat(recording.pending, recording.pendingSamples))
      recording.pending = []
      recording.pendingSamples = 0
    }
    const answer = this.options.answers.get(answerId)
    const record = await this.options.answers.upsert(answerId, {
      sessionId: answer.sessionId,
      questionId: answer.questionId,
      source: answer.source,
      status: 'transcribing',
      durationMs: finished.durationMs,
      error: null
    })
    void this.finishStreaming(recording, finished.path, finished.durationMs)
    return record
  }

  async importAudio(input: ImportAnswerAudioInput): Promise<AnswerRecord> {
    if (!/\.wave?$/i.test(input.fileName)) {
      throw new AppError('INVALID_INPUT_FILE', `${input.fileName} is not a WAV file: import an uncompressed .wav recording.`)
    }
    const previous = this.open.get(input.answerId)
    if (previous) await this.discard(previous)
    this.options.transcription.forget(input.answerId)
    const scratch = await mkdtemp(join(tmpdir(), 'mockroom-import-'))
    let imported
    try {
      const source = join(scratch, 'upload.wav')
      await writeFile(source, Buffer.from(input.base64, 'base64'))
      imported = await importWav(this.audioDir, source, input.answerId).catch((error: unknown) => {
        if (error instanceof InvalidAudioError) {
          throw new InvalidAudioError(`${input.fileName}: ${error.message.replace(/^.*upload\.wav: /, '')}`)
        }
        throw error
      })
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
    const answer = await this.options.answers.upsert(input.answerId, {
      sessionId: input.sessionId,
      questionId: input.questionId,
      source: 'imported',
      status: 'transcribing',
      recovered: false,
      audioFile: `audio/${input.answerId}.wav`,
      durationMs: imported.durationMs,
      timeBoxMs: input.timeBoxMs ?? null,
      transcript: null,
      text: '',
      edited: false,
      error: null
    })
    return this.options.transcription.transcribeWhole(answer, imported.path, input.keyTerms ?? (await this.keyTermsOf(answer.questionId)), imported.durationMs)
  }

  /** Transcribes the answer's whole WAV again (retry, recovered audio). */
  async transcribe(answerId: string, keyTerms?: readonly string[]): Promise<AnswerRecord> {
    if (this.open.has(answerId)) throw new AppError('CONFLICT', 'Stop the recording before transcribing it.')
    const answer = this.options.answers.get(answerId)
    if (!answer.audioFile) throw new AppError('CONFLICT', 'This answer has no audio to transcribe.')
    const path = join(this.options.dataDir, answer.audioFile)
    const wav = await readWavFile(path).catch((error: unknown) => {
      throw error instanceof InvalidAudioError ? new InvalidAudioError(`The answer's audio cannot be read: ${error.message}`) : error
    })
    return this.options.transcription.transcribeWhole(answer, path, keyTerms ?? (await this.keyTermsOf(answer.questionId)), wav.durationMs)
  }

  /** Drops an open recording and any transcription of the answer (it is being deleted). */
  async abandon(answerId: string): Promise<void> {
    const recording = this.open.get(answerId)
    if (recording) await this.discard(recording)
    this.options.transcription.forget(answerId)
  }

  /** Closes every open WAV (valid as far as it got); their answers are recovered at next start. */
  async close(): Promise<void> {
    for (const recording of [...this.open.values()]) await this.discard(recording)
  }

  private async keyTermsOf(questionId: string): Promise<readonly string[]> {
    return (await this.options.keyTermsOf?.(questionId).catch(() => [])) ?? []
  }

  private async discard(recording: OpenRecording): Promise<void> {
    this.open.delete(recording.answerId)
    recording.run.stop()
    await recording.writer.close().catch(() => undefined)
    await rm(await recording.scratchDir, { recursive: true, force: true }).catch(() => undefined)
  }

  private cutWindowIfDue(recording: OpenRecording): void {
    const minSamples = ((this.options.windowCut?.minWindowMs ?? 20_000) * WHISPER_SAMPLE_RATE) / 1000
    if (recording.pendingSamples < minSamples) return
    const samples = concat(recording.pending, recording.pendingSamples)
    const cut = findWindowCut(samples, { ...this.options.windowCut, sampleRate: WHISPER_SAMPLE_RATE })
    if (cut === null) {
      recording.pending = [samples]
      return
    }
    this.queueWindow(recording, samples.subarray(0, cut))
    const rest = samples.slice(cut)
    recording.pending = [rest]
    recording.pendingSamples = rest.length
  }

  /** Writes the window to a scratch WAV and queues it; the partial transcript follows. */
  private queueWindow(recording: OpenRecording, samples: Int16Array): void {
    const offsetMs = samplesToMs(recording.pendingStart)
    recording.pendingStart += samples.length
    const index = recording.windows.length
    const wav = encodeWhisperWav(samples)
    const result = (async (): Promise<Transcript | null> => {
      const path = join(await recording.scratchDir, `window-${index}.wav`)
      await writeFile(path, wav)
      const { job, modelPath } = await recording.run.enqueue({ wavPath: path, keyTerms: recording.keyTerms })
      recording.modelPath = modelPath
      try {
        return await job.result
      } catch (error) {
        if ((error as AppError).code === 'NO_SPEECH') return null
        throw error
      } finally {
        await rm(path, { force: true })
      }
    })()
    const window: StreamWindow = { offsetMs, result }
    recording.windows.push(window)
    void result
      .then(
        (transcript) => (window.outcome = { transcript }),
        (error: unknown) => (window.outcome = { error })
      )
      .then(() => this.publishPartial(recording))
      .catch(() => undefined)
  }

  /** The text of the windows finished so far, in order, while the answer is still being recorded or transcribed. */
  private async publishPartial(recording: OpenRecording): Promise<void> {
    if (!recording.run.current) return
    const done: WindowTranscript[] = []
    for (const window of recording.windows) {
      if (!window.outcome) break
      done.push({ offsetMs: window.offsetMs, transcript: 'transcript' in window.outcome ? window.outcome.transcript : null })
    }
    const text = joinWindowTranscripts(done, 0, '').text
    let answer: AnswerRecord
    try {
      answer = this.options.answers.get(recording.answerId)
    } catch {
      return
    }
    if (!recording.run.current || answer.status === 'ready' || answer.status === 'failed' || answer.text === text) return
    await this.options.answers.upsert(recording.answerId, {
      sessionId: answer.sessionId,
      questionId: answer.questionId,
      source: answer.source,
      text
    })
  }

  private async finishStreaming(recording: OpenRecording, wavPath: string, durationMs: number): Promise<void> {
    const { run } = recording
    const settled = await Promise.allSettled(recording.windows.map((window) => window.result))
    await rm(await recording.scratchDir, { recursive: true, force: true }).catch(() => undefined)
    if (!run.current) return
    const failed = settled.find((outcome) => outcome.status === 'rejected')
    if (failed && (failed.reason as AppError).code !== 'MODEL_MISSING' && (failed.reason as AppError).code !== 'CANCELLED') {
      // A window whisper choked on: one more try with the whole file before giving up.
      const answer = this.options.answers.get(recording.answerId)
      await this.options.transcription.transcribeWhole(answer, wavPath, recording.keyTerms, durationMs)
      return
    }
    await this.options.transcription.settle(run, durationMs, async () => {
      if (failed) throw failed.reason
      if (recording.windows.length === 0) return emptyTranscript(durationMs, recording.modelPath)
      const windows = settled.map((outcome, i) => ({
        offsetMs: recording.windows[i]!.offsetMs,
        transcript: outcome.status === 'fulfilled' ? outcome.value : null
      }))
      const model = recording.modelPath ?? ''
      return joinWindowTranscripts(windows, durationMs, model.split(/[\\/]/).pop() ?? model)
    })
  }
}
