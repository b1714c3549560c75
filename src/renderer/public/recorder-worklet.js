/* global AudioWorkletProcessor, registerProcessor, sampleRate */
/**
 * The recorder's audio thread: takes the microphone at the context's rate (often 48 kHz),
 * averages it down to 16 kHz mono 16-bit PCM (what whisper reads) and posts it to the page in
 * chunks of about a second, plus a level reading for the meter every ~50 ms. A plain script in
 * public/ because the CSP allows worklet modules only from 'self'.
 */
const TARGET_RATE = 16000
const CHUNK_SAMPLES = TARGET_RATE // one second
const LEVEL_EVERY = Math.round(TARGET_RATE / 20)

class RecorderProcessor extends AudioWorkletProcessor {
  constructor() {
    super()
    this.step = sampleRate / TARGET_RATE
    this.position = 0 // fractional input position of the next output sample
    this.acc = 0
    this.accCount = 0
    this.chunk = new Int16Array(CHUNK_SAMPLES)
    this.filled = 0
    this.paused = false
    this.peak = 0
    this.sumSquares = 0
    this.levelCount = 0
    this.port.onmessage = (event) => {
      const type = event.data && event.data.type
      if (type === 'pause') this.paused = true
      else if (type === 'resume') this.paused = false
      else if (type === 'flush') {
        this.postChunk()
        this.port.postMessage({ type: 'flushed' })
      }
    }
  }

  postChunk() {
    if (this.filled === 0) return
    const out = this.chunk.slice(0, this.filled)
    this.port.postMessage({ type: 'chunk', pcm: out.buffer }, [out.buffer])
    this.filled = 0
  }

  pushSample(value) {
    const clamped = Math.max(-1, Math.min(1, value))
    this.chunk[this.filled++] = clamped < 0 ? Math.round(clamped * 32768) : Math.round(clamped * 32767)
    this.peak = Math.max(this.peak, Math.abs(clamped))
    this.sumSquares += clamped * clamped
    if (++this.levelCount >= LEVEL_EVERY) {
      this.port.postMessage({ type: 'level', rms: Math.sqrt(this.sumSquares / this.levelCount), peak: this.peak })
      this.peak = 0
      this.sumSquares = 0
      this.levelCount = 0
    }
    if (this.filled === CHUNK_SAMPLES) this.postChunk()
  }

  process(inputs) {
    const input = inputs[0]
    if (!input || input.length === 0 || this.paused) return true
    const frames = input[0].length
    for (let i = 0; i < frames; i++) {
      let mono = 0
      for (let c = 0; c < input.length; c++) mono += input[c][i]
      mono /= input.length
      if (this.step === 1) {
        this.pushSample(mono)
        continue
      }
      // Box filter over the input samples that fall into one output sample, then emit.
      this.acc += mono
      this.accCount += 1
      this.position += 1
      if (this.position >= this.step) {
        this.position -= this.step
        this.pushSample(this.acc / this.accCount)
        this.acc = 0
        this.accCount = 0
      }
    }
    return true
  }
}

registerProcessor('mockroom-recorder', RecorderProcessor)
