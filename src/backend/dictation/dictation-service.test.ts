import { existsSync, mkdtempSync } from 'node:fs'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CLIP_MAX_MS, TranscribeClipInputSchema } from '@shared/contract'
import { EventHub } from '../events'
import { ModelManager } from '../models'
import { Transcriber, TranscriptionService, type TranscriptionRequest } from '../transcription'
import { mustRunWhisperTests, whisperTestEnv } from '../transcription/whisper-test-env'
import { TranscriptionCancelledError } from '../transcription/transcription-error'
import { DictationService, decodeClip, type ClipTranscription } from './dictation-service'

const RATE = 16_000

function pcmBase64(samples: Int16Array): string {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64')
}

/** A dictation service over the real transcription service, with the model `modelPath` (or none). */
async function setup(modelPath: string | null) {
  const dataDir = await mkdtemp(join(tmpdir(), 'mockroom-dictation-'))
  const scratchDir = await mkdtemp(join(dataDir, 'scratch-'))
  const transcriber = new Transcriber({ tmpDir: scratchDir })
  const requests: { request: TranscriptionRequest; wavExisted: boolean; wavHead: Buffer }[] = []
  const transcribe = transcriber.transcribe.bind(transcriber)
  transcriber.transcribe = async (request, options) => {
    const wavExisted = existsSync(request.wavPath)
    requests.push({ request, wavExisted, wavHead: wavExisted ? (await readFile(request.wavPath)).subarray(0, 44) : Buffer.alloc(0) })
    return transcribe(request, options)
  }
  const transcription = new TranscriptionService({
    events: new EventHub(),
    models: new ModelManager({ dataDir }),
    chosenModelPath: () => modelPath,
    transcriber
  })
  return { dictation: new DictationService({ transcription, scratchDir }), requests, scratchDir }
}

describe('decodeClip', () => {
  it('reads 16-bit PCM from base64, whatever the byte alignment', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768])
    expect([...decodeClip({ pcmBase64: pcmBase64(samples), purpose: 'clarify' })]).toEqual([...samples])
  })

  it.each([
    ['text that is not base64', 'hello, interviewer!'],
    ['base64 with a hole in it', 'AAAA AAAA'],
    ['truncated base64', 'AAAAA'],
    ['padding in the middle', 'AA==AAAA']
  ])('refuses %s with INVALID_AUDIO and says what to do', (_, pcm) => {
    expect(() => decodeClip({ pcmBase64: pcm, purpose: 'clarify' })).toThrow(
      expect.objectContaining({ code: 'INVALID_AUDIO', message: expect.stringMatching(/question.*Speak again, or type it/) })
    )
  })

  it('refuses an odd number of bytes (not 16-bit samples)', () => {
    expect(() => decodeClip({ pcmBase64: Buffer.from([1, 2, 3]).toString('base64'), purpose: 'follow-up' })).toThrow(
      expect.objectContaining({ code: 'INVALID_AUDIO', message: expect.stringMatching(/reply is not 16-bit audio/) })
    )
  })

  it('accepts exactly two minutes and refuses anything longer with CLIP_TOO_LONG', () => {
    const limit = new Int16Array((CLIP_MAX_MS / 1000) * RATE)
    expect(decodeClip({ pcmBase64: pcmBase64(limit), purpose: 'clarify' })).toHaveLength(limit.length)
    const longer = new Int16Array(limit.length + RATE)
    expect(() => decodeClip({ pcmBase64: pcmBase64(longer), purpose: 'clarify' })).toThrow(
      expect.objectContaining({ code: 'CLIP_TOO_LONG', message: expect.stringMatching(/121 s long.*at most 2 minutes/) })
    )
  })

  it('the contract refuses an unknown purpose and a payload far beyond two minutes', () => {
    expect(TranscribeClipInputSchema.safeParse({ pcmBase64: '', purpose: 'answer' }).success).toBe(false)
    expect(TranscribeClipInputSchema.safeParse({ pcmBase64: 'A'.repeat(8_000_004), purpose: 'clarify' }).success).toBe(false)
    expect(TranscribeClipInputSchema.safeParse({ pcmBase64: '', purpose: 'follow-up', keyTerms: ['Kafka'] }).success).toBe(true)
  })
})

describe('DictationService', () => {
  it('gives an empty text for an empty clip without asking whisper', async () => {
    const { dictation, requests } = await setup(null)
    await expect(dictation.transcribeClip({ pcmBase64: '', purpose: 'clarify' })).resolves.toEqual({ text: '' })
    expect(requests).toEqual([])
  })

  it('reports a missing model as MODEL_MISSING, pointing to Settings → Models, and leaves no file behind', async () => {
    const { dictation, requests, scratchDir } = await setup(null)
    const clip = pcmBase64(new Int16Array(RATE))
    await expect(dictation.transcribeClip({ pcmBase64: clip, purpose: 'clarify' })).rejects.toMatchObject({
      code: 'MODEL_MISSING',
      message: expect.stringMatching(/Settings → Models/)
    })
    expect(requests).toEqual([])
    expect(await readdir(scratchDir)).toEqual([])
  })

  it('refuses a bad payload before anything is written or queued', async () => {
    const { dictation, requests, scratchDir } = await setup(null)
    await expect(dictation.transcribeClip({ pcmBase64: '%%%not audio%%%', purpose: 'follow-up' })).rejects.toMatchObject({ code: 'INVALID_AUDIO' })
    expect(requests).toEqual([])
    expect(await readdir(scratchDir)).toEqual([])
  })
})

