import { existsSync } from 'node:fs'
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnswerRecord } from '@shared/answers'
import type { Backend } from '../create-backend'
import { createFixture, newDataDir, openBackend, until, type BackendFixture } from './backend-test-fixture'

/**
 * The answer lifecycle, model-based: random sequences of what a candidate and the world can do
 * to one answer (start, send audio, stop, type, correct, record again, lose the page, kill and
 * restart the backend, restore or delete a take), run against a real backend with a stand-in
 * whisper. After every step: every chunk of audio and every text the backend acknowledged is
 * still in its take, unless the user deleted that take.
 */
const ANSWER = 'answer-1'
const IDLE_MS = 600

interface ModelTake {
  kind: 'audio' | 'typed'
  /** Audio chunks the backend acknowledged, in order. */
  acked: Buffer[]
  /** The last text the backend acknowledged for this take (typed, or a correction); null: none. */
  text: string | null
}

interface Model {
  takes: Map<string, ModelTake>
  /** The take the (live) page is recording into, and its next chunk number. */
  recording: { takeId: string; seq: number } | null
  /** The typed take the page's "type your answer" box writes to. */
  typedTakeId: string | null
}

interface Real {
  backend: Backend
  dataDir: string
}

type Cmd = fc.AsyncCommand<Model, Real>

let fixture: BackendFixture

/** A chunk of 0.25 s of 16 kHz PCM, different for every seed, so a misplaced chunk shows. */
function chunkOf(seed: number): Buffer {
  const samples = Int16Array.from({ length: 4000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * (110 + (seed % 50) * 7) * i) / 16_000)) + (seed % 13))
  return Buffer.from(samples.buffer)
}

const takeOf = (answer: AnswerRecord, id: string) => answer.takes.find((take) => take.id === id)

async function answerOf(real: Real): Promise<AnswerRecord | null> {
  return real.backend.api.getAnswer({ id: ANSWER }).catch(() => null)
}

async function checkInvariant(model: Model, real: Real): Promise<void> {
  const answer = await answerOf(real)
  if (model.takes.size === 0 && !answer) return
  expect(answer, 'the answer exists').not.toBeNull()
  for (const [id, expected] of model.takes) {
    const take = takeOf(answer!, id)
    expect(take, `take ${id} is still there`).toBeDefined()
    if (expected.kind === 'audio') {
      const acked = Buffer.concat(expected.acked)
      if (acked.length > 0) {
        expect(take!.audioFile, `take ${id} keeps its audio`).not.toBeNull()
        const wav = await readFile(join(real.dataDir, take!.audioFile!))
        const data = wav.subarray(44)
        expect(data.length, `take ${id}: every acknowledged byte is on disk`).toBeGreaterThanOrEqual(acked.length)
        expect(data.subarray(0, acked.length).equals(acked), `take ${id}: the acknowledged audio, in order`).toBe(true)
      }
    }
    if (expected.text !== null) expect(take!.text, `take ${id}: the acknowledged text`).toBe(expected.text)
  }
  if (answer!.takes.length > 0) expect(takeOf(answer!, answer!.currentTakeId ?? '')).toBeDefined()
}

/** Runs `act`; a refusal the candidate could meet in real life (a take that moved on) is not a failure. */
async function tolerate<T>(act: () => Promise<T>, codes: string[]): Promise<T | null> {
  try {
    return await act()
  } catch (error) {
    if (codes.includes((error as { code?: string }).code ?? '')) return null
    throw error
  }
}

const command = (name: string, check: (m: Readonly<Model>) => boolean, run: (m: Model, r: Real) => Promise<void>): Cmd => ({
  check,
  run: async (m, r) => {
    await run(m, r)
    await checkInvariant(m, r)
  },
  toString: () => name
})

const start = () =>
  command(
    'start (or record again)',
    (m) => m.recording === null,
    async (m, r) => {
      const answer = await r.backend.api.startRecording({ answerId: ANSWER, sessionId: null, questionId: 'q1' })
      m.takes.set(answer.currentTakeId!, { kind: 'audio', acked: [], text: null })
      m.recording = { takeId: answer.currentTakeId!, seq: 0 }
    }
  )

const appendChunk = (seed: number) =>
  command(
    `append chunk ${seed}`,
    (m) => m.recording !== null,
    async (m, r) => {
      const recording = m.recording!
      const chunk = chunkOf(seed)
      const ack = await tolerate(
        () => r.backend.api.appendAudio({ answerId: ANSWER, takeId: recording.takeId, seq: recording.seq, pcmBase64: chunk.toString('base64') }),
        ['CONFLICT']
      )
      if (ack) {
        recording.seq += 1
        m.takes.get(recording.takeId)!.acked.push(chunk)
      } else {
        // Refused: the take went quiet for too long and was closed; the page shows "Recording stopped".
        m.recording = null
      }
    }
  )

const stop = () =>
  command(
    'stop',
    (m) => m.recording !== null,
    async (m, r) => {
      await r.backend.api.stopRecording({ answerId: ANSWER, takeId: m.recording!.takeId, keyTerms: [] })
      m.recording = null
    }
  )

