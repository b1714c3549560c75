import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type * as FsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Backend } from '../create-backend'
import { createFixture, newDataDir, openBackend, secondOf, settled, until, type BackendFixture } from './backend-test-fixture'

/**
 * Start-up never dies on one bad file (issue 10, item 5): each case below used to stop the
 * backend from starting. Files the process may not open for writing are simulated (tests run
 * as root, where permissions do not stop anything).
 */
const unwritable = vi.hoisted(() => new Set<string>())
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  return {
    ...actual,
    open: (path: Parameters<typeof actual.open>[0], flags?: string | number, mode?: Parameters<typeof actual.open>[2]) => {
      if (unwritable.has(String(path)) && typeof flags === 'string' && /[+wa]/.test(flags)) {
        return Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' }))
      }
      return actual.open(path, flags, mode)
    }
  }
})

let fixture: BackendFixture

beforeAll(async () => {
  fixture = await createFixture(await mkdtemp(join(tmpdir(), 'mockroom-startup-')))
})

afterEach(async () => {
  unwritable.clear()
  for (const backend of fixture.backends.splice(0)) await backend.close()
})

afterAll(async () => {
  await rm(fixture.scratch, { recursive: true, force: true })
})

/** A data folder whose answer `id` was left mid-transcription (a slow whisper, then the app stopped). */
async function leftTranscribing(dataDir: string, id: string): Promise<void> {
  const backend = await openBackend(fixture, dataDir)
  await backend.api.startRecording({ answerId: id, sessionId: null, questionId: 'q1' })
  for (let seq = 0; seq < 2; seq++) await backend.api.appendAudio({ answerId: id, seq, pcmBase64: secondOf('tone') })
  await backend.api.stopRecording({ answerId: id, keyTerms: ['delay:60000'] })
  expect((await backend.api.getAnswer({ id })).state).toBe('transcribing')
  await backend.close()
}

/** A data folder whose answer `id` was left mid-recording (the app stopped between chunks). */
async function leftRecording(dataDir: string, id: string): Promise<void> {
  const backend = await openBackend(fixture, dataDir)
  await backend.api.startRecording({ answerId: id, sessionId: null, questionId: 'q1' })
  await backend.api.appendAudio({ answerId: id, seq: 0, pcmBase64: secondOf('tone') })
  await backend.close()
}

const quarantineNotice = (backend: Backend) =>
  until(async () => (await backend.api.listNotices({})).find((notice) => notice.kind === 'audio-quarantined'))

