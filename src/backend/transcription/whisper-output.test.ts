import { describe, expect, it } from 'vitest'
import { TranscriptSchema } from '@shared/transcript'
import { buildTranscriptionPrompt } from './prompt'
import { buildWhisperArgs } from './whisper-args'
import { parseWhisperJson } from './whisper-output'

function token(text: string, from: number, to: number): string {
  return `{ "text": "${text}", "timestamps": { "from": "x", "to": "y" }, "offsets": { "from": ${from}, "to": ${to} }, "id": 1, "p": 0.9 }`
}

/** The shape `main -oj -ojf` writes, tokens included, as raw bytes. */
function whisperJson(segments: Array<{ from: number; to: number; text: string; tokens: string[] }>): Buffer {
  const body = segments
    .map(
      (s) =>
        `{ "timestamps": { "from": "a", "to": "b" }, "offsets": { "from": ${s.from}, "to": ${s.to} }, "text": "${s.text}", "tokens": [ ${s.tokens.join(', ')} ] }`
    )
    .join(',\n')
  return Buffer.from(`{ "systeminfo": "AVX = 1", "model": { "type": "tiny" }, "transcription": [\n${body}\n] }`, 'latin1')
}

describe('parseWhisperJson', () => {
  it('builds segments and words from tokens, dropping special tokens and gluing sub-words and punctuation', () => {
    const raw = whisperJson([
      {
        from: 0,
        to: 2400,
        text: ' Um, we use Kafka.',
        tokens: [
          token('[_BEG_]', 0, 0),
          token(' Um', 0, 300),
          token(',', 300, 350),
          token(' we', 400, 600),
          token(' use', 600, 900),
          token(' Ka', 900, 1200),
          token('fka', 1200, 1500),
          token('.', 1500, 1600),
          token('[_TT_120]', 2400, 2400)
        ]
      },
      { from: 2400, to: 13_000, text: ' Like, idempotent writes.', tokens: [token(' Like', 2500, 2800), token(',', 2800, 2850), token(' idempotent', 3000, 3600), token(' writes', 3600, 4000), token('.', 4000, 4100)] }
    ])
    const transcript = parseWhisperJson(raw, { durationMs: 11_000, model: 'ggml-base.en.bin' })
    expect(TranscriptSchema.parse(transcript)).toEqual(transcript)
    expect(transcript.text).toBe('Um, we use Kafka. Like, idempotent writes.')
    // Whisper pads to 30 s windows; times never pass the audio's end.
    expect(transcript.segments).toEqual([
      { startMs: 0, endMs: 2400, text: 'Um, we use Kafka.' },
      { startMs: 2400, endMs: 11_000, text: 'Like, idempotent writes.' }
    ])
    expect(transcript.words).toEqual([
      { startMs: 0, endMs: 350, text: 'Um,' },
      { startMs: 400, endMs: 600, text: 'we' },
      { startMs: 600, endMs: 900, text: 'use' },
      { startMs: 900, endMs: 1600, text: 'Kafka.' },
      { startMs: 2500, endMs: 2850, text: 'Like,' },
      { startMs: 3000, endMs: 3600, text: 'idempotent' },
      { startMs: 3600, endMs: 4100, text: 'writes.' }
    ])
  })

  it('survives raw control characters and multi-byte characters split across tokens', () => {
    const e = Buffer.from('é', 'utf8')
    const first = e.subarray(0, 1).toString('latin1')
    const second = e.subarray(1).toString('latin1')
    const raw = whisperJson([
      {
        from: 0,
        to: 1000,
        text: ` caf${first}${second}\tok`,
        tokens: [token(' caf', 0, 400), token(first, 400, 500), token(second, 500, 600), token('\tok', 600, 900)]
      }
    ])
    const transcript = parseWhisperJson(raw, { durationMs: 1000, model: 'm.bin' })
    expect(transcript.segments[0]?.text).toBe('café\tok')
    expect(transcript.words.map((w) => w.text)).toEqual(['café', 'ok'])
  })

  it('reads the empty transcription of the test model and rejects garbage', () => {
    const empty = parseWhisperJson(Buffer.from('{ "transcription": [\n] }'), { durationMs: 11_000, model: 't.bin' })
    expect(empty).toEqual({ text: '', segments: [], words: [], durationMs: 11_000, model: 't.bin' })
    expect(() => parseWhisperJson(Buffer.from('{ "trans'), { durationMs: 0, model: 't' })).toThrow(/unreadable JSON/)
    expect(() => parseWhisperJson(Buffer.from('{}'), { durationMs: 0, model: 't' })).toThrow(/without a transcription/)
  })
})

describe('buildTranscriptionPrompt', () => {
  it('seeds fillers and the key terms, deduplicated and cleaned', () => {
    const prompt = buildTranscriptionPrompt(['Kafka', 'kafka', ' exactly-once\nsemantics ', '', 'CDC'])
    expect(prompt).toBe('Um, uh, so, like, I think Kafka, exactly-once semantics, CDC. Uh, you know, hmm.')
    expect(buildTranscriptionPrompt()).toMatch(/^Um, uh/)
  })

  it('stays within whisper prompt limits however many terms a question has', () => {
    const terms = Array.from({ length: 500 }, (_, i) => `term number ${i}`)
    expect(buildTranscriptionPrompt(terms).length).toBeLessThanOrEqual(600)
  })
})

describe('buildWhisperArgs', () => {
  it('passes paths as separate arguments, untouched', () => {
    const args = buildWhisperArgs({ modelPath: '/m o/de"l.bin', wavPath: "/x y/it's.wav", outputBase: '/t/out', prompt: 'Um, $(rm -rf)', threads: 2 })
    expect(args).toEqual(['-m', '/m o/de"l.bin', '-f', "/x y/it's.wav", '-of', '/t/out', '-oj', '-ojf', '-pp', '-t', '2', '-l', 'en', '-bs', '1', '-bo', '5', '--prompt', 'Um, $(rm -rf)'])
  })
})
