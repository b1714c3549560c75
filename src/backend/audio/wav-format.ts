import { AppError } from '@shared/api/result'

/** whisper.cpp reads only 16 kHz, 16-bit PCM; every WAV the app stores is in this format. */
export const WHISPER_SAMPLE_RATE = 16_000
export const WHISPER_CHANNELS = 1
export const WHISPER_BITS_PER_SAMPLE = 16
/** Size of the canonical header (RIFF + fmt + data, nothing else) that the app writes. */
export const CANONICAL_HEADER_BYTES = 44

export type SampleEncoding = 'pcm' | 'float'

export interface WavFormat {
  encoding: SampleEncoding
  sampleRate: number
  channels: number
  bitsPerSample: number
}

export interface WavLayout extends WavFormat {
  /** Bytes per frame (all channels of one sample instant). */
  blockAlign: number
  /** Offset of the first sample byte (just after the `data` chunk header). */
  dataOffset: number
  /** Value of the RIFF size field at offset 4. */
  declaredRiffBytes: number
  /** Value of the `data` chunk's size field. */
  declaredDataBytes: number
  /** Whole frames the file really holds, as far as the header allows. */
  dataBytes: number
}

export interface WavAudio {
  layout: WavLayout
  /** The sample bytes (a view into the file's buffer). */
  data: Buffer
  durationMs: number
}

export class InvalidAudioError extends AppError {
  constructor(message: string) {
    super('INVALID_AUDIO', message)
    this.name = 'InvalidAudioError'
  }
}

const FORMAT_PCM = 1
const FORMAT_FLOAT = 3
const FORMAT_EXTENSIBLE = 0xfffe
/** Streaming writers that never come back to patch the header leave this in the size fields. */
const UNKNOWN_SIZE = 0xffffffff

export const whisperFormat: WavFormat = {
  encoding: 'pcm',
  sampleRate: WHISPER_SAMPLE_RATE,
  channels: WHISPER_CHANNELS,
  bitsPerSample: WHISPER_BITS_PER_SAMPLE
}

export function isWhisperFormat(format: WavFormat): boolean {
  return (
    format.encoding === 'pcm' &&
    format.sampleRate === WHISPER_SAMPLE_RATE &&
    format.channels === WHISPER_CHANNELS &&
    format.bitsPerSample === WHISPER_BITS_PER_SAMPLE
  )
}

/**
 * Reads the RIFF/WAVE header from `head` (the file's first bytes, or all of it). `fileBytes` is
 * the file's real length, so a header whose sizes disagree with the file (a crash, a truncated
 * copy) still yields the frames that are really there.
 */
export function parseWavLayout(head: Buffer, fileBytes: number = head.length): WavLayout {
  if (head.length < 12 || head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE') {
    throw new InvalidAudioError('not a WAV file (no RIFF/WAVE header)')
  }
  let format: (WavFormat & { blockAlign: number }) | undefined
  let offset = 12
  while (offset + 8 <= head.length) {
    const id = head.toString('latin1', offset, offset + 4)
    const size = head.readUInt32LE(offset + 4)
    const body = offset + 8
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > head.length) throw new InvalidAudioError('WAV file has a truncated fmt chunk')
      format = readFmtChunk(head, body, size)
    } else if (id === 'data') {
      if (!format) throw new InvalidAudioError('WAV file has its data chunk before the fmt chunk')
      const available = Math.max(0, fileBytes - body)
      const claimed = size === UNKNOWN_SIZE ? available : Math.min(size, available)
      return {
        ...format,
        dataOffset: body,
        declaredRiffBytes: head.readUInt32LE(4),
        declaredDataBytes: size,
        dataBytes: claimed - (claimed % format.blockAlign)
      }
    }
    offset = body + size + (size % 2)
  }
  throw new InvalidAudioError(format ? 'WAV file has no data chunk' : 'WAV file has no fmt chunk')
}

function readFmtChunk(buf: Buffer, at: number, size: number): WavFormat & { blockAlign: number } {
  let tag = buf.readUInt16LE(at)
  const channels = buf.readUInt16LE(at + 2)
  const sampleRate = buf.readUInt32LE(at + 4)
  const blockAlign = buf.readUInt16LE(at + 12)
  const bitsPerSample = buf.readUInt16LE(at + 14)
  if (tag === FORMAT_EXTENSIBLE && size >= 40 && at + 26 <= buf.length) {
    // The real format tag is the first two bytes of the SubFormat GUID.
    tag = buf.readUInt16LE(at + 24)
  }
  const encoding: SampleEncoding | undefined =
    tag === FORMAT_PCM && [8, 16, 24, 32].includes(bitsPerSample)
      ? 'pcm'
      : tag === FORMAT_FLOAT && (bitsPerSample === 32 || bitsPerSample === 64)
        ? 'float'
        : undefined
  if (!encoding) {
    throw new InvalidAudioError(
      `unsupported WAV encoding (format tag ${tag}, ${bitsPerSample}-bit); use uncompressed PCM or 32-bit float`
    )
  }
  if (channels < 1 || sampleRate < 1000 || sampleRate > 768_000 || blockAlign !== (channels * bitsPerSample) / 8) {
    throw new InvalidAudioError(`WAV header is inconsistent (${channels} channels, ${sampleRate} Hz, block ${blockAlign})`)
  }
  return { encoding, sampleRate, channels, bitsPerSample, blockAlign }
}

