import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import type { InterviewerVoiceSettings } from '@shared/settings'
import { detectSpeechEngine, type SpeakOutcome, type SpeechEngine } from '../../lib/speech'
import { InterviewerVoiceController, type InterviewerVoiceState } from './voice-controller'

let sharedEngine: Promise<SpeechEngine> | null = null

/** The system's voices are read once per page: they do not change while the app runs. */
function detectOnce(): Promise<SpeechEngine> {
  sharedEngine ??= detectSpeechEngine()
  return sharedEngine
}

export interface InterviewerVoice extends InterviewerVoiceState {
  speak(text: string): Promise<SpeakOutcome>
  cancel(): void
  clearCaption(): void
}

/**
 * The interviewer's voice for one screen: `speak(text)` reads it aloud with the chosen local
 * voice and rate (or shows it as captions where there is no offline voice, or does nothing
 * when turned off) and resolves when done; leaving the screen stops it. Tests reach the engine
 * through the Web Speech API (see lib/speech.ts) or pass `engine`.
 */
export function useInterviewerVoice(settings: InterviewerVoiceSettings, options: { engine?: Promise<SpeechEngine> } = {}): InterviewerVoice {
  const controller = useRef<InterviewerVoiceController | null>(null)
  controller.current ??= new InterviewerVoiceController(options.engine ?? detectOnce(), settings)
  const current = controller.current

  useEffect(() => current.setSettings(settings), [current, settings])
  // Leaving the screen stops the voice. Not `dispose`: StrictMode runs this cleanup once on mount.
  useEffect(() => () => current.cancel(), [current])

  const state = useSyncExternalStore(current.subscribe, current.getState)
  const speak = useCallback((text: string) => current.speak(text), [current])
  const cancel = useCallback(() => current.cancel(), [current])
  const clearCaption = useCallback(() => current.clearCaption(), [current])
  return { ...state, speak, cancel, clearCaption }
}
