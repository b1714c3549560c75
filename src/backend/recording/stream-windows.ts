import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { defaultWindowCutOptions, findWindowCut, joinWindowTranscripts, type WindowCutOptions, type WindowTranscript } from '@shared/recording-windows'
import type { Transcript } from '@shared/transcript'
import { WHISPER_SAMPLE_RATE, encodeWhisperWav } from '../audio'
import { VAD_FRAME_MS, VAD_FRAME_SAMPLES, type VoiceActivity } from '../audio/voice-activity'
import { emptyTranscript, type TranscriptionRun } from '../transcription'
import { codeOf } from '@shared/errors'

interface StreamWindow {
  offsetMs: number
  /** Settles with the window's transcript (null: nothing said), or rejects with its error. */
  result: Promise<Transcript | null>
  /** Set once `result` has settled. */
  outcome?: { transcript: Transcript | null } | { error: unknown }
}

/** Overrides of the cutting rules; `voiceActivity: false` finds pauses by level only (the benchmark's previous settings). */
export type StreamWindowCut = Partial<WindowCutOptions> & { voiceActivity?: boolean }

export interface StreamWindowsOptions {
  run: TranscriptionRun
  /** A scratch folder of this take's own, removed when the windows are done. */
  scratchDir: Promise<string>
  keyTerms: readonly string[]
  windowCut?: StreamWindowCut
  /** The text of the windows finished so far, in order, whenever it grows. */
  onPartial: (text: string) => void
  /** Decides where the pauses are; without it, quiet frames are (see `findWindowCut`). */
  voiceActivity?: VoiceActivity | null
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

/** A window whisper failed on for a reason a second try with the whole file might not have. */
export class WindowFailedError extends Error {
  constructor(readonly reason: unknown) {
    super('a window of the recording could not be transcribed')
  }
}

/**
 * Streaming transcription of one take: windows of the audio are cut at pauses while the
 * candidate is still speaking (see `findWindowCut`) and transcribed at once, so after Stop only
 * the last window is left.
 */
export class StreamWindows {
  /** PCM since the last cut, in arrival order. */
  private pending: Int16Array[] = []
  private pendingSamples = 0
  /** Where the pending audio starts in the whole recording, in samples. */
  private pendingStart = 0
  private readonly windows: StreamWindow[] = []
  private modelPath: string | null = null
  /** Only when the cutter's frames are the detector's (20 ms). */
  private readonly voice: VoiceActivity | null
  keyTerms: readonly string[]

  constructor(private readonly options: StreamWindowsOptions) {
    this.keyTerms = options.keyTerms
    const frameMs = options.windowCut?.frameMs ?? defaultWindowCutOptions.frameMs
    this.voice = frameMs === VAD_FRAME_MS && options.windowCut?.voiceActivity !== false ? (options.voiceActivity ?? null) : null
  }

  get run(): TranscriptionRun {
    return this.options.run
  }

  push(bytes: Buffer): void {
    if (bytes.length === 0) return
    const samples = new Int16Array(bytes.length / 2)
    Buffer.from(samples.buffer).set(bytes)
    this.pending.push(samples)
    this.pendingSamples += samples.length
    this.voice?.push(samples)
    this.cutIfDue()
  }

  /**
   * Transcribes what is left and joins every window into the take's transcript. Throws the
   * error to report, or a WindowFailedError when a retry with the whole file is worth it.
   */
  async finish(durationMs: number): Promise<Transcript> {
    if (this.pendingSamples > 0) {
      this.queue(concat(this.pending, this.pendingSamples))
      this.pending = []
      this.pendingSamples = 0
    }
    this.voice?.destroy()
    const settled = await Promise.allSettled(this.windows.map((window) => window.result))
    await this.removeScratch()
    const failed = settled.find((outcome) => outcome.status === 'rejected')
    if (failed) {
      const code = codeOf(failed.reason)
      throw code === 'MODEL_MISSING' || code === 'CANCELLED' ? failed.reason : new WindowFailedError(failed.reason)
    }
    if (this.windows.length === 0) return emptyTranscript(durationMs, this.modelPath)
    const windows = this.windows.map((window, i) => {
      const outcome = settled[i]
      return { offsetMs: window.offsetMs, transcript: outcome?.status === 'fulfilled' ? outcome.value : null }
    })
    const model = this.modelPath ?? ''
    return joinWindowTranscripts(windows, durationMs, model.split(/[\\/]/).pop() ?? model)
  }

  /** Stops every window and removes the scratch folder. */
  async discard(): Promise<void> {
    this.options.run.stop()
    this.voice?.destroy()
    await this.removeScratch()
  }

  private async removeScratch(): Promise<void> {
    // Scratch lives under <data>/tmp, which is emptied at every start anyway.
    await rm(await this.options.scratchDir, { recursive: true, force: true }).catch(() => undefined)
  }

  private cutIfDue(): void {
    const minSamples = ((this.options.windowCut?.minWindowMs ?? defaultWindowCutOptions.minWindowMs) * WHISPER_SAMPLE_RATE) / 1000
    if (this.pendingSamples < minSamples) return
    const samples = concat(this.pending, this.pendingSamples)
    const voice = this.voice
    // Cuts fall on frame boundaries when the detector decides, so the pending audio always
    // starts at a frame of the take and its frames are the detector's frames.
    const isPause = voice ? (start: number) => voice.isSilent((this.pendingStart + start) / VAD_FRAME_SAMPLES) : undefined
    const found = findWindowCut(samples, { ...this.options.windowCut, sampleRate: WHISPER_SAMPLE_RATE }, isPause)
    if (found === null) {
      this.pending = [samples]
      return
    }
    const cut = voice ? found - (found % VAD_FRAME_SAMPLES) : found
    this.queue(samples.subarray(0, cut))
    const rest = samples.slice(cut)
    this.pending = [rest]
    this.pendingSamples = rest.length
    voice?.dropBefore(this.pendingStart / VAD_FRAME_SAMPLES)
  }

  /** Writes the window to a scratch WAV and queues it; the partial transcript follows. */
  private queue(samples: Int16Array): void {
    const offsetMs = samplesToMs(this.pendingStart)
    this.pendingStart += samples.length
    const index = this.windows.length
    const wav = encodeWhisperWav(samples)
    const result = (async (): Promise<Transcript | null> => {
      const path = join(await this.options.scratchDir, `window-${index}.wav`)
      await writeFile(path, wav)
      try {
        const { job, modelPath } = await this.options.run.enqueue({ wavPath: path, keyTerms: this.keyTerms })
        this.modelPath = modelPath
        return await job.result
      } catch (error) {
        if (codeOf(error) === 'NO_SPEECH') return null
        throw error
      } finally {
        await rm(path, { force: true })
      }
    })()
    const window: StreamWindow = { offsetMs, result }
    this.windows.push(window)
    void result
      .then(
        (transcript) => (window.outcome = { transcript }),
        (error: unknown) => (window.outcome = { error })
      )
      .then(() => this.publishPartial())
      .catch(() => undefined) // the outcome above already holds the error; publishing a partial is best effort
  }

  private publishPartial(): void {
    if (!this.options.run.current) return
    const done: WindowTranscript[] = []
    for (const window of this.windows) {
      if (!window.outcome) break
      done.push({ offsetMs: window.offsetMs, transcript: 'transcript' in window.outcome ? window.outcome.transcript : null })
    }
    this.options.onPartial(joinWindowTranscripts(done, 0, '').text)
  }
}
