import loadVad, { VADEvent, VADMode, type VAD } from '@ozymandiasthegreat/vad'
import { WHISPER_SAMPLE_RATE } from './wav-format'

/** libfvad takes 10, 20 or 30 ms frames; the window cutter scans 20 ms ones. */
export const VAD_FRAME_MS = 20
export const VAD_FRAME_SAMPLES = (WHISPER_SAMPLE_RATE * VAD_FRAME_MS) / 1000

let vadClass: Promise<typeof VAD | null> | null = null

/** libfvad (WebRTC's voice activity detector, compiled to WASM), loaded once; null if it cannot load. */
function loadVadClass(): Promise<typeof VAD | null> {
  vadClass ??= loadVad().catch((error: unknown) => {
    console.error(`mockroom: the voice activity detector did not load (${String(error)}); windows are cut at quiet frames instead`)
    return null
  })
  return vadClass
}

/**
 * Which 20 ms frames of a recording hold a voice, decided as the audio arrives (the detector
 * keeps state from frame to frame, so every frame is seen once, in order). Frames are counted
 * from the start of the take. A pause is where nobody speaks, whatever the room's noise level:
 * a fan or a hum above a fixed level no longer hides every pause.
 */
export class VoiceActivity {
  /** voiced[i - base] is frame i's verdict; frames before `base` were dropped. */
  private voiced: Uint8Array = new Uint8Array(1024)
  private count = 0
  private base = 0
  private readonly frame = new Int16Array(VAD_FRAME_SAMPLES)
  private carried = 0

  private constructor(private readonly vad: VAD) {}

  static async create(): Promise<VoiceActivity | null> {
    const Vad = await loadVadClass()
    if (!Vad) return null
    try {
      return new VoiceActivity(new Vad(VADMode.AGGRESSIVE, WHISPER_SAMPLE_RATE))
    } catch (error) {
      console.error(`mockroom: the voice activity detector could not start (${String(error)}); windows are cut at quiet frames instead`)
      return null
    }
  }

  /** Classifies the frames `samples` completes (the rest waits for the next chunk). */
  push(samples: Int16Array): void {
    let at = 0
    while (at < samples.length) {
      const take = Math.min(VAD_FRAME_SAMPLES - this.carried, samples.length - at)
      this.frame.set(samples.subarray(at, at + take), this.carried)
      this.carried += take
      at += take
      if (this.carried === VAD_FRAME_SAMPLES) {
        this.record(this.vad.processFrame(this.frame) === VADEvent.VOICE ? 1 : 0)
        this.carried = 0
      }
    }
  }

  /** Frame `index` (from the take's start) is classified and silent; unclassified frames count as voice. */
  isSilent(index: number): boolean {
    const at = index - this.base
    return at >= 0 && at < this.count && this.voiced[at] === 0
  }

  /** Forgets the frames before `index` (audio already cut into windows). */
  dropBefore(index: number): void {
    const drop = Math.min(this.count, Math.max(0, index - this.base))
    this.voiced.copyWithin(0, drop, this.count)
    this.count -= drop
    this.base += drop
  }

  destroy(): void {
    this.vad.destroy()
  }

  private record(verdict: number): void {
    if (this.count === this.voiced.length) {
      const grown = new Uint8Array(this.voiced.length * 2)
      grown.set(this.voiced)
      this.voiced = grown
    }
    this.voiced[this.count++] = verdict
  }
}
