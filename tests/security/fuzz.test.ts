import fc from 'fast-check'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertAlive, startSecurityServer, TOKEN, type SecurityServer } from './harness'

/**
 * A bounded fuzz of browser mode's front door: random bytes and random request lines with
 * random headers, on raw sockets. Whatever arrives, the server answers with a status it
 * chose (never a 500 from a thrown handler), or closes the connection, and keeps serving.
 *
 * The seed is fixed so a run is reproducible; `FUZZ_SEED=<n>` explores another corner,
 * `FUZZ_RUNS=<n>` runs longer. Every run is also bounded in time.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_010)
const runs = Number(process.env.FUZZ_RUNS ?? 250)
const TIME_LIMIT_MS = 20_000
/** A safety net, not a wait: a connection the server neither answers nor closes fails the run. */
const STUCK_MS = 5_000

let server: SecurityServer
let cookie: string

beforeAll(async () => {
  server = await startSecurityServer()
  cookie = await server.login()
})
afterAll(() => server.close())

/**
 * Sends `bytes` and resolves with the status line's code (null when the server closed without
 * answering) as soon as a header block has arrived or the socket closed. Random bytes are
 * followed by a half-close, so an incomplete request ends at once; generated requests are
 * complete and ask for `Connection: close`, so the connection stays open for the answer
 * (Node's server drops a request whose client half-closes).
 */
function exchange(bytes: Uint8Array | string, halfClose: boolean): Promise<number | null> {
  return new Promise((resolve, reject) => {
    let received = ''
    let settled = false
    const socket = connect({ host: '127.0.0.1', port: server.port }, () => (halfClose ? socket.end(bytes) : socket.write(bytes)))
    const finish = () => {
      if (settled) return
      settled = true
      clearTimeout(stuck)
      socket.destroy()
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received)
      resolve(match ? Number(match[1]) : null)
    }
    const stuck = setTimeout(() => {
      settled = true
      socket.destroy()
      reject(new Error(`the server neither answered nor closed: ${JSON.stringify(Buffer.from(bytes).toString('latin1').slice(0, 200))}`))
    }, STUCK_MS)
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
      if (received.includes('\r\n\r\n')) finish()
    })
    socket.on('close', finish)
    socket.on('error', () => undefined) // a reset is the server's right; 'close' follows
  })
}

// Weighted toward well-formed requests, so most of the run gets past Node's parser and into
// ours, the guard and the routes; the rest is noise for the parser itself.
const methods = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'POST', 'HEAD'), weight: 14 },
  { arbitrary: fc.constantFrom('PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'PATCH', 'TRACE', 'get', 'G ET', ''), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }), weight: 1 }
)
// Pieces Node's parser lets through (so ours sees them) and pieces it rejects itself.
const pathPieces = fc.constantFrom(
  '/', '/api/', '/api/getSettings', '/api/events', '/api/listAnswers', '/media/', '/media/audio/', 'x.wav', '/assets/', 'assets/app.js',
  'index.html', '%2F', '%2e%2e', '%20', '..', '../', '//', '\\', '?', '?token=', TOKEN, '[', ']', '@', ':', '*', 'http://',
  'http://[', '127.0.0.1'
)
// Bad escapes fail our parser; the rest fail Node's.
const hostilePieces = fc.constantFrom('%', '%2', '%E0%A4%A', '%00', '#', ' ', '\t', '\u0000', '\u007f', 'é', '\uFFFF', '\uD800', '\r\n')
const targets = fc.oneof(
  { arbitrary: fc.array(pathPieces, { maxLength: 6 }).map((pieces) => `/${pieces.join('')}`), weight: 6 },
  { arbitrary: fc.array(pathPieces, { maxLength: 6 }).map((pieces) => pieces.join('')), weight: 1 },
  { arbitrary: fc.array(fc.oneof({ arbitrary: pathPieces, weight: 3 }, hostilePieces), { maxLength: 6 }).map((pieces) => `/${pieces.join('')}`), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 64 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 64 }).map((s) => `/${s}`), weight: 1 }
)
const versions = fc.oneof(
  { arbitrary: fc.constant('HTTP/1.1'), weight: 8 },
  { arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 ', 'HTTP/', '', 'http/1.1'), weight: 1 }
)
const cookieValues = fc.oneof(
  { arbitrary: fc.constant(null), weight: 8 },
  fc.string({ maxLength: 64 }),
  fc.constantFrom('%', '%E0%A4%A', '"', '=', ';', `${TOKEN}`),
  fc.string({ unit: 'binary-ascii', maxLength: 64 })
)
const headerSets = fc.record({
  host: fc.oneof({ arbitrary: fc.constant('good'), weight: 12 }, fc.constant(null), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary-ascii', maxLength: 30 })),
  auth: fc.constantFrom('none', 'bearer', 'bearer', 'cookie', 'cookie', 'bad'),
  plantedCookie: cookieValues,
  secFetchSite: fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'),
    fc.string({ maxLength: 12 })
  ),
  origin: fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    fc.constantFrom('null', 'http://evil.example', 'http://127.0.0.1:1'),
    fc.string({ maxLength: 20 })
  ),
  range: fc.oneof(fc.constant(null), fc.constantFrom('bytes=0-', 'bytes=-1', 'bytes=9-1', 'bytes=a-b', 'bytes=0-99999999999999999999')),
  body: fc.oneof(
    { arbitrary: fc.constant(''), weight: 3 },
    fc.constantFrom('{}', '{"theme":"dark"}', '[[[[[[', 'null', '{"__proto__":{"x":1}}', `{"id":"${'x'.repeat(300)}"}`),
    fc.string({ maxLength: 40 })
  )
})

