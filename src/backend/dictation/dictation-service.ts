import { randomUUID } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '@shared/api/result'
import { CLIP_MAX_MS, type TranscribeClipInput } from '@shared/contract'
import { codeOf } from '@shared/errors'
import { WHISPER_SAMPLE_RATE, encodeWhisperWav } from '../audio/wav-format'
import type { Transcriber } from '../transcription'

/** What dictation needs from the transcription service: the chosen model and the one whisper queue. */
export interface ClipTranscription {
  resolveModelPath(): Promise<string>
  readonly transcriber: Pick<Transcriber, 'transcribe'>
}

export interface DictationServiceOptions {
  transcription: ClipTranscription
  /** The run's scratch folder (`<data>/tmp/run-<pid>`); each clip's WAV lives there only while whisper reads it. */
  scratchDir: string
}

const BYTES_PER_SECOND = WHISPER_SAMPLE_RATE * 2
const NOT_BASE64 = /[^A-Za-z0-9+/=]/
const PADDING = /={1,2}$/

/** Strict base64: Buffer.from would silently skip anything else and transcribe what is left. */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0 || NOT_BASE64.test(text)) return false
  const padding = PADDING.exec(text)?.[0].length ?? 0
  return text.indexOf('=') === -1 || text.indexOf('=') === text.length - padding
}

const what = (purpose: TranscribeClipInput['purpose']): string => (purpose === 'clarify' ? 'question' : 'reply')

/** The clip's samples, or a clear error for a payload that is not 16-bit PCM in base64. */
export function decodeClip(input: Pick<TranscribeClipInput, 'pcmBase64' | 'purpose'>): Int16Array {
  if (!isBase64(input.pcmBase64)) {
    throw new AppError('INVALID_AUDIO', `The spoken ${what(input.purpose)} did not arrive as base64 audio, so it was not transcribed. Speak again, or type it.`)
  }
  const bytes = Buffer.from(input.pcmBase64, 'base64')
  if (bytes.length % 2 !== 0) {
    throw new AppError('INVALID_AUDIO', `The spoken ${what(input.purpose)} is not 16-bit audio (an odd number of bytes), so it was not transcribed. Speak again, or type it.`)
  }
  const durationMs = Math.round((bytes.length / BYTES_PER_SECOND) * 1000)
  if (durationMs > CLIP_MAX_MS) {
    const seconds = Math.round(durationMs / 1000)
    throw new AppError(
      'CLIP_TOO_LONG',
      `The spoken ${what(input.purpose)} is ${seconds} s long; a spoken ${what(input.purpose)} is at most ${CLIP_MAX_MS / 60_000} minutes. Say it in shorter parts, or type it.`
    )
  }
  // Copy: the decoded buffer may start at an odd offset, which an Int16Array view cannot.
  const samples = new Int16Array(bytes.length / 2)
  Buffer.from(samples.buffer).set(bytes)
  return samples
}

/** How many cancelled clip ids are remembered for a transcription request still on its way. */
const EARLY_CANCELS_KEPT = 32

/**
 * Turns a short spoken clip (a clarifying question, a follow-up reply) into text for the candidate
 * to check before sending. Nothing is stored: the clip is written to the scratch folder for
 * whisper.cpp, goes through the same queue as answers, and is removed at once. A clip sent with a
 * `clipId` can be cancelled: its job leaves the queue, or whisper is stopped mid-run.
 */
export class DictationService {
  private readonly running = new Map<string, AbortController>()
  /** Cancels that arrived before their clip did (the two requests can cross on the way). */
  private readonly cancelledEarly = new Set<string>()

  constructor(private readonly options: DictationServiceOptions) {}

  async transcribeClip(input: TranscribeClipInput): Promise<{ text: string }> {
    const samples = decodeClip(input)
    if (samples.length === 0) return { text: '' }
    const controller = new AbortController()
    const { clipId } = input
    if (clipId !== undefined) {
      if (this.cancelledEarly.delete(clipId)) controller.abort()
      this.running.get(clipId)?.abort()
      this.running.set(clipId, controller)
    }
    try {
      return await this.transcribe(input, samples, controller.signal)
    } finally {
      if (clipId !== undefined && this.running.get(clipId) === controller) this.running.delete(clipId)
    }
  }

  /** Stops clip `clipId`'s transcription; false when none is running (finished, or not arrived yet). */
  cancelClip(clipId: string): boolean {
    const controller = this.running.get(clipId)
    if (controller) {
      controller.abort()
      this.running.delete(clipId)
      return true
    }
    this.cancelledEarly.add(clipId)
    if (this.cancelledEarly.size > EARLY_CANCELS_KEPT) this.cancelledEarly.delete(this.cancelledEarly.values().next().value ?? clipId)
    return false
  }

  private async transcribe(input: TranscribeClipInput, samples: Int16Array, signal: AbortSignal): Promise<{ text: string }> {
    const cancelled = (): AppError => new AppError('CANCELLED', `The spoken ${what(input.purpose)} was cancelled; nothing was transcribed.`)
    if (signal.aborted) throw cancelled()
    // Before any file is written: a missing model is the MODEL_MISSING the UI points to Settings with.
    const modelPath = await this.options.transcription.resolveModelPath()
    const wavPath = join(this.options.scratchDir, `clip-${randomUUID()}.wav`)
    try {
      await writeFile(wavPath, encodeWhisperWav(samples))
      const transcript = await this.options.transcription.transcriber.transcribe({ wavPath, modelPath, keyTerms: input.keyTerms ?? [] }, { signal })
      return { text: transcript.text.trim() }
    } catch (error) {
      if (signal.aborted) throw cancelled()
      // Whisper's "I heard nothing" is no failure here: the UI says no words were recognised.
      if (codeOf(error) === 'NO_SPEECH') return { text: '' }
      throw error
    } finally {
      await rm(wavPath, { force: true })
    }
  }
}
