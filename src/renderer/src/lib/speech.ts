/**
 * The one module that touches the Web Speech API. The interviewer speaks only through the
 * system's offline voices: a voice with `localService: false` (Chrome's "Google US English",
 * for one) sends the text to a server, so it is never listed, never chosen and never left to
 * be picked as a default (an utterance without a voice may fall back to one). Where no local
 * voice exists, the captions-only engine shows the words at a speaking pace and nothing is
 * heard.
 *
 * No synthesizer is bundled: the WASM ports on the npm registry are either GPL-3.0 (eSpeak NG,
 * meSpeak) or need voice data that is not on the registry (SVOX Pico's lingware). See the
 * README ("Interviewer voice").
 *
 * The seam for tests is the Web Speech API itself (`SpeechHost`): unit tests pass a fake host,
 * and e2e replaces `window.speechSynthesis` and `window.SpeechSynthesisUtterance` with a stub
 * before the app loads, so the real code path runs and its captions can be checked.
 */

export interface SpeechVoice {
  /** `voiceURI`: what the settings store. */
  id: string
  name: string
  lang: string
  isDefault: boolean
}

export interface SpeakOptions {
  /** A local voice's id, or null for the best local default. */
  voiceId: string | null
  /** 0.5–2; 1 is the voice's normal pace. */
  rate: number
}

export interface SpeechProgress {
  onSentence?: (sentence: { index: number; text: string }) => void
  /** A word is being spoken: its place in the current sentence. */
  onWord?: (word: { sentenceIndex: number; charIndex: number; charLength: number }) => void
}

export type SpeakOutcome = 'ended' | 'cancelled' | 'error'

export interface SpeechJob {
  done: Promise<SpeakOutcome>
  cancel(): void
}

export interface SpeechEngine {
  readonly kind: 'voice' | 'captions-only'
  /** The local voices (empty for captions only). */
  readonly voices: readonly SpeechVoice[]
  speak(text: string, options: SpeakOptions, progress?: SpeechProgress): SpeechJob
}

/** The parts of the Web Speech API used here, so tests can pass a fake. */
export interface SynthVoiceLike {
  voiceURI: string
  name: string
  lang: string
  localService: boolean
  default: boolean
}

export interface UtteranceLike {
  text: string
  voice: SynthVoiceLike | null
  rate: number
  lang: string
  onstart: ((event: unknown) => void) | null
  onend: ((event: unknown) => void) | null
  onerror: ((event: { error?: string }) => void) | null
  onboundary: ((event: { name?: string; charIndex: number; charLength?: number }) => void) | null
}

export interface SynthLike {
  getVoices(): SynthVoiceLike[]
  speak(utterance: UtteranceLike): void
  cancel(): void
  addEventListener?(type: 'voiceschanged', listener: () => void): void
  removeEventListener?(type: 'voiceschanged', listener: () => void): void
}

export interface SpeechHost {
  speechSynthesis?: SynthLike
  SpeechSynthesisUtterance?: new (text: string) => UtteranceLike
  setTimeout: (callback: () => void, ms: number) => unknown
  clearTimeout: (handle: never) => void
}

