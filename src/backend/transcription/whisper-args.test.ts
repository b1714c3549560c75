import { describe, expect, it } from 'vitest'
import { STREAMING_DECODING, WHISPER_DEFAULT_DECODING, audioContextFor, buildWhisperArgs } from './whisper-args'

const base = { modelPath: '/m.bin', wavPath: '/a.wav', outputBase: '/t/out', threads: 2 }

describe('audioContextFor', () => {
  it('sizes the context to the audio, with a margin, at 50 positions a second', () => {
    expect(audioContextFor(10_000)).toBe(564)
    expect(audioContextFor(2_500)).toBe(189)
  })

  it('uses the full context from 30 s on', () => {
    expect(audioContextFor(28_700)).toBe(1499)
    expect(audioContextFor(29_000)).toBeNull()
    expect(audioContextFor(180_000)).toBeNull()
  })
})

describe('buildWhisperArgs decoding', () => {
  it('decodes greedily with a context sized to the window when main has -ac', () => {
    const args = buildWhisperArgs({ ...base, durationMs: 10_000, audioContextOption: true })
    expect(args.join(' ')).toContain('-bs 1 -bo 5 -ac 564')
    expect(args).not.toContain('-nf')
  })

  it('leaves -ac out for a main without it, for long audio, or without a known length', () => {
    expect(buildWhisperArgs({ ...base, durationMs: 10_000, audioContextOption: false })).not.toContain('-ac')
    expect(buildWhisperArgs({ ...base, durationMs: 40_000, audioContextOption: true })).not.toContain('-ac')
    expect(buildWhisperArgs({ ...base, audioContextOption: true })).not.toContain('-ac')
  })

  it("passes whisper.cpp's own defaults for the comparison, and -nf when fallback is off", () => {
    const previous = buildWhisperArgs({ ...base, durationMs: 10_000, audioContextOption: true, decoding: WHISPER_DEFAULT_DECODING })
    expect(previous.join(' ')).toContain('-bs 5 -bo 5')
    expect(previous).not.toContain('-ac')
    expect(buildWhisperArgs({ ...base, decoding: { ...STREAMING_DECODING, fallback: false } })).toContain('-nf')
  })
})
