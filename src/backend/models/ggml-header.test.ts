import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { whisperModelFixture } from '../../../tests/fixtures/whisper-model'
import { checkWhisperModelHeader } from './ggml-header'
import { mustRunWhisperTests, whisperTestEnv } from '../transcription/whisper-test-env'

const check = (bytes: Buffer) => checkWhisperModelHeader(bytes.subarray(0, 256 * 1024), bytes.length)

describe('checkWhisperModelHeader', () => {
  it('accepts a well-formed header', () => {
    expect(check(whisperModelFixture())).toMatchObject({ ok: true, header: { nVocab: 51864, nAudioState: 384, nMels: 80, vocabTokens: 300 } })
    expect(check(whisperModelFixture({ hparams: { nMels: 128, nVocab: 51866, nAudioState: 1280, nAudioHead: 20, nAudioLayer: 32, nTextState: 1280, nTextHead: 20, nTextLayer: 2, ftype: 2008 } }))).toMatchObject({ ok: true })
  })

  const env = whisperTestEnv()
  it.runIf('ready' in env || mustRunWhisperTests)('accepts whisper.cpp’s own test model (real tiny.en header and vocabulary)', () => {
    if (!('ready' in env)) throw new Error(env.missing)
    expect(check(readFileSync(env.ready.model))).toMatchObject({ ok: true, header: { vocabTokens: 50257 } })
  })

  const zeros = Buffer.concat([Buffer.from('lmgg', 'latin1'), Buffer.alloc(4096)])
  it.each<[string, Buffer, RegExp]>([
    ['an empty file', Buffer.alloc(0), /magic/],
    ['GGUF (another format)', Buffer.from('GGUF\u0003\u0000\u0000\u0000'), /magic/],
    ['the magic and nothing else', Buffer.from('lmgg', 'latin1'), /ends inside its header/],
    ['the magic then zeros (a sparse "model")', zeros, /hyper-parameters/],
    ['the magic then noise', Buffer.concat([Buffer.from('lmgg', 'latin1'), Buffer.alloc(4096, 0xab)]), /hyper-parameters/],
    ['a vocabulary size of a different model family', whisperModelFixture({ hparams: { nVocab: 32000 } }), /hyper-parameters/],
    ['heads that do not divide the width', whisperModelFixture({ hparams: { nAudioHead: 7 } }), /hyper-parameters/],
    ['an unknown number of mel bands', whisperModelFixture({ hparams: { nMels: 81 } }), /hyper-parameters/],
    ['a negative layer count', whisperModelFixture({ hparams: { nTextLayer: -4 } }), /hyper-parameters/],
    ['a filter bank that disagrees with the header', whisperModelFixture({ filterMels: 128 }), /mel filter bank/],
    ['more tokens than the vocabulary', whisperModelFixture({ vocabTokens: 60_000 }).subarray(0, 200_000), /vocabulary size/],
    ['a file cut inside the filter bank', whisperModelFixture().subarray(0, 20_000), /mel filter bank/],
    ['a file cut inside the vocabulary', whisperModelFixture().subarray(0, 64_500), /vocabulary/]
  ])('rejects %s', (_name, bytes, reason) => {
    const result = check(bytes)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(reason)
  })

  it('rejects a token longer than any real one', () => {
    const bytes = whisperModelFixture()
    const firstToken = 4 + 44 + 8 + 80 * 201 * 4 + 4
    bytes.writeInt32LE(1_000_000, firstToken)
    expect(check(bytes)).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged/) })
  })
})
