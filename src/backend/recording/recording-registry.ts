import { AppError } from '@shared/api/result'
import { InvalidAudioError, type WavWriter } from '../audio'
import type { StreamWindows } from './stream-windows'

/** A take receiving audio: its WAV, the next chunk expected, its streaming transcription. */
export interface OpenTake {
  answerId: string
  takeId: string
  writer: WavWriter
  stream: StreamWindows
  nextSeq: number
  /** Set while the take is being closed: chunks are refused from then on. */
  closing: boolean
  /** Called after every chunk that reached the disk. */
  onChunk: Set<() => void>
  idleTimer: ReturnType<typeof setTimeout> | null
}

export interface RecordingRegistryOptions {
  /** With no chunk for this long, the recorder is taken to be gone (page closed, crashed, offline). */
  idleMs: number
  onIdle: (take: OpenTake) => void
}

/**
 * The takes receiving audio, at most one per answer. Every chunk resets the take's watchdog; a
 * take that hears nothing for `idleMs` is handed to `onIdle`, which closes it and keeps its
 * audio, so "still being recorded" never outlives the page that was recording. A paused
 * recorder keeps its take alive with empty chunks.
 */
export class RecordingRegistry {
  private readonly open = new Map<string, OpenTake>()

  constructor(private readonly options: RecordingRegistryOptions) {}

  get(answerId: string): OpenTake | undefined {
    return this.open.get(answerId)
  }

  all(): OpenTake[] {
    return [...this.open.values()]
  }

  add(take: Omit<OpenTake, 'nextSeq' | 'closing' | 'idleTimer' | 'onChunk'>): OpenTake {
    if (this.open.has(take.answerId)) throw new AppError('CONFLICT', `Answer ${take.answerId} is already recording.`)
    const entry: OpenTake = { ...take, nextSeq: 0, closing: false, idleTimer: null, onChunk: new Set() }
    this.open.set(take.answerId, entry)
    this.arm(entry)
    return entry
  }

  /** Appends one chunk, in order, to the take's WAV; resolves once it is on disk. */
  async append(answerId: string, takeId: string | undefined, seq: number, bytes: Buffer): Promise<{ take: OpenTake; receivedMs: number }> {
    const take = this.open.get(answerId)
    if (!take || take.closing || (takeId !== undefined && take.takeId !== takeId)) {
      throw new AppError(
        'CONFLICT',
        `No recording is open for answer ${answerId}${takeId ? ` (take ${takeId})` : ''}: it was stopped, it went quiet for too long, or the app restarted. What arrived before is kept; record again to go on.`
      )
    }
    if (seq !== take.nextSeq) {
      throw new AppError('CONFLICT', `Audio chunk ${seq} arrived out of order (expected chunk ${take.nextSeq}).`)
    }
    if (bytes.length % 2 !== 0) throw new InvalidAudioError(`audio chunk ${seq} is not whole 16-bit samples`)
    take.nextSeq += 1
    this.arm(take)
    try {
      await take.writer.append(bytes)
    } catch (error) {
      // Not on disk, so not acknowledged: the same chunk may be sent again.
      if (take.nextSeq === seq + 1) take.nextSeq = seq
      throw error
    }
    take.stream.push(bytes)
    for (const listener of take.onChunk) listener()
    return { take, receivedMs: take.writer.durationMs }
  }

  /** Resolves once `count` chunks have arrived, or after `timeoutMs` (the rest is not coming). */
  waitForChunks(take: OpenTake, count: number, timeoutMs: number): Promise<void> {
    if (take.nextSeq >= count) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        take.onChunk.delete(check)
        resolve()
      }
      const check = () => {
        if (take.nextSeq >= count) done()
      }
      const timer = setTimeout(done, timeoutMs)
      take.onChunk.add(check)
    })
  }

  /** Takes the take out: no chunk is accepted for it from here on. */
  release(answerId: string): OpenTake | undefined {
    const take = this.open.get(answerId)
    if (!take) return undefined
    take.closing = true
    if (take.idleTimer) clearTimeout(take.idleTimer)
    take.idleTimer = null
    this.open.delete(answerId)
    return take
  }

  private arm(take: OpenTake): void {
    if (take.idleTimer) clearTimeout(take.idleTimer)
    take.idleTimer = setTimeout(() => {
      take.idleTimer = null
      if (this.open.get(take.answerId) === take) this.options.onIdle(take)
    }, this.options.idleMs)
    // The watchdog alone never keeps a process (the CLI, a test) alive.
    take.idleTimer.unref?.()
  }
}
