import { describe, expect, it } from 'vitest'
import { parseWhisperTimings } from './whisper-timings'

const printed = `output_json: saving output to '/tmp/x/transcript.json'

whisper_print_timings:     load time =   328.79 ms
whisper_print_timings:     fallbacks =   5 p /   1 h
whisper_print_timings:      mel time =   129.71 ms
whisper_print_timings:   sample time =    12.01 ms /     1 runs (   12.01 ms per run)
whisper_print_timings:   encode time =  2767.23 ms /     1 runs ( 2767.23 ms per run)
whisper_print_timings:   decode time =  3064.69 ms /     6 runs (  510.78 ms per run)
whisper_print_timings:   prompt time =     0.00 ms /     1 runs (    0.00 ms per run)
whisper_print_timings:    total time =  6440.47 ms`

describe('parseWhisperTimings', () => {
  it('reads the encode / decode split and the fallbacks', () => {
    expect(parseWhisperTimings(printed)).toEqual({
      loadMs: 328.79,
      melMs: 129.71,
      sampleMs: 12.01,
      encodeMs: 2767.23,
      decodeMs: 3064.69,
      totalMs: 6440.47,
      encodeRuns: 1,
      decodeRuns: 6,
      fallbacks: 6
    })
  })

  it('is null when whisper printed no timings', () => {
    expect(parseWhisperTimings('error: failed to open audio file')).toBeNull()
  })
})
