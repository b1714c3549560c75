import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertAlive, startSecurityServer, TOKEN, type SecurityServer } from './harness'

/**
 * Deleting an answer while its audio streams used to crash the server (ENOENT on a read
 * stream without an error handler). Media is now served from a handle opened once: a delete
 * before the open is a 404, a delete after it cannot cut the stream short.
 */
let server: SecurityServer

beforeAll(async () => {
  server = await startSecurityServer()
})
afterAll(() => server.close())

const ROUNDS = 100
const API_ROUNDS = 20
// 256 KB of PCM: more than the loopback socket buffers, so the stream is really mid-file
// when the delete lands in the deterministic rounds.
const pcm = Buffer.from(Int16Array.from({ length: 128 * 1024 }, (_, i) => Math.round(8000 * Math.sin(i / 7))).buffer)

/** Recorded answers' audio files (each recording is a take: `audio/<answer>.<take>.wav`). */
const audioOf = new Map<string, string>()

async function recordAnswer(answerId: string): Promise<Buffer> {
  const started = await server.call<{ audioFile: string | null; currentTakeId: string | null }>('startRecording', { answerId, sessionId: null, questionId: 'race-question' })
  if (!started.ok || !started.value.audioFile || !started.value.currentTakeId) throw new Error(`startRecording: ${JSON.stringify(started)}`)
  const takeId = started.value.currentTakeId
  audioOf.set(answerId, started.value.audioFile)
  expect(await server.call('appendAudio', { answerId, takeId, seq: 0, pcmBase64: pcm.toString('base64') })).toMatchObject({ ok: true })
  expect(await server.call('stopRecording', { answerId, takeId })).toMatchObject({ ok: true })
  return readFileSync(join(server.dataDir, started.value.audioFile))
}

const mediaUrl = (answerId: string) => `${server.origin}/media/${audioOf.get(answerId) ?? `audio/${answerId}.wav`}`
const headers = { authorization: `Bearer ${TOKEN}` }

describe(`deleting audio while it streams`, () => {
  it(`${ROUNDS} deletes swept across the turns of the event loop: whole or 404, never a crash`, async () => {
    // The server runs in this process, so waiting 0…24 turns before the delete lands it at
    // every step of the server's handling, including between a check and the open (the
    // window the old stat-then-createReadStream code crashed in).
    mkdirSync(join(server.dataDir, 'audio'), { recursive: true })
    const bytes = Buffer.alloc(300_000, 7)
    const outcomes = { whole: 0, notFound: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const file = join(server.dataDir, 'audio', `sweep-${round}.wav`)
      writeFileSync(file, bytes)
      const response = fetch(mediaUrl(`sweep-${round}`), { headers }).then(async (res) => ({
        status: res.status,
        body: Buffer.from(await res.arrayBuffer())
      }))
      for (let turn = 0; turn < round % 25; turn++) await nextTurn()
      rmSync(file)
      const { status, body } = await response
      if (status === 404) outcomes.notFound += 1
      else {
        expect(status).toBe(200)
        expect(body.equals(bytes), `round ${round}: ${body.length} bytes`).toBe(true)
        outcomes.whole += 1
      }
    }
    expect(outcomes.whole + outcomes.notFound).toBe(ROUNDS)
    await assertAlive(server)
    expect(server.logs).toEqual([])
  })

  it(`${API_ROUNDS} answers deleted through the API while they play: whole or 404`, async () => {
    const outcomes = { fullAfterDelete: 0, notFound: 0, full: 0 }
    for (let round = 0; round < API_ROUNDS; round++) {
      const answerId = `race-${round}`
      const bytes = await recordAnswer(answerId)
      if (round % 2 === 0) {
        // Deterministic: the headers are out (the file is open), then the answer goes.
        const response = await fetch(mediaUrl(answerId), { headers })
        expect(response.status).toBe(200)
        expect(await server.call('deleteAnswer', { id: answerId })).toMatchObject({ ok: true })
        const body = Buffer.from(await response.arrayBuffer())
        expect(body.equals(bytes), `round ${round}: body of ${body.length} bytes`).toBe(true)
        outcomes.fullAfterDelete += 1
      } else {
        // Racing: whichever wins, the answer is whole or absent, never half.
        const [response] = await Promise.all([
          fetch(mediaUrl(answerId), { headers, ...(round % 4 === 1 ? { headers: { ...headers, range: 'bytes=1000-' } } : {}) }),
          server.call('deleteAnswer', { id: answerId })
        ])
        const body = Buffer.from(await response.arrayBuffer())
        if (response.status === 404) outcomes.notFound += 1
        else {
          const expected = round % 4 === 1 ? bytes.subarray(1000) : bytes
          expect([200, 206]).toContain(response.status)
          expect(body.equals(expected), `round ${round}: ${response.status} with ${body.length} bytes`).toBe(true)
          outcomes.full += 1
        }
      }
      expect((await fetch(mediaUrl(answerId), { headers })).status).toBe(404)
    }
    expect(outcomes.fullAfterDelete).toBe(API_ROUNDS / 2)
    expect(outcomes.notFound + outcomes.full).toBe(API_ROUNDS / 2)
    await assertAlive(server)
    expect(server.logs).toEqual([])
  }, 60_000)

  it('a client that walks away mid-stream leaves the server answering', async () => {
    const bytes = await recordAnswer('walk-away')
    for (let round = 0; round < 20; round++) {
      const controller = new AbortController()
      const response = await fetch(mediaUrl('walk-away'), { headers, signal: controller.signal })
      const reader = response.body!.getReader()
      await reader.read()
      controller.abort()
    }
    const whole = Buffer.from(await (await fetch(mediaUrl('walk-away'), { headers })).arrayBuffer())
    expect(whole.equals(bytes)).toBe(true)
    await assertAlive(server)
  })
})
