import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TranscriptSchema } from '@shared/transcript'
import { createWavHeader, encodeWhisperWav } from '../audio/wav-format'
import { GGML_MAGIC } from '../models/model-files'
import { Transcriber } from './transcriber'
import type { TranscriberEvents } from './transcriber'
import { whisperSupportsAudioContext } from './whisper-binary'
import { mustRunWhisperTests, whisperTestEnv } from './whisper-test-env'

/**
 * A stand-in for whisper.cpp's `main`, for what the real one cannot show deterministically
 * (queue order, cancelling a long job, exit codes). It takes the same arguments; its
 * behaviour is steered through --prompt ("delay:<ms>", "exit:<code>").
 */
const FAKE_WHISPER = `#!/usr/bin/env node
const fs = require('node:fs')
const args = process.argv.slice(2)
if (args.includes('--help')) {
  process.stderr.write('  -ac N,     --audio-ctx N       [0      ] audio context size (0 - all)\\n')
  process.exit(0)
}
const get = (flag) => args[args.indexOf(flag) + 1]
const prompt = get('--prompt') || ''
const delay = Number((/delay:(\\d+)/.exec(prompt) || [])[1] || 150)
const exit = Number((/exit:(\\d+)/.exec(prompt) || [])[1] || 0)
const wav = get('-f')
const head = fs.readFileSync(wav).subarray(0, 44)
const log = (entry) => fs.appendFileSync(process.env.FAKE_WHISPER_LOG, JSON.stringify({ ...entry, pid: process.pid, t: Date.now() }) + '\\n')
log({ event: 'start', wav, prompt, sampleRate: head.readUInt32LE(24), channels: head.readUInt16LE(22), args })
process.stderr.write('whisper_print_progress_callback: progress =  50%\\n')
setTimeout(() => {
  if (exit) {
    process.stderr.write('error: something went wrong in the fake\\n')
    process.exit(exit)
  }
  fs.writeFileSync(get('-of') + '.json', JSON.stringify({ transcription: [
    { offsets: { from: 0, to: 900 }, text: ' fake words', tokens: [
      { text: ' fake', offsets: { from: 0, to: 400 } }, { text: ' words', offsets: { from: 400, to: 900 } } ] } ] }))
  log({ event: 'end' })
}, delay)
`

interface LogEntry {
  event: 'start' | 'end'
  pid: number
  t: number
  wav: string
  prompt: string
  sampleRate: number
  channels: number
  args: string[]
}

let dir: string
let fakeBinary: string
let fakeModel: string
let speech: string
let logFile: string

async function readLog(): Promise<LogEntry[]> {
  const text = await readFile(logFile, 'utf8').catch(() => '')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogEntry)
}

function tone(seconds: number, amplitude = 0.3): Int16Array {
  return Int16Array.from({ length: 16_000 * seconds }, (_, i) => Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * 220 * i) / 16_000)))
}

