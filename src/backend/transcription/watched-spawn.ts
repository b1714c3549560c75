import { spawn, type ChildProcess } from 'node:child_process'

/**
 * whisper.cpp must not outlive mockroom. A child of a SIGKILLed process is not killed with it,
 * so whisper runs under a small watchdog (this same Node or Electron binary, run as Node): the
 * watchdog holds the read end of a pipe whose write end only mockroom has, and when mockroom
 * dies, however it dies, the pipe reaches end-of-file and the watchdog kills whisper.
 * Signals sent to the watchdog (a cancel) are passed on to whisper, whisper's exit code or
 * signal is passed back, and on POSIX both share a process group, so a SIGKILL to the group
 * ends both at once.
 */
export const WATCHDOG_SPAWN_FAILED = 127
export const WATCHDOG_PREFIX = 'mockroom-watchdog:'

const WATCHDOG_SOURCE = `
const { spawn } = require('node:child_process')
const { constants } = require('node:os')
const [binary, ...args] = process.argv.slice(1)
let exited = false
const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'inherit'], windowsHide: true })
const pass = (signal) => { if (!exited) { try { child.kill(signal) } catch {} } }
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => pass(signal === 'SIGHUP' ? 'SIGKILL' : signal))
process.stdin.on('end', () => pass('SIGKILL'))
process.stdin.on('error', () => pass('SIGKILL'))
process.stdin.resume()
child.on('error', (error) => {
  process.stderr.write('${WATCHDOG_PREFIX} cannot start ' + binary + ': ' + (error.code || error.message) + '\\n')
  process.exit(${WATCHDOG_SPAWN_FAILED})
})
child.on('exit', (code, signal) => {
  exited = true
  process.stdin.destroy()
  if (signal) {
    process.removeAllListeners(signal)
    process.kill(process.pid, signal)
    setTimeout(() => process.exit(128 + (constants.signals[signal] || 0)), 1000).unref()
  } else process.exit(code === null ? 1 : code)
})
`

export interface WatchedSpawnOptions {
  /** Whisper's stderr: piped to the caller (progress, errors), shared with ours, or dropped. */
  stderr: 'pipe' | 'inherit' | 'ignore'
}

/** Starts `binary` with `args` (no shell) under the watchdog; the ChildProcess is the watchdog. */
export function spawnWatched(binary: string, args: readonly string[], options: WatchedSpawnOptions): ChildProcess {
  const env = process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env
  return spawn(process.execPath, ['-e', WATCHDOG_SOURCE, binary, ...args], {
    shell: false,
    stdio: ['pipe', 'ignore', options.stderr],
    windowsHide: true,
    // Its own process group (POSIX), which whisper joins: see killWatched.
    detached: process.platform !== 'win32',
    env
  })
}

/**
 * Signals the watchdog, which passes the signal on to whisper. SIGKILL cannot be passed on,
 * so it goes to the whole process group instead.
 */
export function killWatched(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  if (signal === 'SIGKILL' && process.platform !== 'win32') {
    try {
      process.kill(-child.pid, 'SIGKILL')
      return
    } catch {
      // The group is already gone; fall through to the watchdog itself.
    }
  }
  child.kill(signal)
}
