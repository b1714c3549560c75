import { describe, expect, it } from 'vitest'
import { findWindowCut, joinWindowTranscripts } from './recording-windows'

const RATE = 16_000

/** Synthetic "speech": a loud 220 Hz tone; silence: near-zero noise. */
function pcm(parts: Array<['speech' | 'pause', number]>): Int16Array {
  const total = parts.reduce((sum, [, ms]) => sum + (ms * RATE) / 1000, 0)
  const out = new Int16Array(total)
  let at = 0
  for (const [kind, ms] of parts) {
    const n = (ms * RATE) / 1000
    for (let i = 0; i < n; i++) {
      out[at + i] = kind === 'speech' ? Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / RATE)) : (i % 3) - 1
    }
    at += n
  }
  return out
}

const ms = (samples: number) => (samples / RATE) * 1000

describe('findWindowCut', () => {
  it('waits until 8 s have gathered', () => {
    expect(findWindowCut(pcm([['speech', 3000], ['pause', 1000], ['speech', 3500]]))).toBeNull()
  })

  it('cuts in the first pause of 300 ms after 8 s, not in an earlier one', () => {
    const audio = pcm([['speech', 3000], ['pause', 1000], ['speech', 7000], ['pause', 400], ['speech', 2000]])
    const cut = findWindowCut(audio)
    expect(cut).not.toBeNull()
    expect(ms(cut!)).toBeGreaterThanOrEqual(11_000)
    expect(ms(cut!)).toBeLessThanOrEqual(11_400)
  })

  it('ignores pauses shorter than 300 ms', () => {
    const audio = pcm([['speech', 9000], ['pause', 200], ['speech', 3000]])
    expect(findWindowCut(audio)).toBeNull()
  })

  it('cuts at the 15 s hard cap when there is no pause', () => {
    expect(findWindowCut(pcm([['speech', 14_500]]))).toBeNull()
    expect(ms(findWindowCut(pcm([['speech', 16_000]]))!)).toBe(15_000)
  })

  it('counts a pause that straddles the 8 s mark', () => {
    const cut = findWindowCut(pcm([['speech', 7900], ['pause', 500], ['speech', 1000]]))
    expect(cut).not.toBeNull()
    expect(ms(cut!)).toBeGreaterThan(7900)
    expect(ms(cut!)).toBeLessThan(8400)
  })

  it('follows the window lengths it is given', () => {
    const audio = pcm([['speech', 5000], ['pause', 1000], ['speech', 17_000], ['pause', 400], ['speech', 2000]])
    const cut = findWindowCut(audio, { minWindowMs: 20_000, maxWindowMs: 30_000 })
    expect(ms(cut!)).toBeGreaterThanOrEqual(23_000)
    expect(ms(cut!)).toBeLessThanOrEqual(23_400)
  })
})

describe('joinWindowTranscripts', () => {
  it('offsets each window by its start and joins the text', () => {
    const joined = joinWindowTranscripts(
      [
        { offsetMs: 21_000, transcript: { segments: [{ startMs: 0, endMs: 900, text: ' second' }], words: [{ startMs: 100, endMs: 800, text: 'second' }] } },
        { offsetMs: 0, transcript: { segments: [{ startMs: 500, endMs: 1500, text: ' first part' }], words: [{ startMs: 500, endMs: 900, text: 'first' }] } },
        { offsetMs: 30_000, transcript: null }
      ],
      31_000,
      'ggml-tiny.en.bin'
    )
    expect(joined.text).toBe('first part second')
    expect(joined.words).toEqual([
      { startMs: 500, endMs: 900, text: 'first' },
      { startMs: 21_100, endMs: 21_800, text: 'second' }
    ])
    expect(joined.segments[1]).toEqual({ startMs: 21_000, endMs: 21_900, text: ' second' })
    expect(joined.durationMs).toBe(31_000)
  })
})