function recordEvents(transcriber: Transcriber): string[] {
  const seen: string[] = []
  for (const name of ['started', 'finished'] as const) {
    transcriber.on(name, (event: TranscriberEvents[typeof name]) => seen.push(`${name}:${event.jobId}`))
  }
  return seen
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mockroom-transcriber-'))
  fakeBinary = join(dir, 'fake-whisper.cjs')
  await writeFile(fakeBinary, FAKE_WHISPER)
  await chmod(fakeBinary, 0o755)
  fakeModel = join(dir, 'ggml-fake.bin')
  await writeFile(fakeModel, Buffer.concat([GGML_MAGIC, Buffer.alloc(64)]))
  await mkdir(join(dir, 'x y'))
  speech = join(dir, 'x y', `it's a "test".wav`)
  await writeFile(speech, encodeWhisperWav(tone(1)))
  logFile = join(dir, 'fake.log')
  process.env.FAKE_WHISPER_LOG = logFile
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('Transcriber (queue, cancel and errors, against a stand-in binary)', () => {
  it('runs two requests one after the other, in order, with progress', async () => {
    await rm(logFile, { force: true })
    const transcriber = new Transcriber({ binaryPath: fakeBinary, tmpDir: dir })
    const events = recordEvents(transcriber)
    const progress: Array<[string, number]> = []
    transcriber.on('progress', (event) => progress.push([event.jobId, event.percent]))
    const first = transcriber.enqueue({ wavPath: speech, modelPath: fakeModel, prompt: 'delay:400' })
    const second = transcriber.enqueue({ wavPath: speech, modelPath: fakeModel, prompt: 'delay:50' })
    expect(transcriber.pending).toBe(2)
    const [a, b] = await Promise.all([first.result, second.result])
    expect(a).toEqual({
      text: 'fake words',
      segments: [{ startMs: 0, endMs: 900, text: 'fake words' }],
      words: [
        { startMs: 0, endMs: 400, text: 'fake' },
        { startMs: 400, endMs: 900, text: 'words' }
      ],
      durationMs: 1000,
      model: 'ggml-fake.bin'
    })
    expect(b.text).toBe('fake words')
    expect(events).toEqual([`started:${first.id}`, `finished:${first.id}`, `started:${second.id}`, `finished:${second.id}`])
    const log = await readLog()
    expect(log.map((entry) => entry.event)).toEqual(['start', 'end', 'start', 'end'])
    expect(log[2]!.t).toBeGreaterThanOrEqual(log[1]!.t)
    expect(progress.filter(([id]) => id === first.id).map(([, p]) => p)).toEqual([0, 50, 100])
    // The path with spaces and quotes reached the binary as one untouched argument.
    expect(log[0]!.wav).toBe(speech)
    // Greedy search, and the context sized to the 1 s of audio (50 a second, plus 64), since
    // this main's --help lists -ac.
    expect(log[0]!.args.join(' ')).toContain('-bs 1 -bo 5 -ac 114')
    expect(transcriber.pending).toBe(0)
    expect((await readdir(dir)).filter((name) => name.startsWith('mockroom-whisper-'))).toEqual([])
  })

  it('kills a cancelled running job, rejects it with CANCELLED and moves on', async () => {
    await rm(logFile, { force: true })
    const transcriber = new Transcriber({ binaryPath: fakeBinary, tmpDir: dir })
    const long = transcriber.enqueue({ wavPath: speech, modelPath: fakeModel, prompt: 'delay:30000' })
    const next = transcriber.enqueue({ wavPath: speech, modelPath: fakeModel, prompt: 'delay:50' })
    await new Promise<void>((resolve) => {
      const off = transcriber.on('progress', (event) => {
        if (event.jobId === long.id && event.percent === 50) {
          off()
          resolve()
        }
      })
    })
    const cancelledAt = Date.now()
    long.cancel()
    await expect(long.result).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(Date.now() - cancelledAt).toBeLessThan(3000)
    await expect(next.result).resolves.toMatchObject({ text: 'fake words' })
    const log = await readLog()
    const killed = log.find((entry) => entry.prompt === 'delay:30000')!
    expect(isAlive(killed.pid)).toBe(false)
    expect(log.filter((entry) => entry.pid === killed.pid).map((entry) => entry.event)).toEqual(['start'])
  })

  it('drops a cancelled queued job without ever starting it', async () => {
    await rm(logFile, { force: true })
    const transcriber = new Transcriber({ binaryPath: fakeBinary, tmpDir: dir })
    const controller = new AbortController()
    const a = transcriber.enqueue({ wavPath: speech, modelPath: fakeModel, prompt: 'delay:200 a' })
    const b = transcriber.transcribe({ wavPath: speech, modelPath: fakeModel, prompt: 'delay:50 b' }, { signal: controller.signal })
    const c = transcriber.enqueue({ wavPath: speech, modelPath: fakeModel, prompt: 'delay:50 c' })
    controller.abort()
    await expect(b).rejects.toMatchObject({ code: 'CANCELLED' })
    await Promise.all([a.result, c.result])
    expect((await readLog()).filter((e) => e.event === 'start').map((e) => e.prompt)).toEqual(['delay:200 a', 'delay:50 c'])
  })

  it('hands whisper a 16 kHz mono copy of audio in another format, then removes it', async () => {
    await rm(logFile, { force: true })
    const stereo = join(dir, 'stereo 44k.wav')
    const frames = 44_100
    const data = Buffer.alloc(frames * 4)
    for (let i = 0; i < frames; i++) {
      const value = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / 44_100))
      data.writeInt16LE(value, i * 4)
      data.writeInt16LE(value, i * 4 + 2)
    }
    await writeFile(stereo, Buffer.concat([createWavHeader(data.length, { encoding: 'pcm', sampleRate: 44_100, channels: 2, bitsPerSample: 16 }), data]))
    const transcriber = new Transcriber({ binaryPath: fakeBinary, tmpDir: dir })
    const transcript = await transcriber.transcribe({ wavPath: stereo, modelPath: fakeModel })
    expect(transcript.durationMs).toBe(1000)
    const [start] = await readLog()
    expect(start).toMatchObject({ sampleRate: 16_000, channels: 1 })
    expect(start!.wav).not.toBe(stereo)
    // The default prompt carries fillers so whisper keeps them.
    expect(start!.prompt).toMatch(/^Um, uh/)
    expect((await readdir(dir)).filter((name) => name.startsWith('mockroom-whisper-'))).toEqual([])
  })

  it('fails with a clear, typed error for each thing that can be wrong', async () => {
    const transcriber = new Transcriber({ binaryPath: fakeBinary, tmpDir: dir })
    const silent = join(dir, 'silent.wav')
    await writeFile(silent, encodeWhisperWav(new Int16Array(16_000 * 2)))
    const textWav = join(dir, 'notes.wav')
    await writeFile(textWav, 'these are my notes, not audio\n')
    const notAModel = join(dir, 'model.bin')
    await writeFile(notAModel, '<html>404</html>')

    await expect(transcriber.transcribe({ wavPath: speech, modelPath: join(dir, 'nope.bin') })).rejects.toMatchObject({
      code: 'MODEL_MISSING',
      message: expect.stringContaining('Settings → Models')
    })
    await expect(transcriber.transcribe({ wavPath: speech, modelPath: notAModel })).rejects.toMatchObject({ code: 'MODEL_INVALID' })
    await expect(transcriber.transcribe({ wavPath: silent, modelPath: fakeModel })).rejects.toMatchObject({
      code: 'NO_SPEECH',
      message: expect.stringContaining('No speech detected')
    })
    await expect(transcriber.transcribe({ wavPath: textWav, modelPath: fakeModel })).rejects.toMatchObject({
      code: 'INVALID_AUDIO',
      message: expect.stringContaining('not a WAV file')
    })
    await expect(transcriber.transcribe({ wavPath: speech, modelPath: fakeModel, prompt: 'exit:3' })).rejects.toMatchObject({
      code: 'WHISPER_FAILED',
      message: 'whisper.cpp exited with code 3: error: something went wrong in the fake'
    })
    const unbuilt = new Transcriber({ binaryPath: join(dir, 'vendor', 'whisper-main') })
    await expect(unbuilt.transcribe({ wavPath: speech, modelPath: fakeModel })).rejects.toMatchObject({
      code: 'WHISPER_BINARY_MISSING',
      message: expect.stringContaining('npm run build:whisper')
    })
  })
})