export function durationMsOf(layout: Pick<WavLayout, 'blockAlign' | 'sampleRate'>, dataBytes: number): number {
  return Math.round(((dataBytes / layout.blockAlign) * 1000) / layout.sampleRate)
}

/** Parses a whole WAV file already in memory. */
export function decodeWav(file: Buffer): WavAudio {
  const layout = parseWavLayout(file)
  return {
    layout,
    data: file.subarray(layout.dataOffset, layout.dataOffset + layout.dataBytes),
    durationMs: durationMsOf(layout, layout.dataBytes)
  }
}

/** The 44-byte header of a canonical WAV holding `dataBytes` of samples. */
export function createWavHeader(dataBytes: number, format: WavFormat = whisperFormat): Buffer {
  const blockAlign = (format.channels * format.bitsPerSample) / 8
  const header = Buffer.alloc(CANONICAL_HEADER_BYTES)
  header.write('RIFF', 0, 'latin1')
  header.writeUInt32LE(CANONICAL_HEADER_BYTES - 8 + dataBytes, 4)
  header.write('WAVE', 8, 'latin1')
  header.write('fmt ', 12, 'latin1')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(format.encoding === 'float' ? FORMAT_FLOAT : FORMAT_PCM, 20)
  header.writeUInt16LE(format.channels, 22)
  header.writeUInt32LE(format.sampleRate, 24)
  header.writeUInt32LE(format.sampleRate * blockAlign, 28)
  header.writeUInt16LE(blockAlign, 32)
  header.writeUInt16LE(format.bitsPerSample, 34)
  header.write('data', 36, 'latin1')
  header.writeUInt32LE(dataBytes, 40)
  return header
}

/** A complete 16 kHz mono 16-bit WAV file holding `samples`. */
export function encodeWhisperWav(samples: Int16Array): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)
  return Buffer.concat([createWavHeader(data.length), data])
}

/**
 * The audio as whisper wants it: 16 kHz mono 16-bit. Other rates and channel counts are
 * converted here (channels averaged, then linear interpolation after a box filter as wide as
 * the decimation step), which is crude next to a polyphase resampler but keeps speech
 * intelligible for recognition and needs no native dependency.
 */
export function toWhisperSamples(audio: WavAudio): Int16Array {
  const { layout, data } = audio
  if (isWhisperFormat(layout)) {
    // Copy: the view may start at an odd offset, which an Int16Array cannot.
    const copy = new Int16Array(data.length / 2)
    Buffer.from(copy.buffer).set(data)
    return copy
  }
  const mono = downmix(layout, data)
  const resampled = layout.sampleRate === WHISPER_SAMPLE_RATE ? mono : resampleLinear(mono, layout.sampleRate, WHISPER_SAMPLE_RATE)
  const out = new Int16Array(resampled.length)
  for (let i = 0; i < resampled.length; i++) {
    const value = Math.round((resampled[i] ?? 0) * 32767)
    out[i] = value > 32767 ? 32767 : value < -32768 ? -32768 : value
  }
  return out
}

function downmix(layout: WavLayout, data: Buffer): Float32Array {
  const bytes = layout.bitsPerSample / 8
  const frames = Math.floor(data.length / layout.blockAlign)
  const read = sampleReader(layout)
  const mono = new Float32Array(frames)
  for (let frame = 0; frame < frames; frame++) {
    let sum = 0
    const base = frame * layout.blockAlign
    for (let channel = 0; channel < layout.channels; channel++) sum += read(data, base + channel * bytes)
    mono[frame] = sum / layout.channels
  }
  return mono
}

function sampleReader(format: WavFormat): (buf: Buffer, at: number) => number {
  if (format.encoding === 'float') {
    return format.bitsPerSample === 64 ? (buf, at) => buf.readDoubleLE(at) : (buf, at) => buf.readFloatLE(at)
  }
  switch (format.bitsPerSample) {
    case 8:
      return (buf, at) => ((buf[at] ?? 128) - 128) / 128
    case 16:
      return (buf, at) => buf.readInt16LE(at) / 32768
    case 24:
      return (buf, at) => buf.readIntLE(at, 3) / 8388608
    default:
      return (buf, at) => buf.readInt32LE(at) / 2147483648
  }
}

function resampleLinear(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  const step = fromRate / toRate
  const source = step > 1 ? boxFilter(input, Math.round(step)) : input
  const length = Math.floor((input.length * toRate) / fromRate)
  const out = new Float32Array(length)
  for (let i = 0; i < length; i++) {
    const position = i * step
    const left = Math.floor(position)
    const fraction = position - left
    const a = source[left] ?? 0
    const b = source[left + 1] ?? a
    out[i] = a + (b - a) * fraction
  }
  return out
}

/** Moving average: a cheap low-pass so downsampling does not fold hiss into the speech band. */
function boxFilter(input: Float32Array, width: number): Float32Array {
  if (width <= 1) return input
  const out = new Float32Array(input.length)
  const half = Math.floor(width / 2)
  let sum = 0
  let count = 0
  let lo = 0
  let hi = 0
  for (let i = 0; i < input.length; i++) {
    while (hi < input.length && hi <= i + half) sum += input[hi++] ?? 0
    while (lo < i - half) sum -= input[lo++] ?? 0
    count = hi - lo
    out[i] = sum / count
  }
  return out
}
