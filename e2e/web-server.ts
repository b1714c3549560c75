import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

/** Starting and stopping the built browser-mode server, for the e2e suite and the benchmarks. */
const root = new URL('..', import.meta.url).pathname

export interface WebServerProcess {
  child: ChildProcess
  origin: string
  token: string
  port: number
  url: string
}

/** Starts `node out/main/web.js --port 0` and waits for its one "listening" line. */
export async function startWebServer(dataDir: string, extraArgs: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<WebServerProcess> {
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--port', '0', ...extraArgs], {
    env: { ...process.env, ...extraEnv, APP_DATA_DIR: dataDir },
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


/** Calls a contract method on a running server as a client would, throwing on `ok: false`. */
export async function callApi<T>(server: Pick<WebServerProcess, 'origin' | 'token'>, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input)
  })
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value
}
