import type { Page } from '@playwright/test'

/**
 * A stand-in for the Web Speech API, for machines (like CI's headless Chromium) with no voice:
 * one offline voice and one network voice, utterances that "speak" a word every `wordMs` with
 * boundary events, and a log of what was said with which voice and rate. Installed before the
 * app's scripts run, so the app's real speech code (src/renderer/src/lib/speech.ts) is what is
 * tested. Read the log with `spokenLog(page)`.
 */
export interface SpokenEntry {
  text: string
  voice: string | null
  rate: number
}

function installFakeSpeech(wordMs: number): void {
  const voices = [
    { voiceURI: 'Test Network Voice', name: 'Test Network Voice', lang: 'en-US', localService: false, default: true },
    { voiceURI: 'Test Local Voice', name: 'Test Local Voice', lang: 'en-GB', localService: true, default: false },
    { voiceURI: 'Test Local Voice 2', name: 'Test Local Voice 2', lang: 'en-US', localService: true, default: false }
  ]
  type Utterance = {
    text: string
    voice: { voiceURI: string } | null
    rate: number
    lang: string
    onstart: ((e: unknown) => void) | null
    onend: ((e: unknown) => void) | null
    onerror: ((e: { error: string }) => void) | null
    onboundary: ((e: { name: string; charIndex: number; charLength: number }) => void) | null
  }
  const log: Array<{ text: string; voice: string | null; rate: number }> = []
  const timers: number[] = []
  let current: Utterance | null = null
  const queue: Utterance[] = []
  const next = (): void => {
    const utterance = queue.shift()
    current = utterance ?? null
    if (!utterance) return
    log.push({ text: utterance.text, voice: utterance.voice?.voiceURI ?? null, rate: utterance.rate })
    utterance.onstart?.({})
    const words = [...utterance.text.matchAll(/\S+/g)]
    words.forEach((match, i) => {
      timers.push(window.setTimeout(() => utterance.onboundary?.({ name: 'word', charIndex: match.index, charLength: match[0].length }), i * wordMs))
    })
    timers.push(
      window.setTimeout(() => {
        current = null
        utterance.onend?.({})
        next()
      }, words.length * wordMs)
    )
  }
  const synth = {
    getVoices: () => voices,
    speak(utterance: Utterance) {
      queue.push(utterance)
      if (!current) next()
    },
    cancel() {
      for (const timer of timers.splice(0)) window.clearTimeout(timer)
      const stopped = current
      queue.length = 0
      current = null
      stopped?.onerror?.({ error: 'interrupted' })
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined
  }
  class FakeUtterance {
    voice = null
    rate = 1
    lang = ''
    onstart = null
    onend = null
    onerror = null
    onboundary = null
    constructor(public text: string) {}
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true })
  Object.defineProperty(window, '__spokenLog', { value: log, configurable: true })
  // Every text the captions showed, in order: a caption moves on sentence by sentence, faster
  // than a test can poll it on a busy machine, so tests read this log instead of the live text.
  const captions: string[] = []
  Object.defineProperty(window, '__captionLog', { value: captions, configurable: true })
  const record = (): void => {
    for (const element of document.querySelectorAll('[data-testid=interviewer-captions]')) {
      const text = element.textContent ?? ''
      if (text && captions[captions.length - 1] !== text) captions.push(text)
    }
  }
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}

/** Replaces the page's Web Speech API from the next navigation on (call before `goto`/`reload`). */
export async function useFakeSpeech(page: Page, wordMs = 120): Promise<void> {
  await page.addInitScript(installFakeSpeech, wordMs)
}

/** Removes every voice: the app must fall back to captions only. */
export async function useNoSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true })
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true })
  })
}

/** Every caption text shown since the page loaded (with `useFakeSpeech`), in order. */
export function captionLog(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __captionLog?: string[] }).__captionLog ?? [])
}

export function spokenLog(page: Page): Promise<SpokenEntry[]> {
  return page.evaluate(() => (window as unknown as { __spokenLog?: SpokenEntry[] }).__spokenLog ?? [])
}
