import { messageOf } from '@shared/errors'

/**
 * The microphone helpers every capture shares (the answer recorder, spoken clarifying questions
 * and follow-up replies): open the chosen device, say what went wrong in words, and encode PCM
 * for the contract. One copy, for every feature that captures.
 */

/** 16 kHz mono 16-bit PCM: what recorder-worklet.js produces and whisper reads. */
export const PCM_SAMPLE_RATE = 16_000

export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** The microphone chosen in Settings, or the default one when it is gone (unplugged). */
export async function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  const base: MediaTrackConstraints = { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true }
  if (!deviceId) return navigator.mediaDevices.getUserMedia({ audio: base })
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { ...base, deviceId: { exact: deviceId } } })
  } catch (error) {
    // The chosen microphone was unplugged: the default one beats no recording at all.
    if ((error as DOMException).name !== 'OverconstrainedError' && (error as DOMException).name !== 'NotFoundError') throw error
    return navigator.mediaDevices.getUserMedia({ audio: base })
  }
}

/** A microphone failure in words, ending with the way out (`typeInstead`: "type your answer"). */
export function describeMicError(error: unknown, typeInstead = 'type your answer'): string {
  const name = (error as DOMException | undefined)?.name
  if (name === 'NotAllowedError') return `Microphone access was refused. Allow it for mockroom, or ${typeInstead}.`
  if (name === 'NotFoundError') return `No microphone found. Plug one in and pick it in Settings, or ${typeInstead}.`
  if (name === 'NotReadableError') return `The microphone is busy in another application. Close it there, or ${typeInstead}.`
  return messageOf(error)
}
