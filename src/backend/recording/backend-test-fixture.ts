import { chmod, copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AnswerRecord } from '@shared/answers'
import type { EventName } from '@shared/contract'
import { findAppRoot } from '../app-root'
import { createBackend, type Backend, type BackendOptions } from '../create-backend'
import { GGML_MAGIC } from '../models'
import { Transcriber } from '../transcription'

/**
 * Test fixture for the recording tests (not production code): a real backend over a scratch
 * data folder with a stand-in for whisper.cpp. "delay:<ms>" in the prompt slows the fake
 * whisper down; "fail:1" makes it crash.
 */
const FAKE_WHISPER = `#!/usr/bin/env node
const fs = require('node:fs')
const args = process.argv.slice(2)
if (args.includes('--help')) process.exit(0) // asked which options it has: none worth naming
const get = (flag) => args[args.indexOf(flag) + 1]
const prompt = get('--prompt') || ''
const delay = Number((/delay:(\\d+)/.exec(prompt) || [])[1] || 50)
if (/fail:1/.test(prompt)) { process.stderr.write('fake whisper: failing on purpose\\n'); process.exit(3) }
process.stderr.write('whisper_print_progress_callback: progress =  50%\\n')
setTimeout(() => {
  fs.writeFileSync(get('-of') + '.json', JSON.stringify({ transcription: [
    { offsets: { from: 0, to: 900 }, text: ' fake words', tokens: [
      { text: ' fake', offsets: { from: 0, to: 400 } }, { text: ' words', offsets: { from: 400, to: 900 } } ] } ] }))
}, delay)
`

export const RATE = 16_000
const appRoot = findAppRoot(import.meta.url)

export interface BackendFixture {
  scratch: string
  fakeBinary: string
  /** An app folder with only the smallest built-in bank, so a backend that looks a question up parses little. */
  appRoot: string
  backends: Backend[]
}

export async function createFixture(scratch: string): Promise<BackendFixture> {
  const fakeBinary = join(scratch, 'fake-whisper.cjs')
  await writeFile(fakeBinary, FAKE_WHISPER)
  await chmod(fakeBinary, 0o755)
  const miniRoot = join(scratch, 'app')
  await mkdir(join(miniRoot, 'question-banks'), { recursive: true })
  await copyFile(join(appRoot, 'package.json'), join(miniRoot, 'package.json'))
  for (const bank of ['behavioral-and-netflix-case.md', 'star-rubric.md']) {
    await copyFile(join(appRoot, 'question-banks', bank), join(miniRoot, 'question-banks', bank))
  }
  return { scratch, fakeBinary, appRoot: miniRoot, backends: [] }
}

/**
 * A voiced buzz: 120 Hz and its harmonics at a syllable rate, which a voice activity detector
 * takes for speech (a pure sine it does not).
 */
export function voicedSample(i: number): number {
  let value = 0
  for (let harmonic = 1; harmonic <= 30; harmonic++) value += Math.sin((2 * Math.PI * 120 * harmonic * i) / RATE) / harmonic
  return Math.round(6000 * value * (0.6 + 0.4 * Math.sin((2 * Math.PI * 4 * i) / RATE)))
}

/** One second of PCM: speech-like sound (`tone`), or near-silence (`quiet`), as base64 like the renderer sends. */
export function secondOf(kind: 'tone' | 'quiet'): string {
  const samples = Int16Array.from({ length: RATE }, (_, i) => (kind === 'tone' ? voicedSample(i) : (i % 3) - 1))
  return Buffer.from(samples.buffer).toString('base64')
}

export async function newDataDir(fixture: BackendFixture, withFakeModel = true): Promise<string> {
  const dataDir = await mkdtemp(join(fixture.scratch, 'data-'))
  if (withFakeModel) {
    await mkdir(join(dataDir, 'models'), { recursive: true })
    await writeFile(join(dataDir, 'models', 'ggml-fake.bin'), Buffer.concat([GGML_MAGIC, Buffer.alloc(64)]))
  }
  return dataDir
}

export async function openBackend(
  fixture: BackendFixture,
  dataDir: string,
  options: { fake?: boolean } & Partial<Pick<BackendOptions, 'windowCut' | 'recorderIdleMs'>> = {}
): Promise<Backend> {
  const backend = await createBackend({
    dataDir,
    appRoot: fixture.appRoot,
    host: 'test',
    transcriber: options.fake === false ? undefined : new Transcriber({ binaryPath: fixture.fakeBinary, tmpDir: fixture.scratch }),
    windowCut: 'windowCut' in options ? options.windowCut : { minWindowMs: 2000, maxWindowMs: 3000 },
    recorderIdleMs: options.recorderIdleMs
  })
  fixture.backends.push(backend)
  return backend
}

export function collect(backend: Backend) {
  const seen: Array<{ name: EventName; payload: unknown }> = []
  backend.events.subscribe((name, payload) => seen.push({ name, payload }))
  return seen
}

export async function until<T>(read: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const settledStates = new Set(['ready', 'failed', 'typed'])

/** Waits until every take of the answer is done recording and transcribing. */
export const settled = (backend: Backend, id: string, timeoutMs?: number): Promise<AnswerRecord> =>
  until(async () => {
    const answer = await backend.api.getAnswer({ id })
    return answer.takes.length > 0 && answer.takes.every((take) => settledStates.has(take.state)) ? answer : undefined
  }, timeoutMs)
