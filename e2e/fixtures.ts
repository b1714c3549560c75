import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, _electron, type Browser, type Page } from '@playwright/test'

export type Target = 'web' | 'electron'
export const target: Target = process.env.E2E_TARGET === 'electron' ? 'electron' : 'web'

export interface AppHandle {
  page: Page
  dataDir: string
  /** Browser mode only: the server's origin and token, for raw HTTP checks. */
  server: { origin: string; token: string; port: number } | null
  /** Stops the app and starts it again on the same data directory. */
  restart(): Promise<void>
  close(): Promise<void>
}

const root = new URL('..', import.meta.url).pathname

export interface WebServerProcess {
  child: ChildProcess
  origin: string
  token: string
  port: number
  url: string
}

/** Starts `node out/main/web.js --port 0` and waits for its one "listening" line. */
export async function startWebServer(dataDir: string, extraArgs: string[] = []): Promise<WebServerProcess> {
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--port', '0', ...extraArgs], {
    env: { ...process.env, APP_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${stderr}`)), 20_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /mockroom listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web server exited with ${code}: ${stderr}`))
    })
  })
  const parsed = new URL(url)
  return { child, url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', port: Number(parsed.port) }
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

/** Every request the page makes must stay on this machine. */
function watchForeignRequests(page: Page, foreign: string[]): void {
  page.on('request', (request) => {
    const url = new URL(request.url())
    const local = ['file:', 'data:', 'blob:', 'devtools:'].includes(url.protocol) || url.hostname === '127.0.0.1'
    if (!local) foreign.push(request.url())
  })
}

async function launchWeb(browser: Browser, dataDir: string, foreign: string[]) {
  const server = await startWebServer(dataDir)
  const context = await browser.newContext()
  const page = await context.newPage()
  watchForeignRequests(page, foreign)
  await page.goto(server.url)
  return {
    page,
    server,
    close: async () => {
      await context.close()
      await stopProcess(server.child)
    }
  }
}

async function launchElectron(dataDir: string, foreign: string[]) {
  const app = await _electron.launch({ args: [root], env: { ...process.env, APP_DATA_DIR: dataDir } })
  const page = await app.firstWindow()
  watchForeignRequests(page, foreign)
  return { page, server: null, close: () => app.close() }
}

export const test = base.extend<{ app: AppHandle; freshDataDir: string }>({
  freshDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  app: async ({ browser, freshDataDir }, use) => {
    const foreign: string[] = []
    const launch = () => (target === 'electron' ? launchElectron(freshDataDir, foreign) : launchWeb(browser, freshDataDir, foreign))
    let current = await launch()
    const handle: AppHandle = {
      dataDir: freshDataDir,
      get page() {
        return current.page
      },
      get server() {
        return current.server
      },
      async restart() {
        await current.close()
        current = await launch()
      },
      close: () => current.close()
    }
    await use(handle)
    await current.close()
    expect(foreign, 'requests that left 127.0.0.1').toEqual([])
  }
})

export { expect }
