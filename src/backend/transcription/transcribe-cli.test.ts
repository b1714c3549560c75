import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TranscriptSchema } from '@shared/transcript'
import { findAppRoot } from '../app-root'
import { encodeWhisperWav } from '../audio/wav-format'
import { resolveDataDir } from '../data-dir'
import { mustRunWhisperTests, whisperTestEnv } from './whisper-test-env'

/**
 * `npm run -s cli -- transcribe …` as a user runs it: a real process through the CLI
 * dispatcher, checked by exit code, stdout and stderr.
 */
const root = findAppRoot(import.meta.url)
const real = whisperTestEnv()
let dir: string

interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, APP_DATA_DIR: join(dir, 'empty-data-dir'), ...env }
  delete childEnv.WHISPER_MODEL
  if (env.WHISPER_MODEL) childEnv.WHISPER_MODEL = env.WHISPER_MODEL
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/index.ts', 'transcribe', ...args], {
      cwd: root,
      env: childEnv,
      shell: false
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** One clear line: the error code and what to do. */
function expectOneErrorLine(result: CliResult, code: string, hint: RegExp): void {
  expect(result.code).not.toBe(0)
  expect(result.stdout).toBe('')
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(code)
  expect(lines[0]).toMatch(hint)
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mockroom-cli-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.skipIf(!('ready' in real))('cli transcribe', () => {
  const { binary, model, jfkWav } = 'ready' in real ? real.ready : { binary: '', model: '', jfkWav: '' }
  const env = { MOCKROOM_WHISPER_BIN: binary }

  it('transcribes the JFK sample to JSON (the test model hears nothing, but it is not silence)', async () => {
    const result = await cli([jfkWav, '--model', model, '--json'], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const transcript = TranscriptSchema.parse(JSON.parse(result.stdout))
    expect(Math.abs(transcript.durationMs - 11_000)).toBeLessThanOrEqual(500)
    expect(transcript.model).toBe('for-tests-ggml-tiny.en.bin')
  }, 60_000)

  it('handles a path with spaces and quotes', async () => {
    await mkdir(join(dir, 'x y'), { recursive: true })
    const awkward = join(dir, 'x y', `it's a "test".wav`)
    await copyFile(jfkWav, awkward)
    const result = await cli([awkward, '--json'], { ...env, WHISPER_MODEL: model })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ durationMs: 11_000 })
  }, 60_000)

  it('finds the first model installed in the data directory', async () => {
    const dataDir = join(dir, 'data dir')
    await mkdir(join(dataDir, 'models'), { recursive: true })
    await copyFile(model, join(dataDir, 'models', 'ggml-tiny.en.bin'))
    const result = await cli([jfkWav, '--json'], { ...env, APP_DATA_DIR: dataDir })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ model: 'ggml-tiny.en.bin' })
  }, 60_000)

  it('explains a missing model', async () => {
    expectOneErrorLine(await cli([jfkWav, '--model', join(dir, 'no-such-model.bin'), '--json'], env), 'MODEL_MISSING', /Settings → Models/)
    expectOneErrorLine(await cli([jfkWav, '--json'], env), 'MODEL_MISSING', /^mockroom: MODEL_MISSING: No Whisper model found\. .*--model/)
  }, 60_000)

  it('rejects a text file renamed .wav and silent audio', async () => {
    const fake = join(dir, 'notes.wav')
    await writeFile(fake, 'Dear diary, today I practised system design.\n')
    expectOneErrorLine(await cli([fake, '--model', model, '--json'], env), 'INVALID_AUDIO', /not a WAV file/)
    const silent = join(dir, 'silent.wav')
    await writeFile(silent, encodeWhisperWav(new Int16Array(16_000 * 3)))
    expectOneErrorLine(await cli([silent, '--model', model, '--json'], env), 'NO_SPEECH', /No speech detected/)
  }, 60_000)

  it('explains a missing whisper.cpp binary', async () => {
    const result = await cli([jfkWav, '--model', model, '--json'], { MOCKROOM_WHISPER_BIN: join(dir, 'not-built', 'whisper-main') })
    expectOneErrorLine(result, 'WHISPER_BINARY_MISSING', /npm run build:whisper/)
  }, 60_000)

  it('prints usage for a missing argument', async () => {
    const result = await cli(['--json'], env)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/missing the WAV file/)
  }, 60_000)
})

if (!('ready' in real) && !mustRunWhisperTests) {
  it.skip(`real CLI transcription tests skipped (set CI=true to make this an error): ${real.missing}`, () => undefined)
}

describe.runIf(!('ready' in real) && mustRunWhisperTests)('cli transcribe prerequisites', () => {
  it('are present under CI', () => {
    throw new Error(`cannot run the CLI transcription tests: ${'missing' in real ? real.missing : ''}`)
  })
})

describe('resolveDataDir', () => {
  it('prefers APP_DATA_DIR, then the folder Electron would use for userData', () => {
    expect(resolveDataDir({ APP_DATA_DIR: '/tmp/d' }, 'linux', '/home/u')).toBe('/tmp/d')
    expect(resolveDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/mockroom')
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/mockroom')
    expect(resolveDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.config/mockroom')
    expect(resolveDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/mockroom')
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\mockroom')
  })
})