const type = (text: string) =>
  command(
    `type "${text}"`,
    () => true,
    async (m, r) => {
      const known = m.typedTakeId !== null && m.takes.has(m.typedTakeId)
      const saved = await r.backend.api.saveTypedAnswer({
        id: ANSWER,
        sessionId: null,
        questionId: 'q1',
        text,
        ...(m.typedTakeId ? { takeId: m.typedTakeId } : {})
      })
      const takeId = known ? m.typedTakeId! : `t${saved.lastTakeNumber}`
      m.typedTakeId = takeId
      m.takes.set(takeId, { kind: 'typed', acked: [], text })
    }
  )

const correct = (pick: number, text: string) =>
  command(
    `correct take #${pick} to "${text}"`,
    (m) => [...m.takes.values()].some((t) => t.kind === 'audio'),
    async (m, r) => {
      const audio = [...m.takes.entries()].filter(([, t]) => t.kind === 'audio')
      const [takeId, take] = audio[pick % audio.length]!
      const saved = await tolerate(() => r.backend.api.updateAnswerText({ id: ANSWER, takeId, text }), ['ILLEGAL_TRANSITION'])
      if (saved) take.text = text
    }
  )

const restore = (pick: number) =>
  command(
    `restore take #${pick}`,
    (m) => m.takes.size > 0,
    async (m, r) => {
      const ids = [...m.takes.keys()]
      await tolerate(() => r.backend.api.restoreTake({ answerId: ANSWER, takeId: ids[pick % ids.length]! }), ['ILLEGAL_TRANSITION'])
    }
  )

const deleteTake = (pick: number) =>
  command(
    `delete take #${pick}`,
    (m) => [...m.takes.keys()].some((id) => id !== m.recording?.takeId),
    async (m, r) => {
      const ids = [...m.takes.keys()].filter((id) => id !== m.recording?.takeId)
      const takeId = ids[pick % ids.length]!
      const deleted = await tolerate(() => r.backend.api.deleteTake({ answerId: ANSWER, takeId }), ['ILLEGAL_TRANSITION'])
      if (deleted) m.takes.delete(takeId)
    }
  )

const pageGone = () =>
  command(
    'the page goes away mid-recording',
    (m) => m.recording !== null,
    async (m, r) => {
      const { takeId } = m.recording!
      m.recording = null
      // "Still being recorded" does not outlive the recorder.
      await until(async () => {
        const take = takeOf((await answerOf(r))!, takeId)
        return take && take.state !== 'recording' ? true : undefined
      }, IDLE_MS + 5000)
    }
  )

const restart = (tornBytes: number) =>
  command(
    `backend killed${tornBytes ? ` mid-chunk (${tornBytes} bytes torn)` : ''} and restarted`,
    () => true,
    async (m, r) => {
      const open = m.recording
      const file = open ? (takeOf((await answerOf(r))!, open.takeId)?.audioFile ?? null) : null
      await r.backend.close()
      // A chunk that reached the disk without its header: never acknowledged, but kept if whole samples.
      if (file && tornBytes > 0) await appendFile(join(r.dataDir, file), Buffer.alloc(tornBytes, 5))
      m.recording = null
      r.backend = await openBackend(fixture, r.dataDir, { recorderIdleMs: IDLE_MS })
      const answer = await answerOf(r)
      expect(answer?.takes.some((take) => take.state === 'recording') ?? false, 'no take is left recording after a restart').toBe(false)
    }
  )

const chunk = fc.integer({ min: 0, max: 999 }).map((seed) => appendChunk(seed))
const commands = [
  fc.constant(null).map(() => start()),
  // Audio arrives far more often than anything else happens, as it does in a real answer.
  chunk,
  chunk,
  chunk,
  chunk,
  fc.constant(null).map(() => stop()),
  fc.constantFrom('I led the migration', 'we used Kafka', '').map((text) => type(text)),
  fc.tuple(fc.nat(5), fc.constantFrom('corrected: Kafka', 'corrected: Flink and Spark')).map(([pick, text]) => correct(pick, text)),
  fc.nat(5).map((pick) => restore(pick)),
  fc.nat(5).map((pick) => deleteTake(pick)),
  fc.constant(null).map(() => pageGone()),
  fc.constantFrom(0, 3001).map((torn) => restart(torn))
]

beforeAll(async () => {
  fixture = await createFixture(await mkdtemp(join(tmpdir(), 'mockroom-lifecycle-')))
})

afterAll(async () => {
  await rm(fixture.scratch, { recursive: true, force: true })
})

describe('the answer lifecycle, model-based', () => {
  it('never loses an acknowledged chunk of audio or text, whatever happens in between', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: 'max' }), async (cmds) => {
        const dataDir = await newDataDir(fixture)
        const real: Real = { backend: await openBackend(fixture, dataDir, { recorderIdleMs: IDLE_MS }), dataDir }
        try {
          await fc.asyncModelRun(() => ({ model: { takes: new Map(), recording: null, typedTakeId: null }, real }), cmds)
          if (process.env.LIFECYCLE_VERBOSE) console.log(String(cmds))
        } finally {
          await real.backend.close()
          fixture.backends.splice(0)
          if (existsSync(dataDir)) await rm(dataDir, { recursive: true, force: true })
        }
      }),
      { numRuns: Number(process.env.LIFECYCLE_RUNS ?? 30) }
    )
  }, 240_000)
})