describe('start-up with damaged audio', () => {
  it('an answer left transcribing whose WAV is missing: marked failed with the reason, and the app starts', async () => {
    const dataDir = await newDataDir(fixture)
    await leftTranscribing(dataDir, 'gone')
    await rm(join(dataDir, 'audio', 'gone.t1.wav'))
    const backend = await openBackend(fixture, dataDir)
    const answer = await backend.api.getAnswer({ id: 'gone' })
    expect(answer).toMatchObject({ state: 'failed', audioFile: null, error: { code: 'AUDIO_DAMAGED', message: expect.stringMatching(/missing/) } })
    expect((await quarantineNotice(backend)).message).toMatch(/audio\/gone\.t1\.wav \(the audio file is missing\)/)
    // The backend works: a new take can be recorded for the same answer.
    expect((await backend.api.startRecording({ answerId: 'gone', sessionId: null, questionId: 'q1' })).currentTakeId).toBe('t2')
  })

  it('an answer left transcribing whose WAV is unreadable: the file is moved aside unchanged, the take failed', async () => {
    const dataDir = await newDataDir(fixture)
    await leftTranscribing(dataDir, 'junk')
    const garbage = Buffer.from('this is not a wav file at all')
    await writeFile(join(dataDir, 'audio', 'junk.t1.wav'), garbage)
    const backend = await openBackend(fixture, dataDir)
    const answer = await backend.api.getAnswer({ id: 'junk' })
    const movedTo = join(dataDir, 'quarantine', 'junk.t1.wav')
    expect(answer).toMatchObject({ state: 'failed', error: { code: 'AUDIO_DAMAGED', message: expect.stringContaining(movedTo) } })
    expect(readFileSync(movedTo).equals(garbage)).toBe(true)
    expect(existsSync(join(dataDir, 'audio', 'junk.t1.wav'))).toBe(false)
    expect(await quarantineNotice(backend)).toMatchObject({ path: join(dataDir, 'quarantine') })
  })

  it('a take left recording whose WAV is unreadable is quarantined too, and the other answers are recovered', async () => {
    const dataDir = await newDataDir(fixture)
    await leftRecording(dataDir, 'bad')
    await leftRecording(dataDir, 'good')
    await writeFile(join(dataDir, 'audio', 'bad.t1.wav'), 'RIFF....WAVEjunk')
    const backend = await openBackend(fixture, dataDir)
    expect(await backend.api.getAnswer({ id: 'bad' })).toMatchObject({ state: 'failed', error: { code: 'AUDIO_DAMAGED' } })
    expect(await settled(backend, 'good')).toMatchObject({ state: 'ready', recovered: true, durationMs: 1000 })
  })

  it('a folder named x.wav in audio/ is moved aside and the app starts with a notice', async () => {
    const dataDir = await newDataDir(fixture)
    await mkdir(join(dataDir, 'audio', 'x.wav', 'inside'), { recursive: true })
    await writeFile(join(dataDir, 'audio', 'x.wav', 'inside', 'keep.txt'), 'kept')
    const backend = await openBackend(fixture, dataDir)
    expect((await quarantineNotice(backend)).message).toMatch(/audio\/x\.wav \(it is a folder, not a file\)/)
    expect(readFileSync(join(dataDir, 'quarantine', 'x.wav', 'inside', 'keep.txt'), 'utf8')).toBe('kept')
    expect(readdirSync(join(dataDir, 'audio'))).toEqual([])
  })

  it('a WAV that cannot be opened read-write: set aside if it needed mending, left alone if it did not', async () => {
    const dataDir = await newDataDir(fixture)
    await leftRecording(dataDir, 'locked')
    await leftRecording(dataDir, 'readonly')
    const locked = join(dataDir, 'audio', 'locked.t1.wav')
    const readonly = join(dataDir, 'audio', 'readonly.t1.wav')
    // A crash mid-chunk: `locked` needs its header mended, which needs write access.
    await appendFile(locked, Buffer.alloc(3001))
    const size = statSync(locked).size
    unwritable.add(locked).add(readonly)
    const backend = await openBackend(fixture, dataDir)
    const answer = await backend.api.getAnswer({ id: 'locked' })
    expect(answer).toMatchObject({ state: 'failed', error: { code: 'AUDIO_DAMAGED', message: expect.stringMatching(/cannot be opened for writing \(EACCES\)/) } })
    expect(statSync(join(dataDir, 'quarantine', 'locked.t1.wav')).size).toBe(size)
    // Consistent and only read from here on: nothing to mend, nothing to set aside.
    expect(await settled(backend, 'readonly')).toMatchObject({ state: 'ready', durationMs: 1000, recovered: true })
  })

  it('empties the scratch folder inside the data folder at start, and keeps scratch there', async () => {
    const dataDir = await newDataDir(fixture)
    await mkdir(join(dataDir, 'tmp', 'mockroom-rec-left-by-a-crash'), { recursive: true })
    await writeFile(join(dataDir, 'tmp', 'mockroom-rec-left-by-a-crash', 'window-0.wav'), 'x')
    // Another mockroom (pid 1 is always running) keeps its scratch; a dead one's goes.
    await mkdir(join(dataDir, 'tmp', 'run-1'))
    await mkdir(join(dataDir, 'tmp', 'run-999999999'))
    const backend = await openBackend(fixture, dataDir, { windowCut: { minWindowMs: 60_000, maxWindowMs: 60_000 } })
    const own = `run-${process.pid}`
    expect(readdirSync(join(dataDir, 'tmp')).sort()).toEqual(['run-1', own].sort())
    expect(readdirSync(join(dataDir, 'tmp', own))).toEqual([])
    await backend.api.startRecording({ answerId: 's', sessionId: null, questionId: 'q1' })
    await until(() => (readdirSync(join(dataDir, 'tmp', own)).some((name) => name.startsWith('mockroom-rec-')) ? true : undefined))
    await backend.api.stopRecording({ answerId: 's', keyTerms: [] })
  })
})
