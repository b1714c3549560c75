import { appendFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AnswerRecord } from '@shared/answers'
import type { Backend } from '../create-backend'
import { whisperTestEnv, mustRunWhisperTests } from '../transcription/whisper-test-env'
import {
  RATE,
  collect,
  createFixture,
  newDataDir as newDir,
  openBackend,
  secondOf,
  settled,
  until,
  type BackendFixture
} from './backend-test-fixture'

let fixture: BackendFixture
const newDataDir = (withFakeModel = true) => newDir(fixture, withFakeModel)
const open = (dataDir: string, fake = true, windowCut: { minWindowMs: number; maxWindowMs: number } | undefined = { minWindowMs: 2000, maxWindowMs: 3000 }, recorderIdleMs?: number): Promise<Backend> =>
  openBackend(fixture, dataDir, { fake, windowCut, recorderIdleMs })

beforeAll(async () => {
  fixture = await createFixture(await mkdtemp(join(tmpdir(), 'mockroom-recording-')))
})

afterEach(async () => {
  for (const backend of fixture.backends.splice(0)) await backend.close()
})

afterAll(async () => {
  await rm(fixture.scratch, { recursive: true, force: true })
})

describe('recording through the API', () => {
  it('appends chunks to a WAV, transcribes windows while recording and joins them after Stop', async () => {
    const backend = await open(await newDataDir())
    const events = collect(backend)
    const started = await backend.api.startRecording({ answerId: 'a1', sessionId: null, questionId: 'q1', timeBoxMs: 60_000 })
    expect(started).toMatchObject({ status: 'recording', source: 'recorded', audioFile: 'audio/a1.t1.wav', timeBoxMs: 60_000, currentTakeId: 't1' })
    // 2 s of speech, 1 s pause, 2 s speech, 1 s pause, 1 s speech: two windows cut at pauses while recording.
    const plan = ['tone', 'tone', 'quiet', 'tone', 'tone', 'quiet', 'tone'] as const
    for (const [seq, kind] of plan.entries()) {
      const { receivedMs } = await backend.api.appendAudio({ answerId: 'a1', seq, pcmBase64: secondOf(kind) })
      expect(receivedMs).toBe((seq + 1) * 1000)
    }
    // A partial transcript arrives while the status is still 'recording'.
    const partial = await until(() =>
      events.map((e) => (e.name === 'answer' ? (e.payload as AnswerRecord) : undefined)).find((a) => a?.text.startsWith('fake words'))
    )
    expect(partial.status).toBe('recording')
    expect((await backend.api.getAnswer({ id: 'a1' })).status).toBe('recording')

    const stopped = await backend.api.stopRecording({ answerId: 'a1', keyTerms: ['Kafka'] })
    expect(stopped).toMatchObject({ status: 'transcribing', durationMs: 7000 })
    const done = await settled(backend, 'a1')
    expect(done.status).toBe('ready')
    expect(done.transcript?.durationMs).toBe(7000)
    expect(done.transcript?.model).toBe('ggml-fake.bin')
    const starts = done.transcript!.words.filter((w) => w.text === 'fake').map((w) => w.startMs)
    expect(starts.length).toBeGreaterThanOrEqual(2)
    expect(starts[0]).toBe(0)
    expect(starts[1]).toBeGreaterThanOrEqual(2000)
    expect(done.text).toBe(done.transcript!.text)
    const wav = await readFile(join(backend.dataDir, 'audio', 'a1.t1.wav'))
    expect(wav.readUInt32LE(24)).toBe(RATE)
    expect(wav.readUInt32LE(40)).toBe(7 * RATE * 2)
    expect(events.some((e) => e.name === 'transcriptionProgress' && (e.payload as { answerId: string }).answerId === 'a1')).toBe(true)
  })

  it('refuses chunks out of order and chunks for a recording that is not open', async () => {
    const backend = await open(await newDataDir())
    await expect(backend.api.appendAudio({ answerId: 'nope', seq: 0, pcmBase64: secondOf('tone') })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/No recording is open/)
    })
    await backend.api.startRecording({ answerId: 'a2', sessionId: null, questionId: 'q1' })
    await expect(backend.api.appendAudio({ answerId: 'a2', seq: 1, pcmBase64: secondOf('tone') })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/out of order/)
    })
    await backend.api.appendAudio({ answerId: 'a2', seq: 0, pcmBase64: secondOf('tone') })
    await expect(backend.api.appendAudio({ answerId: 'a2', seq: 0, pcmBase64: secondOf('tone') })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('fails with MODEL_MISSING, pointing at Settings → Models, when no model is installed', async () => {
    const backend = await open(await newDataDir(false))
    await backend.api.startRecording({ answerId: 'a3', sessionId: null, questionId: 'q1' })
    await backend.api.appendAudio({ answerId: 'a3', seq: 0, pcmBase64: secondOf('tone') })
    await backend.api.stopRecording({ answerId: 'a3', keyTerms: [] })
    const done = await settled(backend, 'a3')
    expect(done.status).toBe('failed')
    expect(done.error).toMatchObject({ code: 'MODEL_MISSING', message: expect.stringMatching(/Settings → Models/) })
  })

  it('finishes a recording cut off by a crash at the next start: recovered, playable up to its last chunk, transcribed', async () => {
    const dataDir = await newDataDir()
    const first = await open(dataDir)
    await first.api.startRecording({ answerId: 'crash', sessionId: null, questionId: 'q1' })
    for (let seq = 0; seq < 3; seq++) await first.api.appendAudio({ answerId: 'crash', seq, pcmBase64: secondOf('tone') })
    // A chunk cut mid-write: the data reached the disk, the header did not, and half a sample dangles.
    await appendFile(join(dataDir, 'audio', 'crash.t1.wav'), Buffer.alloc(RATE + 1))
    // Also an answer whose WAV is consistent but which was still recording (killed between chunks).
    await first.api.startRecording({ answerId: 'between', sessionId: null, questionId: 'q1' })
    await first.api.appendAudio({ answerId: 'between', seq: 0, pcmBase64: secondOf('tone') })

    await first.close()

    const second = await open(dataDir)
    const crash = await second.api.getAnswer({ id: 'crash' })
    expect(crash).toMatchObject({ recovered: true, status: 'transcribing', audioFile: 'audio/crash.t1.wav', durationMs: 3500 })
    expect(await second.api.getAnswer({ id: 'between' })).toMatchObject({ recovered: true, durationMs: 1000 })
    const wav = await readFile(join(dataDir, 'audio', 'crash.t1.wav'))
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44)
    const notice = await until(async () => (await second.api.listNotices({})).find((n) => n.kind === 'audio-recovered'))
    expect(notice.message).toMatch(/2 answers were recovered up to the last second/)
    // Nobody has to press anything: both transcribe themselves.
    expect(await settled(second, 'crash')).toMatchObject({ state: 'ready', text: 'fake words', recovered: true })
    expect(await settled(second, 'between')).toMatchObject({ state: 'ready', durationMs: 1000 })
  })

  it('queues two transcriptions, and a cancelled one frees the queue', async () => {
    const backend = await open(await newDataDir())
    for (const id of ['slow', 'next']) {
      await backend.api.startRecording({ answerId: id, sessionId: null, questionId: 'q1' })
      await backend.api.appendAudio({ answerId: id, seq: 0, pcmBase64: secondOf('tone') })
    }
    await backend.api.stopRecording({ answerId: 'slow', keyTerms: ['delay:30000'] })
    await backend.api.stopRecording({ answerId: 'next', keyTerms: [] })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await backend.api.getAnswer({ id: 'next' })).status).toBe('transcribing')
    const cancelled = await backend.api.cancelTranscription({ answerId: 'slow' })
    expect(cancelled).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } })
    expect((await settled(backend, 'next')).status).toBe('ready')
    expect((await backend.api.getAnswer({ id: 'slow' })).status).toBe('failed')
  })

  it('imports a WAV file as an answer and transcribes it', async () => {
    const backend = await open(await newDataDir())
    const stereo48k = Buffer.alloc(44 + 48_000 * 4)
    stereo48k.write('RIFF', 0, 'latin1')
    stereo48k.writeUInt32LE(stereo48k.length - 8, 4)
    stereo48k.write('WAVEfmt ', 8, 'latin1')
    stereo48k.writeUInt32LE(16, 16)
    stereo48k.writeUInt16LE(1, 20)
    stereo48k.writeUInt16LE(2, 22)
    stereo48k.writeUInt32LE(48_000, 24)
    stereo48k.writeUInt32LE(48_000 * 4, 28)
    stereo48k.writeUInt16LE(4, 32)
    stereo48k.writeUInt16LE(16, 34)
    stereo48k.write('data', 36, 'latin1')
    stereo48k.writeUInt32LE(48_000 * 4, 40)
    for (let i = 0; i < 48_000; i++) {
      const v = Math.round(9000 * Math.sin((2 * Math.PI * 220 * i) / 48_000))
      stereo48k.writeInt16LE(v, 44 + i * 4)
      stereo48k.writeInt16LE(v, 46 + i * 4)
    }
    const answer = await backend.api.importAnswerAudio({
      answerId: 'imp',
      sessionId: null,
      questionId: 'q1',
      fileName: 'take.wav',
      base64: stereo48k.toString('base64')
    })
    expect(answer).toMatchObject({ source: 'imported', status: 'transcribing', durationMs: 1000 })
    expect((await settled(backend, 'imp')).text).toBe('fake words')
    const stored = await readFile(join(backend.dataDir, 'audio', 'imp.t1.wav'))
    expect([stored.readUInt16LE(22), stored.readUInt32LE(24)]).toEqual([1, RATE])
    await expect(
      backend.api.importAnswerAudio({ answerId: 'bad', sessionId: null, questionId: 'q1', fileName: 'x.wav', base64: Buffer.from('nope').toString('base64') })
    ).rejects.toMatchObject({ code: 'INVALID_AUDIO', message: expect.stringMatching(/^x\.wav/) })
  })
})