const real = whisperTestEnv()

describe.skipIf(!('ready' in real))('Transcriber with the real whisper.cpp and the test model', () => {
  const { binary, model, jfkWav } = 'ready' in real ? real.ready : { binary: '', model: '', jfkWav: '' }

  it('transcribes the JFK sample: valid transcript, duration from the header', async () => {
    const transcriber = new Transcriber({ binaryPath: binary })
    const progress: number[] = []
    transcriber.on('progress', (event) => progress.push(event.percent))
    const transcript = await transcriber.transcribe({ wavPath: jfkWav, modelPath: model, keyTerms: ['Americans', 'country'] })
    expect(TranscriptSchema.parse(transcript)).toEqual(transcript)
    expect(Math.abs(transcript.durationMs - 11_000)).toBeLessThanOrEqual(500)
    expect(transcript.model).toBe('for-tests-ggml-tiny.en.bin')
    expect(progress[0]).toBe(0)
    expect(progress.at(-1)).toBe(100)
  }, 60_000)

  it.runIf(!process.env.MOCKROOM_WHISPER_BIN)('has -ac in the main built at install, and a main without it is known not to', async () => {
    expect(await whisperSupportsAudioContext(binary)).toBe(true)
    const plain = join(dir, 'plain-main')
    await writeFile(plain, '#!/bin/sh\necho "usage: main [options]" >&2\n')
    await chmod(plain, 0o755)
    expect(await whisperSupportsAudioContext(plain)).toBe(false)
  })

  it('reports where whisper.cpp spent the time: the encode / decode split of each finished job', async () => {
    const transcriber = new Transcriber({ binaryPath: binary })
    const finished: Array<TranscriberEvents['finished']> = []
    transcriber.on('finished', (event) => finished.push(event))
    await transcriber.transcribe({ wavPath: jfkWav, modelPath: model })
    expect(finished).toHaveLength(1)
    const timings = finished[0]!.timings
    expect(timings?.encodeRuns).toBe(1)
    expect(timings?.encodeMs).toBeGreaterThan(0)
    expect(timings?.decodeRuns).toBeGreaterThanOrEqual(1)
    expect(timings!.totalMs).toBeGreaterThanOrEqual(timings!.encodeMs)
  }, 60_000)

  it('queues two real jobs and cancels a long one mid-run', async () => {
    const long = join(dir, 'long jfk.wav')
    const jfk = await readFile(jfkWav)
    // Six copies of the JFK samples: about a minute, two whisper windows.
    const samples = jfk.subarray(78)
    await writeFile(long, Buffer.concat([createWavHeader(samples.length * 6), ...Array.from({ length: 6 }, () => samples)]))

    const transcriber = new Transcriber({ binaryPath: binary })
    const events = recordEvents(transcriber)
    const first = transcriber.enqueue({ wavPath: jfkWav, modelPath: model })
    const second = transcriber.enqueue({ wavPath: jfkWav, modelPath: model })
    await Promise.all([first.result, second.result])
    expect(events).toEqual([`started:${first.id}`, `finished:${first.id}`, `started:${second.id}`, `finished:${second.id}`])

    const doomed = transcriber.enqueue({ wavPath: long, modelPath: model })
    const after = transcriber.enqueue({ wavPath: jfkWav, modelPath: model })
    transcriber.on('started', (event) => {
      if (event.jobId === doomed.id) setTimeout(() => doomed.cancel(), 300)
    })
    await expect(doomed.result).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(after.result).resolves.toMatchObject({ durationMs: 11_000 })
  }, 120_000)
})

if (!('ready' in real) && !mustRunWhisperTests) {
  it.skip(`real whisper.cpp tests skipped (set CI=true to make this an error): ${real.missing}`, () => undefined)
}

describe.runIf(!('ready' in real) && mustRunWhisperTests)('whisper test prerequisites', () => {
  it('are present under CI', () => {
    throw new Error(`cannot run the whisper.cpp tests: ${'missing' in real ? real.missing : ''}`)
  })
})
