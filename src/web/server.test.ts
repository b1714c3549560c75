import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findAppRoot } from '../backend/app-root'
import { createBackend } from '../backend/create-backend'
import { createWebServer } from './server'

const token = 'test-token'
let origin = ''
let close: () => void = () => undefined
const audio = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256))

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-web-'))
  mkdirSync(join(dataDir, 'audio'))
  writeFileSync(join(dataDir, 'audio', 'answer-1.wav'), audio)
  writeFileSync(join(dataDir, 'secret.txt'), 'not for you')
  const backend = await createBackend({ dataDir, appRoot: findAppRoot(import.meta.url), host: 'test' })
  const server = createWebServer({ backend, rendererDir: join(dataDir, 'no-renderer'), port: 0, token })
  await new Promise((resolve) => server.once('listening', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } })

describe('media route', () => {
  it('serves an answer’s audio whole, announcing range support', async () => {
    const response = await get('/media/audio/answer-1.wav')
    expect(response.status).toBe(200)
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await response.arrayBuffer()).equals(audio)).toBe(true)
  })

  it('serves byte ranges so the player can seek', async () => {
    const response = await get('/media/audio/answer-1.wav', { range: 'bytes=100-199' })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000')
    expect(Buffer.from(await response.arrayBuffer()).equals(audio.subarray(100, 200))).toBe(true)
    const tail = await get('/media/audio/answer-1.wav', { range: 'bytes=-10' })
    expect(Buffer.from(await tail.arrayBuffer()).equals(audio.subarray(990))).toBe(true)
    expect((await get('/media/audio/answer-1.wav', { range: 'bytes=5000-' })).status).toBe(416)
  })

  it.each(['/media/audio/missing.wav', '/media/secret.txt', '/media/audio/..%2Fsecret.txt', '/media/audio/../secret.txt', '/media/db.json'])(
    'answers 404 for %s',
    async (path) => {
      expect((await get(path)).status).toBe(404)
    }
  )

  it('requires the token like everything else', async () => {
    expect((await fetch(`${origin}/media/audio/answer-1.wav`)).status).toBe(401)
  })
})

describe('api route', () => {
  it('answers POST only', async () => {
    expect((await get('/api/getSettings')).status).toBe(405)
  })
})
