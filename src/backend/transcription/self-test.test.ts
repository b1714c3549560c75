import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findAppRoot } from '../app-root'
import { checkTranscriber, type SelfTestDeps } from './self-test'
import { Transcriber } from './transcriber'
import { TranscriptionError, modelMissingError } from './transcription-error'
import { whisperTestEnv } from './whisper-test-env'

const samplePath = join(findAppRoot(import.meta.url), 'resources', 'self-test.wav')

function transcript(text: string) {
  return { text, segments: [], words: [], durationMs: 1500, model: 'ggml-base.en.bin' }
}

function deps(overrides: Partial<SelfTestDeps>): SelfTestDeps {
  let t = 1000
  return {
    resolveModelPath: async () => '/models/ggml-base.en.bin',
    transcribe: async () => transcript(' Hello, this is a test.'),
    samplePath,
    now: () => (t += 700),
    ...overrides
  }
}

describe('checkTranscriber', () => {
  it('is ready when the model hears words, and says what it heard and how long it took', async () => {
    const requests: unknown[] = []
    const result = await checkTranscriber(deps({ transcribe: async (request) => (requests.push(request), transcript(' Hello, this is a test.')) }))
    expect(result).toEqual({ ready: true, model: 'ggml-base.en.bin', heard: 'Hello, this is a test.', elapsedMs: 700, problem: null })
    // The spoken sample, with no key-term prompt that could put words in a deaf model's mouth.
    expect(requests).toEqual([{ wavPath: samplePath, modelPath: '/models/ggml-base.en.bin', prompt: '' }])
  })

  it('says no model is installed before trying anything', async () => {
    let ran = false
    const result = await checkTranscriber(
      deps({
        resolveModelPath: async () => {
          throw modelMissingError(undefined)
        },
        transcribe: async () => ((ran = true), transcript('x'))
      })
    )
    expect(ran).toBe(false)
    expect(result).toMatchObject({ ready: false, model: null, problem: { code: 'MODEL_MISSING', message: expect.stringContaining('Settings → Models') } })
  })

  it('blames the model, not the microphone, when it hears nothing (or only non-speech markers)', async () => {
    for (const text of ['', '  ', ' [BLANK_AUDIO]', ' (music) *silence*']) {
      const result = await checkTranscriber(deps({ transcribe: async () => transcript(text) }))
      expect(result.ready).toBe(false)
      expect(result.problem?.code).toBe('MODEL_HEARS_NOTHING')
      expect(result.problem?.message).toContain('ggml-base.en.bin')
      expect(result.problem?.message).not.toMatch(/microphone/i)
    }
  })

  it('passes on whisper.cpp failures with their code and message', async () => {
    const result = await checkTranscriber(
      deps({
        transcribe: async () => {
          throw new TranscriptionError('MODEL_INVALID', 'whisper.cpp could not load the model (damaged or not a whisper model).')
        }
      })
    )
    expect(result).toMatchObject({ ready: false, model: 'ggml-base.en.bin', problem: { code: 'MODEL_INVALID' } })
  })
})

const real = whisperTestEnv()
describe.skipIf(!('ready' in real))('checkTranscriber with the real whisper.cpp', () => {
  it("finds that whisper.cpp's test model (no weights) loads but hears nothing", async () => {
    const { binary, model } = 'ready' in real ? real.ready : { binary: '', model: '' }
    const transcriber = new Transcriber({ binaryPath: binary })
    const result = await checkTranscriber({
      resolveModelPath: async () => model,
      transcribe: (request) => transcriber.transcribe(request),
      samplePath
    })
    expect(result).toMatchObject({ ready: false, model: 'for-tests-ggml-tiny.en.bin', problem: { code: 'MODEL_HEARS_NOTHING' } })
    expect(result.elapsedMs).toBeGreaterThan(0)
  }, 60_000)
})
