import { request } from 'node:http'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECURITY_HEADERS } from '../../src/web/server'
import { assertAlive, rawRequest, startSecurityServer, statusOf, TOKEN, type SecurityServer } from './harness'

/**
 * The HTTP front door of browser mode against the reproductions of issue 10: malformed
 * request lines and cookies that used to crash the server before authentication, cookies
 * from other ports, framing, and the event-stream cap.
 */
let server: SecurityServer
let cookie: string

beforeAll(async () => {
  server = await startSecurityServer({ maxEventClients: 2 })
  cookie = await server.login()
})
afterAll(() => server.close())

/** A plain GET through node:http, which (unlike fetch) lets us set Host and Sec-Fetch-* freely. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = ''
      res.setEncoding('latin1')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('malformed request lines are a 400 before and apart from authentication', () => {
  const host = () => `Host: 127.0.0.1:${server.port}\r\n`
  const auth = `Authorization: Bearer ${TOKEN}\r\n`
  // [name, request]: every one of these is refused with 400 (431 for oversized headers)
  // whether or not it carries the token, and the server keeps answering.
  const shapes: Array<[string, (credentials: string) => string, number]> = [
    ['absolute-form with a broken IPv6 authority (the crash)', (c) => `GET http://[ HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['absolute-form with our own authority', (c) => `GET http://127.0.0.1:${server.port}/ HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['absolute-form with a foreign authority', (c) => `GET http://evil.example/api/getSettings HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['asterisk-form GET', (c) => `GET * HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['asterisk-form OPTIONS', (c) => `OPTIONS * HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['a lone percent sign in the path', (c) => `GET /% HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['a lone percent sign in a media path', (c) => `GET /media/audio/% HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['a truncated UTF-8 escape', (c) => `GET /%E0%A4%A HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['an overlong UTF-8 escape', (c) => `GET /%C0%AF HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['an escaped NUL', (c) => `GET /a%00b.wav HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['a raw NUL in the target', (c) => `GET /\u0000 HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['a raw escape character in the target', (c) => `GET /\u001b[31m HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['a relative target', (c) => `GET ../../etc/passwd HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['a target of 9,000 characters', (c) => `GET /${'a'.repeat(9000)} HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['an unknown HTTP version', (c) => `GET / HTTP/9.9\r\n${host()}${c}\r\n`, 400],
    ['a method alone', () => `GET\r\n\r\n`, 400],
    ['a lower-case method', (c) => `get / HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['an unknown method', (c) => `BREW / HTTP/1.1\r\n${host()}${c}\r\n`, 400],
    ['bare LF line ends', (c) => `GET / HTTP/1.1\n${host().trim()}\n${c.trim()}\n\n`, 400],
    ['a bare CR line end', (c) => `GET / HTTP/1.1\r${host()}${c}\r\n`, 400],
    ['a header without a colon', (c) => `GET / HTTP/1.1\r\nFoo\r\n${host()}${c}\r\n`, 400],
    ['a header name with a space', (c) => `GET / HTTP/1.1\r\nBad Header: x\r\n${host()}${c}\r\n`, 400],
    ['an obsolete folded header', (c) => `GET / HTTP/1.1\r\n${host()}${c}X-A: 1\r\n folded\r\n\r\n`, 400],
    ['a negative Content-Length', (c) => `POST /api/getSettings HTTP/1.1\r\n${host()}${c}Content-Length: -1\r\n\r\n`, 400],
    ['two different Content-Lengths', (c) => `POST /api/getSettings HTTP/1.1\r\n${host()}${c}Content-Length: 1\r\nContent-Length: 2\r\n\r\nab`, 400],
    ['Content-Length with chunked (smuggling)', (c) => `POST /api/getSettings HTTP/1.1\r\n${host()}${c}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 400],
    ['a header of 20 KB', (c) => `GET / HTTP/1.1\r\n${host()}${c}X: ${'a'.repeat(20_000)}\r\n\r\n`, 431]
  ]

  it.each(shapes)('%s', async (_name, build, expected) => {
    for (const credentials of ['', auth]) {
      const response = await rawRequest(server.port, build(credentials))
      expect(statusOf(response), `${credentials ? 'with' : 'without'} the token`).toBe(expected)
      // Even a raw 400 carries the framing headers.
      expect(response.toLowerCase()).toContain("content-security-policy: frame-ancestors 'none'")
    }
    await assertAlive(server)
  })

  it('answers CONNECT with 405 instead of dropping the socket', async () => {
    expect(statusOf(await rawRequest(server.port, `CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n`))).toBe(405)
    await assertAlive(server)
  })

  it('a bad chunk in a body ends that connection only', async () => {
    const response = await rawRequest(server.port, `POST /api/getSettings HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`)
    expect(response).toMatch(/HTTP\/1\.1 400/)
    await assertAlive(server)
    expect(server.logs.filter((line) => !line.includes('request error'))).toEqual([])
  })
})

describe('request bodies', () => {
  it.each([
    ['not JSON', '{nope', 400],
    ['an unterminated array', '[[[[[[', 400],
    ['deeply nested JSON', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 200],
    ['a prototype key', '{"__proto__":{"polluted":true}}', 200]
  ] as const)('%s gets an answer, and the server lives', async (_name, body, status) => {
    const response = await fetch(`${server.origin}/api/getSettings`, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` } })
    expect(response.status).toBe(status)
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    await assertAlive(server)
  })

  it('a body over 16 MB is refused with 413 before it is read', async () => {
    const response = await rawRequest(server.port, `POST /api/getSettings HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${17 * 1024 * 1024}\r\n\r\n{}`)
    expect(statusOf(response)).toBe(413)
    await assertAlive(server)
  })
})

describe('cookies', () => {
  it.each([
    ['the old port-named cookie holding a lone %', () => `mockroom-${server.port}=%`],
    ['a planted cookie under our name holding %', () => `${cookie.split('=')[0]}=%`],
    ['a truncated UTF-8 escape', () => `${cookie.split('=')[0]}=%E0%A4%A`],
    ['a cookie without a value', () => `${cookie.split('=')[0]}`],
    ['only separators', () => ';;;=;= ;'],
    ['a quoted value', () => `${cookie.split('=')[0]}="%"`],
    ['a thousand planted cookies', () => Array.from({ length: 1000 }, (_, i) => `mockroom-${i}=%`).join('; ')]
  ])('%s: refused (401) and the server lives', async (_name, planted) => {
    const response = await get('/api/events', { cookie: planted() })
    expect(response.status).toBe(401)
    await assertAlive(server)
  })

  it('a planted undecodable cookie beside the real one does not lock the user out', async () => {
    const [name] = cookie.split('=')
    const response = await get('/', { cookie: `${name}=%; mockroom-${server.port}=%; ${cookie}`, 'sec-fetch-site': 'none' })
    expect(response.status).toBe(200)
  })

  it('the cookie is not the printed token, and its name changes every launch', async () => {
    const [name, value] = cookie.split('=')
    expect(name).toMatch(new RegExp(`^mockroom-${server.port}-[0-9a-f]{12}$`))
    expect(value).not.toBe(TOKEN)
    const other = await startSecurityServer()
    try {
      expect((await other.login()).split('=')[0]).not.toBe(name)
    } finally {
      await other.close()
    }
  })

  it('a cookie left by an earlier launch on the same port is refused, then expired at login', async () => {
    const first = await startSecurityServer()
    const port = first.port
    const oldCookie = await first.login()
    await first.close()
    // The next launch listens on the same port: the browser still sends the old cookie.
    const { createWebServer } = await import('../../src/web/server')
    const next = createWebServer({ backend: server.backend, rendererDir: join(server.dataDir, 'renderer'), port, token: 'next-token', log: () => undefined })
    await new Promise((resolve) => next.once('listening', resolve))
    try {
      const before = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie: oldCookie } })
      expect(before.status).toBe(401)
      const login = await fetch(`http://127.0.0.1:${port}/?token=next-token`, { headers: { cookie: oldCookie }, redirect: 'manual' })
      expect(login.status).toBe(302)
      const setCookies = login.headers.getSetCookie()
      expect(setCookies).toContainEqual(`${oldCookie.split('=')[0]}=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/`)
      expect(setCookies[0]).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/)
    } finally {
      next.closeAllConnections()
      await new Promise((resolve) => next.close(resolve))
    }
  })
})

describe('the session is bound to our own origin', () => {
  it.each(['/', '/assets/app.js', '/api/events', '/media/audio/x.wav'])('a page on another port cannot use the cookie for %s', async (path) => {
    const response = await get(path, { cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' })
    expect(response.status).toBe(403)
  })

  it('nor call the API, even when it hides its Origin', async () => {
    const sameSite = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/getSettings', method: 'POST', headers: { host: `127.0.0.1:${server.port}`, cookie, 'sec-fetch-site': 'same-site' } },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        }
      )
      req.on('error', reject)
      req.end('{}')
    })
    expect(sameSite).toBe(403)
    const otherOrigin = await fetch(`${server.origin}/api/getSettings`, { method: 'POST', body: '{}', headers: { cookie, origin: 'http://127.0.0.1:1' } })
    expect(otherOrigin.status).toBe(403)
  })

  it('our own page and the user’s own navigations can', async () => {
    expect((await get('/', { cookie, 'sec-fetch-site': 'none' })).status).toBe(200)
    expect((await get('/assets/app.js', { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    const api = await fetch(`${server.origin}/api/getSettings`, { method: 'POST', body: '{}', headers: { cookie, origin: server.origin } })
    expect(await api.json()).toMatchObject({ ok: true })
  })
})

describe('framing and embedding headers on every response', () => {
  const cases: Array<[string, () => Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>, number]> = [
    ['the page', () => get('/', { cookie }), 200],
    ['an asset', () => get('/assets/app.js', { cookie }), 200],
    ['the login redirect', () => get(`/?token=${TOKEN}`), 302],
    ['a missing token', () => get('/'), 401],
    ['a foreign host', () => get('/', { host: 'evil.example' }), 403],
    ['a malformed path', () => get('/%'), 400],
    ['a missing file', () => get('/missing.js', { cookie }), 404],
    ['a wrong method', () => get('/api/getSettings', { cookie }), 405],
    ['a missing renderer', async () => {
      rmSync(join(server.dataDir, 'renderer', 'index.html'))
      try {
        return await get('/some/route', { cookie })
      } finally {
        const { writeFileSync } = await import('node:fs')
        writeFileSync(join(server.dataDir, 'renderer', 'index.html'), '<!doctype html><title>mockroom</title>')
      }
    }, 500],
    ['a HEAD of the page', () => get('/', { cookie }, 'HEAD'), 200]
  ]

  it.each(cases)('%s', async (_name, fetchIt, status) => {
    const response = await fetchIt()
    expect(response.status).toBe(status)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name], name).toBe(value)
    expect(response.headers['x-frame-options']).toBe('DENY')
    expect(response.headers['content-security-policy']).toBe("frame-ancestors 'none'")
  })
})

describe('event streams', () => {
  it('are capped, and a closed stream frees its place', async () => {
    const open = () =>
      new Promise<{ status: number; close: () => void }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}` } }, (res) => {
          res.resume()
          resolve({ status: res.statusCode ?? 0, close: () => req.destroy() })
        })
        req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)))
        req.end()
      })
    const first = await open()
    const second = await open()
    expect([first.status, second.status]).toEqual([200, 200])
    const third = await open()
    expect(third.status).toBe(503)
    first.close()
    // The server frees the place when it sees the socket close; each try is a real request.
    let status = 503
    for (let attempt = 0; attempt < 200 && status === 503; attempt++) {
      const next = await open()
      status = next.status
      next.close()
    }
    expect(status).toBe(200)
    second.close()
    await assertAlive(server)
  })
})
