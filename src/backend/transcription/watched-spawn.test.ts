import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { WATCHDOG_SPAWN_FAILED, killWatched, spawnWatched } from './watched-spawn'

/**
 * The watchdog that ties whisper.cpp's life to mockroom's. A stand-in for whisper (this Node,
 * running a script) announces itself on stderr; every process involved shares that stderr
 * pipe, so its end-of-file is the event that says all of them are gone (no polling).
 */
const fakeWhisper = (script: string) => ['-e', `process.stderr.write('whisper-up\\n'); ${script}`]
const FOREVER = 'setInterval(() => {}, 1e6)'

function collect(child: ChildProcess): { text: () => string; ended: Promise<void>; saw: (text: string) => Promise<void> } {
  let text = ''
  const waiters: Array<[string, () => void]> = []
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    text += chunk
    for (const [wanted, resolve] of waiters) if (text.includes(wanted)) resolve()
  })
  const ended = new Promise<void>((resolve) => child.stderr!.on('end', resolve))
  return {
    text: () => text,
    ended,
    saw: (wanted) => new Promise<void>((resolve) => (text.includes(wanted) ? resolve() : waiters.push([wanted, resolve])))
  }
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })))

describe('spawnWatched', () => {
  it('kills whisper when mockroom is SIGKILLed', async () => {
    const module = fileURLToPath(new URL('./watched-spawn.ts', import.meta.url))
    // A stand-in for mockroom: loads the real module, starts the watched fake whisper, waits.
    const parentScript = `import(${JSON.stringify(module)}).then((m) => { m.spawnWatched(process.argv[1], process.argv.slice(2), { stderr: 'inherit' }) }); ${FOREVER}`
    const parent = spawn(process.execPath, ['--import', 'tsx', '-e', parentScript, process.execPath, ...fakeWhisper(FOREVER)], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    const stderr = collect(parent)
    await stderr.saw('whisper-up')
    parent.kill('SIGKILL')
    // Resolves only once mockroom, the watchdog and whisper have all exited.
    await stderr.ended
    expect(stderr.text()).toBe('whisper-up\n')
  }, 30_000)

  it('passes whisper’s exit code and signal back', async () => {
    const failed = spawnWatched(process.execPath, fakeWhisper('process.exit(3)'), { stderr: 'pipe' })
    expect(await exitOf(failed)).toEqual({ code: 3, signal: null })
    const killed = spawnWatched(process.execPath, fakeWhisper("process.kill(process.pid, 'SIGKILL')"), { stderr: 'pipe' })
    expect(await exitOf(killed)).toEqual({ code: null, signal: 'SIGKILL' })
  })

  it('says so when whisper cannot start', async () => {
    const child = spawnWatched('/nonexistent/whisper-main', [], { stderr: 'pipe' })
    const stderr = collect(child)
    expect(await exitOf(child)).toEqual({ code: WATCHDOG_SPAWN_FAILED, signal: null })
    expect(stderr.text()).toMatch(/^mockroom-watchdog: cannot start \/nonexistent\/whisper-main: ENOENT\n$/)
  })

  it('passes a cancel (SIGTERM) on to whisper', async () => {
    const child = spawnWatched(process.execPath, fakeWhisper(`process.on('SIGTERM', () => { process.stderr.write('whisper got SIGTERM\\n'); process.exit(0) }); ${FOREVER}`), { stderr: 'pipe' })
    const stderr = collect(child)
    await stderr.saw('whisper-up')
    killWatched(child, 'SIGTERM')
    expect(await exitOf(child)).toEqual({ code: 0, signal: null })
    expect(stderr.text()).toContain('whisper got SIGTERM')
  })

  it('ends whisper and the watchdog together on SIGKILL, even when whisper ignores SIGTERM', async () => {
    const child = spawnWatched(process.execPath, fakeWhisper(`process.on('SIGTERM', () => {}); ${FOREVER}`), { stderr: 'pipe' })
    const stderr = collect(child)
    const exit = exitOf(child)
    await stderr.saw('whisper-up')
    killWatched(child, 'SIGKILL')
    await stderr.ended
    expect((await exit).signal).toBe('SIGKILL')
  })
})
