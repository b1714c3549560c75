import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from '@playwright/test'
import { stopProcess } from './web-server'

/**
 * `npm start` where the desktop app cannot run: browser mode, the browser opened where one can
 * be, one line that says so with the URL, and the server keeps serving. Runs after the build,
 * so scripts/web.mjs finds it current. `--browser` asks for browser mode on machines that do
 * have an Electron binary; without one it is what `npm start` does anyway.
 */
const root = new URL('..', import.meta.url).pathname

interface Started {
  child: ChildProcess
  lines: string[]
}

async function startScript(env: NodeJS.ProcessEnv, dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--browser', '--port', '0'], {
    cwd: root,
    env: { ...env, APP_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: string[] = []
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`npm start printed no URL: ${lines.join('\n')} ${stderr}`))
    }, 30_000)
    let buffer = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const parts = buffer.split('\n')
      buffer = parts.pop() ?? ''
      lines.push(...parts)
      if (lines.some((line) => line.includes('http://'))) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited with ${code}: ${stderr}`))
    })
  })
  return { child, lines }
}

function urlIn(line: string): string {
  return /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line)![1]!
}

let scratch: string
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'mockroom-start-'))
})
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }))

test('opens the default browser, says so in one line, and serves the app', async ({ page }) => {
  // A stand-in xdg-open that notes the URL it was asked to open.
  const bin = join(scratch, 'bin')
  const opened = join(scratch, 'opened.txt')
  mkdirSync(bin)
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`)
  chmodSync(join(bin, 'xdg-open'), 0o755)
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99' }
  delete env.WAYLAND_DISPLAY
  const { child, lines } = await startScript(env, join(scratch, 'data'))
  try {
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^mockroom: browser mode was asked for, so it runs in your browser: opened http:\/\/127\.0\.0\.1:\d+\/\?token=\S+ \(Ctrl\+C stops it\)$/)
    const url = urlIn(lines[0]!)
    expect(existsSync(opened) && readFileSync(opened, 'utf8')).toBe(url)
    await page.goto(url)
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  } finally {
    await stopProcess(child)
  }
  expect(child.exitCode ?? 0).toBe(0)
})

test('where no browser can be opened, prints the URL and keeps serving', async ({ page }) => {
  const env = { ...process.env }
  delete env.DISPLAY
  delete env.WAYLAND_DISPLAY
  const { child, lines } = await startScript(env, join(scratch, 'data'))
  try {
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^mockroom: browser mode was asked for, so it runs in your browser: open http:\/\/127\.0\.0\.1:\d+\/\?token=\S+ \(Ctrl\+C stops it\)$/)
    // Still serving a moment later.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(child.exitCode).toBeNull()
    await page.goto(urlIn(lines[0]!))
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  } finally {
    await stopProcess(child)
  }
})
