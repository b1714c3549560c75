import { describe, expect, it, vi } from 'vitest'
import {
  captionMsFor,
  createCaptionsOnlyEngine,
  detectSpeechEngine,
  pickVoice,
  splitIntoSentences,
  type SpeechHost,
  type SynthLike,
  type SynthVoiceLike,
  type UtteranceLike
} from './speech'

const voice = (voiceURI: string, lang: string, localService: boolean, isDefault = false): SynthVoiceLike => ({
  voiceURI,
  name: voiceURI,
  lang,
  localService,
  default: isDefault
})

const network = voice('Google US English', 'en-US', false, true)
const espeak = voice('eSpeak English', 'en-GB', true)
const german = voice('Anna', 'de-DE', true)

class FakeUtterance implements UtteranceLike {
  voice: SynthVoiceLike | null = null
  rate = 1
  lang = ''
  onstart: UtteranceLike['onstart'] = null
  onend: UtteranceLike['onend'] = null
  onerror: UtteranceLike['onerror'] = null
  onboundary: UtteranceLike['onboundary'] = null
  constructor(public text: string) {}
}

/** Speaks instantly: start, a boundary per word, end; or errors when told to. */
function fakeSynth(voices: SynthVoiceLike[], options: { wordBoundaries?: boolean; voicesLater?: boolean } = {}) {
  const spoken: FakeUtterance[] = []
  const listeners: Array<() => void> = []
  let available = options.voicesLater ? [] : voices
  let pending: FakeUtterance | null = null
  const synth: SynthLike & { spoken: FakeUtterance[]; finish(): void; announceVoices(): void } = {
    spoken,
    getVoices: () => available,
    speak(utterance) {
      const u = utterance as FakeUtterance
      spoken.push(u)
      pending = u
      u.onstart?.({})
      if (options.wordBoundaries !== false) {
        for (const match of u.text.matchAll(/\S+/g)) u.onboundary?.({ name: 'word', charIndex: match.index, charLength: match[0].length })
      }
    },
    finish() {
      const u = pending
      pending = null
      u?.onend?.({})
    },
    cancel() {
      const u = pending
      pending = null
      u?.onerror?.({ error: 'interrupted' })
    },
    addEventListener: (_type, listener) => listeners.push(listener),
    removeEventListener: () => undefined,
    announceVoices() {
      available = voices
      for (const listener of listeners) listener()
    }
  }
  return synth
}

const host = (synth?: SynthLike): SpeechHost => ({
  speechSynthesis: synth,
  SpeechSynthesisUtterance: FakeUtterance,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle)
})

async function speakAll(synth: ReturnType<typeof fakeSynth>, job: { done: Promise<unknown> }) {
  // Each sentence ends when the fake is told to; step through until the job settles.
  let settled = false
  void job.done.then(() => (settled = true))
  for (let i = 0; i < 20 && !settled; i++) {
    synth.finish()
    await Promise.resolve()
  }
  return job.done
}

describe('splitIntoSentences', () => {
  it('splits at sentence ends but not inside "e.g." or "vs."', () => {
    expect(splitIntoSentences('What happens when the consumer falls behind?  Have you seen it, e.g. in Kafka vs. Kinesis? Yes.')).toEqual([
      'What happens when the consumer falls behind?',
      'Have you seen it, e.g. in Kafka vs. Kinesis?',
      'Yes.'
    ])
    expect(splitIntoSentences('   ')).toEqual([])
  })
})

describe('pickVoice', () => {
  it('never picks a voice that is not local, even when it is the default', () => {
    expect(pickVoice([network, german, espeak], null)).toBe(espeak)
    expect(pickVoice([network, german, espeak], 'Google US English')).toBe(espeak)
    expect(pickVoice([network], null)).toBeNull()
  })

  it('takes the chosen local voice, else the local default', () => {
    expect(pickVoice([network, german, espeak], 'Anna')).toBe(german)
    expect(pickVoice([voice('a', 'fr-FR', true), voice('b', 'de-DE', true, true)], 'gone')?.voiceURI).toBe('b')
  })
})

describe('detectSpeechEngine', () => {
  it('lists only local voices, and speaks sentence by sentence with the chosen voice and rate', async () => {
    const synth = fakeSynth([network, espeak, german])
    const engine = await detectSpeechEngine(host(synth))
    expect(engine.kind).toBe('voice')
    expect(engine.voices.map((v) => v.id)).toEqual(['eSpeak English', 'Anna'])
    const sentences: string[] = []
    const words: string[] = []
    const job = engine.speak('Hello there. How are you?', { voiceId: 'Anna', rate: 1.3 }, {
      onSentence: ({ text }) => sentences.push(text),
      onWord: ({ sentenceIndex, charIndex, charLength }) => words.push(`${sentenceIndex}:${['Hello there.', 'How are you?'][sentenceIndex]?.slice(charIndex, charIndex + charLength)}`)
    })
    expect(await speakAll(synth, job)).toBe('ended')
    expect(synth.spoken.map((u) => [u.text, u.voice?.voiceURI, u.rate])).toEqual([
      ['Hello there.', 'Anna', 1.3],
      ['How are you?', 'Anna', 1.3]
    ])
    expect(sentences).toEqual(['Hello there.', 'How are you?'])
    expect(words).toEqual(['0:Hello', '0:there.', '1:How', '1:are', '1:you?'])
  })

  it('waits for voices that arrive late (Chrome loads them asynchronously)', async () => {
    const synth = fakeSynth([espeak], { voicesLater: true })
    const engine = detectSpeechEngine(host(synth))
    synth.announceVoices()
    expect((await engine).kind).toBe('voice')
  })

  it('falls back to captions only without local voices or without the API', async () => {
    expect((await detectSpeechEngine(host(fakeSynth([network])))).kind).toBe('captions-only')
    expect((await detectSpeechEngine(host(undefined))).kind).toBe('captions-only')
  })

  it('cancels: the browser stops and the job says cancelled', async () => {
    const synth = fakeSynth([espeak])
    const engine = await detectSpeechEngine(host(synth))
    const job = engine.speak('One. Two. Three.', { voiceId: null, rate: 1 })
    job.cancel()
    expect(await job.done).toBe('cancelled')
    expect(synth.spoken).toHaveLength(1)
  })
})

describe('captions-only engine', () => {
  it('shows each sentence for its reading time, then ends', async () => {
    vi.useFakeTimers()
    try {
      const shown: string[] = []
      const engine = createCaptionsOnlyEngine(host())
      const job = engine.speak('Short one. And a second, slightly longer sentence to read.', { voiceId: null, rate: 1 }, { onSentence: ({ text }) => shown.push(text) })
      expect(shown).toEqual(['Short one.'])
      vi.advanceTimersByTime(captionMsFor('Short one.', 1))
      expect(shown).toEqual(['Short one.', 'And a second, slightly longer sentence to read.'])
      vi.advanceTimersByTime(captionMsFor('And a second, slightly longer sentence to read.', 1))
      expect(await job.done).toBe('ended')
    } finally {
      vi.useRealTimers()
    }
  })

  it('reads faster at a higher rate', () => {
    const sentence = 'one two three four five six seven eight nine ten eleven twelve'
    expect(captionMsFor(sentence, 2)).toBeLessThan(captionMsFor(sentence, 1))
  })
})
