import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { browserCommand, openBrowser } from '../scripts/open-browser.mjs'

// The whole `npm start` in browser mode (server up, one line, browser opened) is covered by
// e2e/start-script.spec.ts, which runs after the build; here, how the browser gets opened.

const url = 'http://127.0.0.1:4317/?token=abc'

describe('browserCommand', () => {
  it.each([
    ['darwin', {}, { command: 'open', args: [url] }],
    ['win32', {}, { command: 'cmd', args: ['/c', 'start', '""', `"${url}"`] }],
    ['linux', { DISPLAY: ':0' }, { command: 'xdg-open', args: [url] }],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, { command: 'xdg-open', args: [url] }],
    ['freebsd', { DISPLAY: ':1' }, { command: 'xdg-open', args: [url] }]
  ])('on %s %j opens with the platform opener', (platform, env, expected) => {
    expect(browserCommand(url, { platform, env })).toEqual(expected)
  })

  it('does not try on a Linux machine without a graphical session (no terminal browser takes over)', () => {
    expect(browserCommand(url, { platform: 'linux', env: {} })).toBeNull()
  })

  it('keeps a URL with & in one piece for cmd', () => {
    expect(browserCommand('http://127.0.0.1:1/?a=1&b=2', { platform: 'win32', env: {} })?.args.at(-1)).toBe('"http://127.0.0.1:1/?a=1&b=2"')
  })
})

type FakeChild = EventEmitter & { unref: () => void }

function fakeSpawn(behave: (child: FakeChild) => void) {
  const calls: { command: string; args: string[]; options: Record<string, unknown> }[] = []
  const spawn = ((command: string, args: string[], options: Record<string, unknown>) => {
    calls.push({ command, args, options })
    const child = Object.assign(new EventEmitter(), { unref: () => undefined })
    setTimeout(() => behave(child), 5)
    return child
  }) as unknown as NonNullable<Parameters<typeof openBrowser>[1]>['spawn']
  return { spawn, calls }
}

describe('openBrowser', () => {
  const linux = { platform: 'linux', env: { DISPLAY: ':0' } }

  it('starts the opener detached with no stdio, and reports success when it exits 0', async () => {
    const { spawn, calls } = fakeSpawn((child) => child.emit('exit', 0))
    await expect(openBrowser(url, { ...linux, spawn })).resolves.toBe(true)
    expect(calls).toEqual([{ command: 'xdg-open', args: [url], options: expect.objectContaining({ detached: true, stdio: 'ignore', shell: false }) }])
  })

  it('reports failure when the opener exits non-zero', async () => {
    const { spawn } = fakeSpawn((child) => child.emit('exit', 3))
    await expect(openBrowser(url, { ...linux, spawn })).resolves.toBe(false)
  })

  it('reports failure, never throws, when the opener is missing', async () => {
    const { spawn } = fakeSpawn((child) => child.emit('error', Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' })))
    await expect(openBrowser(url, { ...linux, spawn })).resolves.toBe(false)
    const throwing = (() => {
      throw new Error('EPERM')
    }) as unknown as NonNullable<Parameters<typeof openBrowser>[1]>['spawn']
    await expect(openBrowser(url, { ...linux, spawn: throwing })).resolves.toBe(false)
  })

  it('counts an opener still running after the settle time as success (it waits for the browser)', async () => {
    const { spawn } = fakeSpawn(() => undefined)
    await expect(openBrowser(url, { ...linux, spawn, settleMs: 30 })).resolves.toBe(true)
  })

  it('does not spawn anything where no browser can be opened', async () => {
    const { spawn, calls } = fakeSpawn((child) => child.emit('exit', 0))
    await expect(openBrowser(url, { platform: 'linux', env: {}, spawn })).resolves.toBe(false)
    expect(calls).toHaveLength(0)
  })
})
