import { describe, expect, it } from 'vitest'
import { defaultInterviewerVoice } from '@shared/settings'
import type { SpeakOutcome, SpeechEngine, SpeechProgress } from '../../lib/speech'
import { InterviewerVoiceController } from './voice-controller'

/** An engine whose sentences and words the test plays by hand. */
function manualEngine(kind: SpeechEngine['kind'] = 'voice') {
  const calls: Array<{ text: string; rate: number; voiceId: string | null; progress: SpeechProgress; finish: (o: SpeakOutcome) => void; cancelled: boolean }> = []
  const engine: SpeechEngine = {
    kind,
    voices: kind === 'voice' ? [{ id: 'v1', name: 'Voice', lang: 'en-GB', isDefault: true }] : [],
    speak(text, options, progress = {}) {
      let finish: (o: SpeakOutcome) => void = () => undefined
      const done = new Promise<SpeakOutcome>((resolve) => (finish = resolve))
      const call = { text, ...options, progress, finish, cancelled: false }
      calls.push(call)
      return {
        done,
        cancel: () => {
          call.cancelled = true
          finish('cancelled')
        }
      }
    }
  }
  return { engine, calls }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('InterviewerVoiceController', () => {
  it('reports the mode and voices once the engine is known', async () => {
    const { engine } = manualEngine()
    const controller = new InterviewerVoiceController(Promise.resolve(engine), defaultInterviewerVoice)
    expect(controller.getState().status).toBe('detecting')
    await flush()
    expect(controller.getState()).toMatchObject({ status: 'ready', mode: 'voice', voices: engine.voices })
    controller.setSettings({ ...defaultInterviewerVoice, enabled: false })
    expect(controller.getState().mode).toBe('off')
  })

  it('captions the sentence and the word being spoken, with the settings’ voice and rate', async () => {
    const { engine, calls } = manualEngine()
    const controller = new InterviewerVoiceController(Promise.resolve(engine), { enabled: true, voiceURI: 'v1', rate: 1.4 })
    await flush()
    const said = controller.speak('What happens when the consumer falls behind?')
    expect(calls[0]).toMatchObject({ voiceId: 'v1', rate: 1.4 })
    calls[0]!.progress.onSentence!({ index: 0, text: 'What happens when the consumer falls behind?' })
    calls[0]!.progress.onWord!({ sentenceIndex: 0, charIndex: 5, charLength: 7 })
    expect(controller.getState()).toMatchObject({ speaking: true, caption: { text: 'What happens when the consumer falls behind?', word: { start: 5, end: 12 } } })
    calls[0]!.finish('ended')
    expect(await said).toBe('ended')
    // The last sentence stays on screen, no longer marked.
    expect(controller.getState()).toMatchObject({ speaking: false, caption: { word: null } })
    controller.clearCaption()
    expect(controller.getState().caption).toBeNull()
  })

  it('speaking again cancels what was being said, and late events of the old one change nothing', async () => {
    const { engine, calls } = manualEngine()
    const controller = new InterviewerVoiceController(Promise.resolve(engine), defaultInterviewerVoice)
    await flush()
    const first = controller.speak('First question.')
    const second = controller.speak('Second question.')
    expect(await first).toBe('cancelled')
    expect(calls[0]!.cancelled).toBe(true)
    calls[0]!.progress.onSentence!({ index: 0, text: 'First question.' })
    calls[1]!.progress.onSentence!({ index: 0, text: 'Second question.' })
    expect(controller.getState().caption?.text).toBe('Second question.')
    calls[1]!.finish('ended')
    expect(await second).toBe('ended')
  })

  it('says nothing when turned off, and stops when turned off mid-sentence', async () => {
    const { engine, calls } = manualEngine()
    const controller = new InterviewerVoiceController(Promise.resolve(engine), { ...defaultInterviewerVoice, enabled: false })
    await flush()
    expect(await controller.speak('Anything?')).toBe('ended')
    expect(calls).toHaveLength(0)
    controller.setSettings(defaultInterviewerVoice)
    const said = controller.speak('Now on.')
    controller.setSettings({ ...defaultInterviewerVoice, enabled: false })
    expect(await said).toBe('cancelled')
    expect(controller.getState().speaking).toBe(false)
  })

  it('captions a first sentence the engine reports before speak returns', async () => {
    const engine: SpeechEngine = {
      kind: 'captions-only',
      voices: [],
      speak(text, _options, progress = {}) {
        progress.onSentence?.({ index: 0, text })
        return { done: new Promise<SpeakOutcome>(() => undefined), cancel: () => undefined }
      }
    }
    const controller = new InterviewerVoiceController(Promise.resolve(engine), defaultInterviewerVoice)
    await flush()
    void controller.speak('Right away.')
    expect(controller.getState()).toMatchObject({ speaking: true, caption: { text: 'Right away.' } })
  })

  it('falls back to captions only when the voices cannot be read', async () => {
    const controller = new InterviewerVoiceController(Promise.reject(new Error('no speech')), defaultInterviewerVoice)
    await flush()
    expect(controller.getState()).toMatchObject({ status: 'ready', mode: 'captions-only' })
  })
})
