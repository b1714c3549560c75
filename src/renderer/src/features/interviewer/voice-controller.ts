import type { InterviewerVoiceSettings } from '@shared/settings'
import type { SpeakOutcome, SpeechEngine, SpeechJob, SpeechVoice } from '../../lib/speech'

/** What the captions show: the sentence being spoken and, where the voice reports it, the word. */
export interface Caption {
  text: string
  /** Character range of the word being spoken in `text`; null when only the sentence is known. */
  word: { start: number; end: number } | null
}

export interface InterviewerVoiceState {
  /** `detecting` until the system's voices are known. */
  status: 'detecting' | 'ready'
  /** `voice`: heard and captioned; `captions-only`: no offline voice here; `off`: turned off in settings. */
  mode: 'voice' | 'captions-only' | 'off'
  voices: readonly SpeechVoice[]
  speaking: boolean
  caption: Caption | null
}

/**
 * The interviewer's voice as a small store: the hook renders its state, the session runner (and
 * the settings card) call `speak` and `cancel`. One utterance at a time: speaking again cancels
 * the one before. Framework-free so it is tested without a DOM.
 */
export class InterviewerVoiceController {
  private state: InterviewerVoiceState = { status: 'detecting', mode: 'captions-only', voices: [], speaking: false, caption: null }
  private readonly listeners = new Set<() => void>()
  private engine: SpeechEngine | null = null
  private job: SpeechJob | null = null
  /** The utterance that owns the captions; an engine may report its first sentence before `speak` returns. */
  private turn: object | null = null
  private disposed = false

  constructor(
    engine: Promise<SpeechEngine>,
    private settings: InterviewerVoiceSettings
  ) {
    engine.then(
      (ready) => {
        if (this.disposed) return
        this.engine = ready
        this.set({ status: 'ready', voices: ready.voices, mode: this.modeFor(ready) })
      },
      // Detection only reads the browser's voice list; failing that, captions still work.
      () => this.set({ status: 'ready', mode: settings.enabled ? 'captions-only' : 'off' })
    )
  }

  getState = (): InterviewerVoiceState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  setSettings(settings: InterviewerVoiceSettings): void {
    this.settings = settings
    if (!settings.enabled) this.cancel()
    if (this.engine) this.set({ mode: this.modeFor(this.engine) })
  }

  /** Says `text` (or shows it, without a voice); resolves when it is done or cancelled. */
  async speak(text: string): Promise<SpeakOutcome> {
    this.cancel()
    if (!this.settings.enabled || this.disposed) return 'ended'
    const engine = this.engine
    if (!engine) return 'ended'
    const turn = {}
    this.turn = turn
    this.set({ speaking: true })
    let current = ''
    const job = engine.speak(
      text,
      { voiceId: this.settings.voiceURI, rate: this.settings.rate },
      {
        onSentence: ({ text: sentence }) => {
          current = sentence
          if (this.turn === turn) this.set({ caption: { text: sentence, word: null } })
        },
        onWord: ({ charIndex, charLength }) => {
          if (this.turn === turn) this.set({ caption: { text: current, word: { start: charIndex, end: charIndex + charLength } } })
        }
      }
    )
    this.job = job
    const outcome = await job.done
    if (this.turn === turn) {
      this.turn = null
      this.job = null
      this.set({ speaking: false, caption: this.state.caption ? { ...this.state.caption, word: null } : null })
    }
    return outcome
  }

  cancel(): void {
    const job = this.job
    this.turn = null
    this.job = null
    if (!job) return
    job.cancel()
    this.set({ speaking: false })
  }

  /** Removes the last caption (the next question is on screen). */
  clearCaption(): void {
    if (!this.turn) this.set({ caption: null })
  }

  dispose(): void {
    this.cancel()
    this.disposed = true
    this.listeners.clear()
  }

  private modeFor(engine: SpeechEngine): InterviewerVoiceState['mode'] {
    if (!this.settings.enabled) return 'off'
    return engine.kind
  }

  private set(patch: Partial<InterviewerVoiceState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }
}