type HeaderSet = typeof headerSets extends fc.Arbitrary<infer T> ? T : never

function requestText(method: string, target: string, version: string, h: HeaderSet) {
  const lines = [`${method} ${target} ${version}`, 'Connection: close']
  if (h.host === 'good') lines.push(`Host: 127.0.0.1:${server.port}`)
  else if (h.host !== null) lines.push(`Host: ${h.host}`)
  if (h.auth === 'bearer') lines.push(`Authorization: Bearer ${TOKEN}`)
  if (h.auth === 'bad') lines.push(`Authorization: Bearer ${TOKEN}x`)
  const cookies = [h.plantedCookie === null ? null : `${cookie.split('=')[0]}=${h.plantedCookie}`, h.auth === 'cookie' ? cookie : null].filter(Boolean)
  if (cookies.length) lines.push(`Cookie: ${cookies.join('; ')}`)
  if (h.secFetchSite !== null) lines.push(`Sec-Fetch-Site: ${h.secFetchSite}`)
  if (h.origin !== null) lines.push(`Origin: ${h.origin}`)
  if (h.range !== null) lines.push(`Range: ${h.range}`)
  if (h.body) lines.push(`Content-Type: application/json`, `Content-Length: ${Buffer.byteLength(h.body)}`)
  return `${lines.join('\r\n')}\r\n\r\n${h.body}`
}

describe('fuzzing the HTTP front door', () => {
  it('random bytes never kill the server', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2048 }), async (bytes) => {
        const status = await exchange(bytes, true)
        expect(status === null || status >= 400).toBe(true)
        expect(status).not.toBe(500)
      }),
      { seed, numRuns: runs, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] }
    )
    await assertAlive(server)
    expect(server.logs.filter((line) => line.includes('failed'))).toEqual([])
  }, TIME_LIMIT_MS + 10_000)

  it('random request lines and headers never kill the server nor make it throw', async () => {
    const statuses = new Map<number | null, number>()
    await fc.assert(
      fc.asyncProperty(methods, targets, versions, headerSets, async (method, target, version, headers) => {
        const status = await exchange(requestText(method, target, version, headers), false)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
        expect(status).not.toBe(500)
        // A request Node's parser accepts always gets an answer, whatever our code thinks of it.
        if (['GET', 'POST', 'HEAD'].includes(method) && version === 'HTTP/1.1' && /^\/[\x21-\x7e]*$/.test(target) && !target.includes('#')) {
          expect(status, 'a well-formed request went unanswered').not.toBeNull()
        }
      }),
      { seed, numRuns: runs * 2, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] }
    )
    await assertAlive(server)
    expect(server.logs.filter((line) => line.includes('failed'))).toEqual([])
    // The fuzz reached past the parser: some requests were refused by the guard or served.
    for (const status of [200, 400, 401, 403, 404]) expect(statuses.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(0)
  }, TIME_LIMIT_MS + 10_000)
})