describe('takes: nothing is replaced, nothing is left recording', () => {
  it('record again makes a new take with its own file; the first keeps its audio and transcript', async () => {
    const backend = await open(await newDataDir())
    await backend.api.startRecording({ answerId: 'r', sessionId: null, questionId: 'q1' })
    for (let seq = 0; seq < 2; seq++) await backend.api.appendAudio({ answerId: 'r', takeId: 't1', seq, pcmBase64: secondOf('tone') })
    await backend.api.stopRecording({ answerId: 'r', takeId: 't1', keyTerms: [] })
    await settled(backend, 'r')
    const again = await backend.api.startRecording({ answerId: 'r', sessionId: null, questionId: 'q1' })
    expect(again).toMatchObject({ currentTakeId: 't2', state: 'recording' })
    // A chunk meant for the old take is refused rather than written into the new one.
    await expect(backend.api.appendAudio({ answerId: 'r', takeId: 't1', seq: 0, pcmBase64: secondOf('tone') })).rejects.toMatchObject({ code: 'CONFLICT' })
    await backend.api.appendAudio({ answerId: 'r', takeId: 't2', seq: 0, pcmBase64: secondOf('tone') })
    await backend.api.stopRecording({ answerId: 'r', takeId: 't2', keyTerms: [] })
    const done = await settled(backend, 'r')
    expect(done.takes.map((t) => [t.id, t.state, t.durationMs, t.text])).toEqual([
      ['t1', 'ready', 2000, 'fake words'],
      ['t2', 'ready', 1000, 'fake words']
    ])
    expect(existsSync(join(backend.dataDir, 'audio', 'r.t1.wav')) && existsSync(join(backend.dataDir, 'audio', 'r.t2.wav'))).toBe(true)
    // Restoring and deleting takes, through the API.
    expect(await backend.api.restoreTake({ answerId: 'r', takeId: 't1' })).toMatchObject({ currentTakeId: 't1', durationMs: 2000 })
    expect(await backend.api.deleteTake({ answerId: 'r', takeId: 't2' })).toMatchObject({ currentTakeId: 't1', takes: [{ id: 't1' }] })
    expect(existsSync(join(backend.dataDir, 'audio', 'r.t2.wav'))).toBe(false)
  })

  it('a recording whose page goes quiet is closed with every chunk it got, and transcribed', async () => {
    const backend = await open(await newDataDir(), true, undefined, 300)
    await backend.api.startRecording({ answerId: 'gone', sessionId: null, questionId: 'q1' })
    for (let seq = 0; seq < 3; seq++) await backend.api.appendAudio({ answerId: 'gone', seq, pcmBase64: secondOf('tone') })
    // No Stop, no more chunks: the page went away.
    const done = await settled(backend, 'gone', 5000)
    expect(done).toMatchObject({ state: 'ready', recovered: true, durationMs: 3000, text: 'fake words' })
    const wav = await readFile(join(backend.dataDir, 'audio', 'gone.t1.wav'))
    expect(wav.readUInt32LE(40)).toBe(3 * RATE * 2)
    // A Stop that arrives late (the page's last request) finds the take safe and says so.
    expect(await backend.api.stopRecording({ answerId: 'gone', takeId: 't1', keyTerms: [] })).toMatchObject({ currentTakeId: 't1' })
  })

  it('a Stop sent as the page goes away waits for the chunk it overtook', async () => {
    const backend = await open(await newDataDir())
    await backend.api.startRecording({ answerId: 'race', sessionId: null, questionId: 'q1' })
    await backend.api.appendAudio({ answerId: 'race', seq: 0, pcmBase64: secondOf('tone') })
    const stopping = backend.api.stopRecording({ answerId: 'race', takeId: 't1', keyTerms: [], chunks: 2 })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await backend.api.appendAudio({ answerId: 'race', takeId: 't1', seq: 1, pcmBase64: secondOf('tone') })
    await stopping
    expect(await settled(backend, 'race')).toMatchObject({ durationMs: 2000 })
  })

  it('empty chunks keep a paused recording open past the idle limit', async () => {
    const backend = await open(await newDataDir(), true, undefined, 300)
    await backend.api.startRecording({ answerId: 'p', sessionId: null, questionId: 'q1' })
    await backend.api.appendAudio({ answerId: 'p', seq: 0, pcmBase64: secondOf('tone') })
    for (let seq = 1; seq <= 6; seq++) {
      await new Promise((resolve) => setTimeout(resolve, 150))
      await backend.api.appendAudio({ answerId: 'p', seq, pcmBase64: '' })
    }
    expect((await backend.api.getAnswer({ id: 'p' })).state).toBe('recording')
    await backend.api.appendAudio({ answerId: 'p', seq: 7, pcmBase64: secondOf('tone') })
    await backend.api.stopRecording({ answerId: 'p', keyTerms: [] })
    expect(await settled(backend, 'p')).toMatchObject({ recovered: false, durationMs: 2000 })
  })

  it('a new recording while another page still holds the answer open closes that take first, keeping it', async () => {
    const backend = await open(await newDataDir())
    await backend.api.startRecording({ answerId: 'two', sessionId: null, questionId: 'q1' })
    await backend.api.appendAudio({ answerId: 'two', seq: 0, pcmBase64: secondOf('tone') })
    await backend.api.appendAudio({ answerId: 'two', seq: 1, pcmBase64: secondOf('tone') })
    // The page reloaded and its user pressed Record again before the old take went quiet.
    const next = await backend.api.startRecording({ answerId: 'two', sessionId: null, questionId: 'q1' })
    expect(next.currentTakeId).toBe('t2')
    expect(next.takes[0]).toMatchObject({ id: 't1', state: 'transcribing', durationMs: 2000, recovered: true })
    await backend.api.stopRecording({ answerId: 'two', keyTerms: [] })
    const done = await settled(backend, 'two')
    expect(done.takes[0]).toMatchObject({ state: 'ready', durationMs: 2000 })
    expect(done.takes[1]).toMatchObject({ state: 'failed', error: { code: 'NO_AUDIO' } })
  })

  it('a transcript that arrives after its take was deleted or retried never lands anywhere else', async () => {
    const backend = await open(await newDataDir())
    await backend.api.startRecording({ answerId: 'late', sessionId: null, questionId: 'q1' })
    await backend.api.appendAudio({ answerId: 'late', seq: 0, pcmBase64: secondOf('tone') })
    await backend.api.stopRecording({ answerId: 'late', keyTerms: ['delay:1500'] })
    await backend.api.saveTypedAnswer({ id: 'late', sessionId: null, questionId: 'q1', text: 'typed while whisper ran' })
    await backend.api.deleteTake({ answerId: 'late', takeId: 't1' })
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const after = await backend.api.getAnswer({ id: 'late' })
    expect(after.takes.map((t) => [t.id, t.state, t.text])).toEqual([['t2', 'typed', 'typed while whisper ran']])
  })

  it('a take still recording cannot be deleted, restored away from, or corrected', async () => {
    const backend = await open(await newDataDir())
    await backend.api.saveTypedAnswer({ id: 'busy', sessionId: null, questionId: 'q1', text: 'first' })
    await backend.api.startRecording({ answerId: 'busy', sessionId: null, questionId: 'q1' })
    await expect(backend.api.deleteTake({ answerId: 'busy', takeId: 't2' })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' })
    await expect(backend.api.restoreTake({ answerId: 'busy', takeId: 't1' })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' })
    await expect(backend.api.updateAnswerText({ id: 'busy', takeId: 't2', text: 'x' })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' })
    expect((await backend.api.getAnswer({ id: 'busy' })).takes[0]).toMatchObject({ text: 'first' })
  })
})

describe('with the real whisper.cpp and the test model', () => {
  const env = whisperTestEnv()
  const run = 'ready' in env || mustRunWhisperTests ? it : it.skip
  run('records, transcribes and reports an empty transcript as ready, not as an error', async () => {
    if (!('ready' in env)) throw new Error(`whisper test environment incomplete: ${env.missing}`)
    const dataDir = await newDataDir(false)
    await mkdir(join(dataDir, 'models'), { recursive: true })
    const backend = await open(dataDir, false, undefined)
    await backend.api.importModel({ path: env.ready.model })
    const models = await backend.api.listModels({})
    expect(models.activePath).toMatch(/for-tests-ggml-tiny\.en\.bin$/)
    await backend.api.startRecording({ answerId: 'real', sessionId: null, questionId: 'q1' })
    const jfk = await readFile(env.ready.jfkWav)
    const pcm = jfk.subarray(44)
    let seq = 0
    for (let at = 0; at < pcm.length; at += RATE * 2) {
      await backend.api.appendAudio({ answerId: 'real', seq: seq++, pcmBase64: pcm.subarray(at, at + RATE * 2).toString('base64') })
    }
    await backend.api.stopRecording({ answerId: 'real', keyTerms: [] })
    const done = await settled(backend, 'real', 80_000)
    expect(done.status).toBe('ready')
    expect(done.transcript).not.toBeNull()
    expect(done.durationMs).toBeGreaterThan(10_000)
  }, 90_000)
})
