import { codeOf, messageOf } from '@shared/errors'

/** What a spoken clip is for: a clarifying question or a reply to a follow-up. */
export type DictationPurpose = 'clarify' | 'follow-up'

/** What the candidate is told after a dictation that put no words in the field. */
export interface DictationNote {
  severity: 'info' | 'warning' | 'error'
  text: string
  /** The way out is Settings → Models (no model, or a damaged one). */
  settingsLink?: boolean
}

export const NO_WORDS_RECOGNISED = 'No words were recognised — check the microphone or type instead.'

const noun = (purpose: DictationPurpose): string => (purpose === 'clarify' ? 'question' : 'reply')

/** "type your question" / "type your reply": the way out every note ends with. */
export const typeInstead = (purpose: DictationPurpose): string => `type your ${noun(purpose)}`

/** A failed transcription in words: a missing or damaged model points to Settings; typing always works. */
export function noteForTranscribeError(error: unknown, purpose: DictationPurpose): DictationNote {
  const code = codeOf(error)
  if (code === 'MODEL_MISSING' || code === 'MODEL_INVALID') {
    return {
      severity: 'warning',
      // The backend's message already says where to go (Settings → Models).
      text: `${messageOf(error)} Until then, ${typeInstead(purpose)}.`,
      settingsLink: true
    }
  }
  return { severity: 'error', text: `Your spoken ${noun(purpose)} could not be transcribed: ${messageOf(error)} You can ${typeInstead(purpose)} instead.` }
}

/** The dictated words after what is already there: nothing typed is ever replaced. */
export function appendDictated(existing: string, dictated: string): string {
  const words = dictated.trim()
  if (!words) return existing
  if (!existing.trim()) return words
  return /\s$/.test(existing) ? `${existing}${words}` : `${existing} ${words}`
}

/** The worklet's chunks as one PCM buffer. */
export function joinPcm(chunks: readonly ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(new Uint8Array(chunk), at)
    at += chunk.byteLength
  }
  return out.buffer
}
