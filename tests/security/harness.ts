import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findAppRoot } from '../../src/backend/app-root'
import { createBackend, type Backend } from '../../src/backend/create-backend'
import { createWebServer } from '../../src/web/server'

/**
 * The real browser-mode server (createWebServer over a real backend, in this process) on a
 * free port with a fresh data folder. If a request could crash it, the crash is an uncaught
 * exception in the test process, which fails the run.
 */
export interface SecurityServer {
  origin: string
  port: number
  token: string
  dataDir: string
  backend: Backend
  /** Lines the server logged (request failures): a healthy run logs none. */
  logs: string[]
  /** Logs in with the token the way a browser does and returns the `name=value` cookie. */
  login(): Promise<string>
  /** POSTs a contract method with the bearer token. */
  call<T = unknown>(method: string, input?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>
  close(): Promise<void>
}

export const TOKEN = 'security-suite-token'

export async function startSecurityServer(options: { maxEventClients?: number; dataDir?: string } = {}): Promise<SecurityServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mockroom-sec-'))
  const rendererDir = join(dataDir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>mockroom</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  const backend = await createBackend({ dataDir, appRoot: findAppRoot(import.meta.url), host: 'test' })
  const logs: string[] = []
  const server = createWebServer({
    backend,
    rendererDir,
    port: 0,
    token: TOKEN,
    maxEventClients: options.maxEventClients,
    log: (line) => logs.push(line)
  })
  await new Promise((resolve) => server.once('listening', resolve))
  const port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    port,
    token: TOKEN,
    dataDir,
    backend,
    logs,
    async login() {
      const response = await fetch(`${origin}/?token=${TOKEN}`, { redirect: 'manual' })
      const cookie = response.headers.getSetCookie()[0] ?? ''
      return cookie.split(';')[0] ?? ''
    },
    async call(method, input = {}) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(input)
      })
      return (await response.json()) as never
    },
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await backend.close()
    }
  }
}

/**
 * Sends raw bytes on a fresh connection and resolves with everything the server wrote once it
 * closes the connection: every request these tests send is refused (the server then closes)
 * or asks for `Connection: close`, so no timer is needed. The connection is not half-closed,
 * as browsers never do: Node's server aborts a request whose client half-closes.
 */
export function rawRequest(port: number, bytes: string | Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(bytes))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may reset a connection it refused before reading all we sent.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return
      reject(error)
    })
  })
}

/** The status code of a raw HTTP response, or null when the server closed without one. */
export function statusOf(response: string): number | null {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(response)
  return match ? Number(match[1]) : null
}

/** A well-formed request proving the server still answers, authenticated or not. */
export async function assertAlive(server: SecurityServer): Promise<void> {
  const result = await server.call<{ theme: string }>('getSettings')
  if (!result.ok) throw new Error(`server answered ${JSON.stringify(result)}`)
}
