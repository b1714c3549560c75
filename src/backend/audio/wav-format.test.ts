import { describe, expect, it } from 'vitest'
import { loudestWindowDbfs, soundsLikeSpeech } from './speech-level'
import {
  InvalidAudioError,
  createWavHeader,
  decodeWav,
  encodeWhisperWav,
  isWhisperFormat,
  parseWavLayout,
  toWhisperSamples
} from './wav-format'
import type { WavFormat } from './wav-format'

function sine(frames: number, rate: number, hz: number, amplitude: number): Float64Array {
  const out = new Float64Array(frames)
  for (let i = 0; i < frames; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate)
  return out
}

/** A WAV in any PCM/float layout, every channel carrying the same signal. */
function wavOf(signal: Float64Array, format: WavFormat): Buffer {
  const bytes = format.bitsPerSample / 8
  const data = Buffer.alloc(signal.length * format.channels * bytes)
  signal.forEach((value, frame) => {
    for (let channel = 0; channel < format.channels; channel++) {
      const at = (frame * format.channels + channel) * bytes
      if (format.encoding === 'float') data.writeFloatLE(value, at)
      else if (bytes === 2) data.writeInt16LE(Math.round(value * 32767), at)
      else if (bytes === 3) data.writeIntLE(Math.round(value * 8388607), at, 3)
      else if (bytes === 1) data.writeUInt8(Math.round(value * 127) + 128, at)
      else data.writeInt32LE(Math.round(value * 2147483647), at)
    }
  })
  return Buffer.concat([createWavHeader(data.length, format), data])
}

function rms(samples: Int16Array): number {
  let sum = 0
  for (const value of samples) sum += value * value
  return Math.sqrt(sum / samples.length) / 32768
}

describe('parseWavLayout', () => {
  it('reads a canonical 16 kHz mono header and its duration', () => {
    const wav = encodeWhisperWav(new Int16Array(16_000))
    const audio = decodeWav(wav)
    expect(audio.layout).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16, dataOffset: 44, dataBytes: 32_000 })
    expect(audio.durationMs).toBe(1000)
    expect(isWhisperFormat(audio.layout)).toBe(true)
  })

  it('skips chunks before the data chunk (LIST, as in the JFK sample)', () => {
    const canonical = encodeWhisperWav(new Int16Array(800))
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([5, 0, 0, 0]), Buffer.from('INFOx\0')])
    const wav = Buffer.concat([canonical.subarray(0, 36), list, canonical.subarray(36)])
    wav.writeUInt32LE(wav.length - 8, 4)
    const layout = parseWavLayout(wav)
    expect(layout.dataOffset).toBe(44 + list.length)
    expect(layout.dataBytes).toBe(1600)
  })

  it('trusts the file over a header that promises more than is there', () => {
    const wav = encodeWhisperWav(new Int16Array(1000)).subarray(0, 44 + 1001)
    const layout = parseWavLayout(wav)
    expect(layout.declaredDataBytes).toBe(2000)
    expect(layout.dataBytes).toBe(1000)
  })

  it.each([
    ['a text file', Buffer.from('hello, I am not audio at all\n')],
    ['an empty file', Buffer.alloc(0)],
    ['RIFF without fmt', Buffer.concat([Buffer.from('RIFF\x04\0\0\0WAVEdata\0\0\0\0', 'latin1')])],
    ['a compressed WAV (format 85, MP3)', (() => {
      const header = createWavHeader(0)
      header.writeUInt16LE(85, 20)
      return header
    })()]
  ])('rejects %s with INVALID_AUDIO', (_name, bytes) => {
    expect(() => parseWavLayout(bytes)).toThrow(InvalidAudioError)
    try {
      parseWavLayout(bytes)
    } catch (error) {
      expect((error as InvalidAudioError).code).toBe('INVALID_AUDIO')
    }
  })
})

describe('toWhisperSamples', () => {
  it.each<WavFormat>([
    { encoding: 'pcm', sampleRate: 44_100, channels: 2, bitsPerSample: 24 },
    { encoding: 'pcm', sampleRate: 48_000, channels: 1, bitsPerSample: 16 },
    { encoding: 'pcm', sampleRate: 8_000, channels: 1, bitsPerSample: 8 },
    { encoding: 'float', sampleRate: 22_050, channels: 2, bitsPerSample: 32 },
    { encoding: 'pcm', sampleRate: 16_000, channels: 6, bitsPerSample: 32 }
  ])('converts $sampleRate Hz × $channels, $bitsPerSample-bit $encoding to 16 kHz mono, keeping length and level', (format) => {
    const seconds = 2
    const wav = wavOf(sine(format.sampleRate * seconds, format.sampleRate, 300, 0.5), format)
    const samples = toWhisperSamples(decodeWav(wav))
    expect(samples.length).toBe(16_000 * seconds)
    // A 300 Hz sine at 0.5 has an RMS of 0.354 in every format.
    expect(rms(samples)).toBeCloseTo(0.5 / Math.SQRT2, 1)
  })

  it('returns 16 kHz mono 16-bit samples unchanged', () => {
    const original = Int16Array.from({ length: 480 }, (_, i) => (i * 97) % 30_000)
    expect(Array.from(toWhisperSamples(decodeWav(encodeWhisperWav(original))))).toEqual(Array.from(original))
  })
})

describe('loudestWindowDbfs', () => {
  it('tells digital silence and room noise from speech-level signal', () => {
    const silence = new Int16Array(16_000)
    const hiss = Int16Array.from({ length: 16_000 }, (_, i) => ((i * 7919) % 61) - 30)
    const voice = Int16Array.from(sine(16_000, 16_000, 200, 0.1), (value) => Math.round(value * 32767))
    expect(loudestWindowDbfs(silence, 16_000)).toBe(-Infinity)
    expect(soundsLikeSpeech(silence, 16_000)).toBe(false)
    expect(soundsLikeSpeech(hiss, 16_000)).toBe(false)
    expect(soundsLikeSpeech(voice, 16_000)).toBe(true)
  })

  it('ignores a DC offset and a single click, but not a short answer in a long silence', () => {
    const offset = new Int16Array(16_000).fill(4000)
    expect(soundsLikeSpeech(offset, 16_000)).toBe(false)
    const click = new Int16Array(16_000)
    click[8000] = 30_000
    expect(soundsLikeSpeech(click, 16_000)).toBe(false)
    const shortAnswer = new Int16Array(16_000 * 30)
    shortAnswer.set(Int16Array.from(sine(8000, 16_000, 200, 0.05), (value) => Math.round(value * 32767)), 16_000 * 20)
    expect(soundsLikeSpeech(shortAnswer, 16_000)).toBe(true)
  })
})
