import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, _electron, type Browser, type Page } from '@playwright/test'
import { startWebServer, stopProcess } from './web-server'

export { startWebServer, stopProcess, type WebServerProcess } from './web-server'

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

/** Calls the backend the way the renderer does in browser mode (the page holds the cookie). */
export async function callInPage<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!result.ok) throw new Error(result.error?.message)
      return result.value
    },
    [method, input] as const
  ) as Promise<T>
}