/** A dictation service whose whisper runs until its job is cancelled, recording what it was asked. */
function pendingWhisper() {
  const jobs: { wavPath: string; signal: AbortSignal | undefined }[] = []
  const scratchDir = mkdtempSync(join(tmpdir(), 'mockroom-dictation-cancel-'))
  const transcription: ClipTranscription = {
    resolveModelPath: async () => '/models/tiny.en.bin',
    transcriber: {
      transcribe: (request, options = {}) =>
        new Promise((_, reject) => {
          jobs.push({ wavPath: request.wavPath, signal: options.signal })
          options.signal?.addEventListener('abort', () => reject(new TranscriptionCancelledError('job-1')), { once: true })
        })
    }
  }
  return { dictation: new DictationService({ transcription, scratchDir }), jobs, scratchDir }
}

describe('cancelling a clip', () => {
  const clip = { pcmBase64: pcmBase64(new Int16Array(RATE)), purpose: 'clarify' as const, clipId: 'clip-1' }

  it('stops its running transcription: the job is aborted, the call ends CANCELLED and the scratch WAV is gone', async () => {
    const { dictation, jobs, scratchDir } = pendingWhisper()
    const result = dictation.transcribeClip(clip)
    await vi.waitFor(() => expect(jobs).toHaveLength(1))
    expect(existsSync(jobs[0]?.wavPath ?? '')).toBe(true)
    expect(dictation.cancelClip('clip-1')).toBe(true)
    expect(jobs[0]?.signal?.aborted).toBe(true)
    await expect(result).rejects.toMatchObject({ code: 'CANCELLED', message: expect.stringMatching(/spoken question was cancelled/) })
    expect(await readdir(scratchDir)).toEqual([])
    // Once finished, the clip is no longer running.
    expect(dictation.cancelClip('clip-1')).toBe(false)
  })

  it('a cancel that arrives before its clip stops that clip before whisper is asked', async () => {
    const { dictation, jobs, scratchDir } = pendingWhisper()
    expect(dictation.cancelClip('clip-1')).toBe(false)
    await expect(dictation.transcribeClip(clip)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(jobs).toEqual([])
    expect(await readdir(scratchDir)).toEqual([])
  })

  it('cancels only the clip it names', async () => {
    const { dictation, jobs } = pendingWhisper()
    const first = dictation.transcribeClip(clip)
    const second = dictation.transcribeClip({ ...clip, clipId: 'clip-2' })
    await vi.waitFor(() => expect(jobs).toHaveLength(2))
    dictation.cancelClip('clip-2')
    await expect(second).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(jobs[0]?.signal?.aborted).toBe(false)
    dictation.cancelClip('clip-1')
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})

describe('DictationService with the real whisper.cpp and the test model', () => {
  const env = whisperTestEnv()
  const run = 'ready' in env || mustRunWhisperTests ? it : it.skip

  run('a clip of silence is an empty text, not an error, and its scratch WAV is removed', async () => {
    if (!('ready' in env)) throw new Error(`whisper test environment incomplete: ${env.missing}`)
    const { dictation, requests, scratchDir } = await setup(env.ready.model)
    await expect(dictation.transcribeClip({ pcmBase64: pcmBase64(new Int16Array(2 * RATE)), purpose: 'clarify' })).resolves.toEqual({ text: '' })
    expect(requests).toHaveLength(1)
    expect(requests[0]?.wavExisted).toBe(true)
    expect(await readdir(scratchDir)).toEqual([])
  }, 60_000)

  run('a spoken clip goes through whisper as a 16 kHz mono WAV with the key terms, and the WAV is removed afterwards', async () => {
    if (!('ready' in env)) throw new Error(`whisper test environment incomplete: ${env.missing}`)
    const { dictation, requests, scratchDir } = await setup(env.ready.model)
    const speech = (await readFile(env.ready.jfkWav)).subarray(44)
    const result = await dictation.transcribeClip({ pcmBase64: speech.toString('base64'), keyTerms: ['Kafka', 'Kinesis'], purpose: 'follow-up' })
    // The test model's weights are random: whatever it hears is a string, trimmed.
    expect(result.text).toBe(result.text.trim())
    expect(requests).toHaveLength(1)
    const [sent] = requests
    expect(sent?.request).toMatchObject({ modelPath: env.ready.model, keyTerms: ['Kafka', 'Kinesis'] })
    expect(sent?.wavExisted).toBe(true)
    expect(sent?.wavHead.readUInt32LE(24)).toBe(RATE)
    expect(sent?.wavHead.readUInt16LE(22)).toBe(1)
    expect(sent?.wavHead.readUInt32LE(40)).toBe(speech.length)
    expect(await readdir(scratchDir)).toEqual([])
  }, 90_000)
})
