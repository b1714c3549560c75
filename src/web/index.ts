import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { builtBankWorker, findAppRoot } from '../backend/app-root'
import { createBackend } from '../backend/create-backend'
import { resolveDataDir } from '../backend/data-dir'
import { testClockFromEnv } from '../backend/test-clock'
import { createWebServer } from './server'
import { messageOf } from '@shared/errors'

/** Browser mode: `npm run web [-- --port <n>]`. Prints the one line with the tokened URL. */
function parsePort(argv: string[]): number {
  const index = argv.indexOf('--port')
  if (index === -1) return 4317
  const value = Number(argv[index + 1])
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`mockroom: --port takes a number from 0 to 65535 (got "${argv[index + 1] ?? ''}")`)
    process.exit(2)
  }
  return value
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2))
  const appRoot = findAppRoot(import.meta.url)
  const backend = await createBackend({ dataDir: resolveDataDir(), appRoot, host: 'web', now: testClockFromEnv(), warmUp: true, bankWorkerUrl: builtBankWorker(import.meta.url) })
  const token = randomBytes(24).toString('base64url')
  const server = createWebServer({ backend, rendererDir: join(appRoot, 'out', 'renderer'), port, token })
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is taken: try --port 0 for a free one)` : ''
    console.error(`mockroom: cannot listen on 127.0.0.1:${port}${hint}`)
    process.exit(1)
  })
  server.on('listening', () => {
    const { port: actual } = server.address() as AddressInfo
    console.log(`mockroom listening on http://127.0.0.1:${actual}/?token=${token}`)
  })
  const stop = () => {
    server.close()
    server.closeAllConnections()
    void backend.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main().catch((error: unknown) => {
  console.error(`mockroom: ${messageOf(error)}`)
  process.exit(1)
})