/** Sentences small enough for Chrome, which stops an utterance after about 15 s. */
export function splitIntoSentences(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) return []
  return clean
    .split(/(?<=[.!?…])(?<!\b(?:e\.g|i\.e|vs|etc|Mr|Dr)\.)\s+(?=["“(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** Only offline voices, in the system's order. */
export function localVoices(voices: readonly SynthVoiceLike[]): SynthVoiceLike[] {
  return voices.filter((voice) => voice.localService === true)
}

/** The chosen local voice, else the system default if it is local, else the first English one, else any local voice. */
export function pickVoice(voices: readonly SynthVoiceLike[], wanted: string | null): SynthVoiceLike | null {
  const local = localVoices(voices)
  return (
    local.find((voice) => voice.voiceURI === wanted) ??
    local.find((voice) => voice.default) ??
    local.find((voice) => /^en\b/i.test(voice.lang)) ??
    local[0] ??
    null
  )
}

const toVoice = (voice: SynthVoiceLike): SpeechVoice => ({ id: voice.voiceURI, name: voice.name, lang: voice.lang, isDefault: voice.default })

/**
 * Chrome fills `getVoices()` asynchronously and announces it with `voiceschanged`; some
 * platforms never fire it. Waits for the event at most `waitMs`.
 */
export function loadVoices(synth: SynthLike, host: Pick<SpeechHost, 'setTimeout' | 'clearTimeout'>, waitMs = 1500): Promise<SynthVoiceLike[]> {
  const now = synth.getVoices()
  if (now.length > 0 || !synth.addEventListener) return Promise.resolve(now)
  const subscribe = synth.addEventListener.bind(synth)
  return new Promise((resolve) => {
    const finish = (): void => {
      synth.removeEventListener?.('voiceschanged', finish)
      host.clearTimeout(timer as never)
      resolve(synth.getVoices())
    }
    const timer = host.setTimeout(finish, waitMs)
    subscribe('voiceschanged', finish)
  })
}

/** A word's length when the browser gives only its start (Safari's boundary events). */
function wordLengthAt(text: string, charIndex: number): number {
  const match = /^[^\s]+/.exec(text.slice(charIndex))
  return match ? match[0].length : 0
}

export function createVoiceEngine(synth: SynthLike, Utterance: new (text: string) => UtteranceLike, voices: readonly SynthVoiceLike[]): SpeechEngine {
  const local = localVoices(voices)
  return {
    kind: 'voice',
    voices: local.map(toVoice),
    speak(text, options, progress = {}) {
      const voice = pickVoice(local, options.voiceId)
      const sentences = splitIntoSentences(text)
      let cancelled = false
      let settle: (outcome: SpeakOutcome) => void = () => undefined
      const done = new Promise<SpeakOutcome>((resolve) => {
        settle = (outcome) => {
          settle = () => undefined
          resolve(outcome)
        }
      })
      // Referenced until they end: Chrome drops events of an utterance it garbage-collects.
      const live: UtteranceLike[] = []
      const speakSentence = (index: number): void => {
        if (cancelled) return
        const sentence = sentences[index]
        if (sentence === undefined || !voice) {
          settle(voice || sentences.length === 0 ? 'ended' : 'error')
          return
        }
        const utterance = new Utterance(sentence)
        // Always set: without a voice the browser picks its default, which may be a network one.
        utterance.voice = voice
        utterance.lang = voice.lang
        utterance.rate = options.rate
        utterance.onstart = () => progress.onSentence?.({ index, text: sentence })
        utterance.onboundary = (event) => {
          if (event.name !== undefined && event.name !== 'word') return
          progress.onWord?.({ sentenceIndex: index, charIndex: event.charIndex, charLength: event.charLength || wordLengthAt(sentence, event.charIndex) })
        }
        utterance.onend = () => {
          live.splice(live.indexOf(utterance), 1)
          speakSentence(index + 1)
        }
        utterance.onerror = (event) => {
          live.splice(live.indexOf(utterance), 1)
          settle(cancelled || event.error === 'canceled' || event.error === 'interrupted' ? 'cancelled' : 'error')
        }
        live.push(utterance)
        synth.speak(utterance)
      }
      speakSentence(0)
      return {
        done,
        cancel() {
          if (cancelled) return
          cancelled = true
          synth.cancel()
          settle('cancelled')
        }
      }
    }
  }
}

/** Reading pace of the captions when nothing is heard: about 165 words a minute at rate 1. */
const CAPTION_WORDS_PER_MINUTE = 165
const MIN_SENTENCE_MS = 1200

export function captionMsFor(sentence: string, rate: number): number {
  const words = sentence.split(/\s+/).filter(Boolean).length
  return Math.max(MIN_SENTENCE_MS, Math.round((words * 60_000) / (CAPTION_WORDS_PER_MINUTE * rate)))
}

export function createCaptionsOnlyEngine(host: Pick<SpeechHost, 'setTimeout' | 'clearTimeout'>): SpeechEngine {
  return {
    kind: 'captions-only',
    voices: [],
    speak(text, options, progress = {}) {
      const sentences = splitIntoSentences(text)
      let timer: unknown = null
      let settle: (outcome: SpeakOutcome) => void = () => undefined
      const done = new Promise<SpeakOutcome>((resolve) => {
        settle = (outcome) => {
          settle = () => undefined
          resolve(outcome)
        }
      })
      const show = (index: number): void => {
        const sentence = sentences[index]
        if (sentence === undefined) {
          timer = null
          settle('ended')
          return
        }
        progress.onSentence?.({ index, text: sentence })
        timer = host.setTimeout(() => show(index + 1), captionMsFor(sentence, options.rate))
      }
      show(0)
      return {
        done,
        cancel() {
          if (timer !== null) host.clearTimeout(timer as never)
          timer = null
          settle('cancelled')
        }
      }
    }
  }
}

/** The browser's Web Speech API, where there is one. */
export function browserSpeechHost(): SpeechHost {
  const w = window as unknown as Partial<SpeechHost>
  return {
    speechSynthesis: w.speechSynthesis,
    SpeechSynthesisUtterance: w.SpeechSynthesisUtterance,
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle)
  }
}

/** A voice engine when the system has a local voice, else captions only. */
export async function detectSpeechEngine(host: SpeechHost = browserSpeechHost()): Promise<SpeechEngine> {
  const synth = host.speechSynthesis
  const Utterance = host.SpeechSynthesisUtterance
  if (!synth || !Utterance) return createCaptionsOnlyEngine(host)
  const voices = localVoices(await loadVoices(synth, host))
  return voices.length > 0 ? createVoiceEngine(synth, Utterance, voices) : createCaptionsOnlyEngine(host)
}
