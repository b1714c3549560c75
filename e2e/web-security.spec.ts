import { createServer } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { test, expect, target } from './fixtures'
import { callApi } from './web-server'

test.skip(target !== 'web', 'browser mode only')

test('a malformed API call gets a validation error and the server keeps serving', async ({ app }) => {
  const { origin, token } = app.server!
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const bad = await fetch(`${origin}/api/updateSettings`, { method: 'POST', headers, body: '{"theme": 42}' })
  expect(bad.status).toBe(200)
  const badBody = (await bad.json()) as { ok: boolean; error: { code: string; message: string } }
  expect(badBody).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  expect(badBody.error.message).toContain('theme')

  const notJson = await fetch(`${origin}/api/getSettings`, { method: 'POST', headers, body: '{nope' })
  expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })

  const unknown = await fetch(`${origin}/api/dropAllTables`, { method: 'POST', headers, body: '{}' })
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })

  const good = await fetch(`${origin}/api/getSettings`, { method: 'POST', headers, body: '{}' })
  expect(await good.json()).toMatchObject({ ok: true, value: { theme: 'system' } })
  await app.page.reload()
  await expect(app.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
})

test('requests without the token or cookie get 401, on pages, assets and the API', async ({ app }) => {
  const { origin, token } = app.server!
  for (const path of ['/', '/index.html', '/assets/anything.js', '/api/events']) {
    expect((await fetch(`${origin}${path}`)).status, path).toBe(401)
  }
  expect((await fetch(`${origin}/api/getSettings`, { method: 'POST', body: '{}' })).status).toBe(401)
  expect((await fetch(`${origin}/api/getSettings?token=wrong`, { method: 'POST', body: '{}' })).status).toBe(401)
  // The printed token is not the cookie: it only logs in.
  const tokenAsCookie = await fetch(`${origin}/api/getSettings`, { method: 'POST', body: '{}', headers: { cookie: `mockroom-${app.server!.port}=${token}` } })
  expect(tokenAsCookie.status).toBe(401)
  const [cookie] = (await app.page.context().cookies()).filter((c) => c.name.startsWith(`mockroom-${app.server!.port}-`))
  const withCookie = await fetch(`${origin}/api/getSettings`, {
    method: 'POST',
    body: '{}',
    headers: { cookie: `${cookie!.name}=${cookie!.value}` }
  })
  expect(withCookie.status).toBe(200)
})

test('the first request with the token sets an HttpOnly, SameSite=Strict cookie', async ({ app }) => {
  const { origin, token } = app.server!
  const response = await fetch(`${origin}/?token=${token}`, { redirect: 'manual' })
  expect(response.status).toBe(302)
  expect(response.headers.get('location')).toBe('/')
  const cookie = response.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(new RegExp(`^mockroom-${app.server!.port}-[0-9a-f]{12}=`))
  expect(cookie).not.toContain(token)
  expect(cookie).toContain('HttpOnly')
  expect(cookie).toContain('SameSite=Strict')
  const cookies = await app.page.context().cookies()
  expect(cookies.find((c) => c.name.startsWith(`mockroom-${app.server!.port}-`))).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
})

test('a page on another port of 127.0.0.1 can neither frame the app nor use its cookie', async ({ app }) => {
  const { origin } = app.server!
  for (const path of ['/', '/api/getSettings?x', '/does-not-exist.js']) {
    const response = await fetch(`${origin}${path}`)
    expect(response.headers.get('x-frame-options'), path).toBe('DENY')
    expect(response.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'")
  }
  // Another local service, opened in the same browser that holds mockroom's cookie (cookies
  // ignore ports, and other ports count as the same site).
  const evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end(`<!doctype html><title>evil</title>
      <iframe src="${origin}/"></iframe>
      <img src="${origin}/media/audio/x.wav">
      <script>
        const answer = JSON.stringify({ sessionId: null, questionId: 'planted', text: 'written by another site' })
        fetch('${origin}/api/saveTypedAnswer', { method: 'POST', body: answer, credentials: 'include', mode: 'no-cors' }).catch(() => {})
        fetch('${origin}/api/getSettings', { credentials: 'include', mode: 'no-cors' }).catch(() => {})
      </script>`)
  })
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve))
  try {
    const page = await app.page.context().newPage()
    const statuses = new Map<string, number>()
    const settled = new Set<string>()
    page.on('response', (response) => {
      if (response.url().startsWith(origin)) statuses.set(new URL(response.url()).pathname, response.status())
    })
    page.on('requestfinished', (request) => request.url().startsWith(origin) && settled.add(new URL(request.url()).pathname))
    page.on('requestfailed', (request) => request.url().startsWith(origin) && settled.add(new URL(request.url()).pathname))
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`)
    await expect.poll(() => settled.size).toBe(4)
    // The framed page reached the server with the cookie and was refused there (Sec-Fetch-Site:
    // same-site); whatever else the browser let through was refused too, the rest it blocked
    // itself (Cross-Origin-Resource-Policy).
    expect(statuses.get('/')).toBe(403)
    for (const [path, status] of statuses) expect(status, path).toBe(403)
    await page.close()
  } finally {
    evil.close()
  }
  // Nothing the other page sent was carried out, and the app's own tab still works.
  expect(await callApi(app.server!, 'listAnswers', {})).toEqual([])
  await app.page.reload()
  await expect(app.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
})

test('a malformed request line or a planted cookie does not take the server down', async ({ app }) => {
  const { origin, port } = app.server!
  const broken = await rawRequest(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)
  expect(broken).toMatch(/^HTTP\/1\.1 400/)
  await app.page.context().addCookies([{ name: `mockroom-${port}`, value: '%', url: origin }])
  await app.page.reload()
  await expect(app.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
})

test('requests for another host or from another origin are refused', async ({ app }) => {
  const { origin, token, port } = app.server!
  const rebinding = await rawRequest(port, `GET /api/events HTTP/1.1\r\nHost: attacker.example:${port}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`)
  expect(rebinding).toMatch(/^HTTP\/1\.1 403/)
  const crossOrigin = await fetch(`${origin}/api/getSettings`, {
    method: 'POST',
    body: '{}',
    headers: { authorization: `Bearer ${token}`, origin: 'http://attacker.example' }
  })
  expect(crossOrigin.status).toBe(403)
})

test('the server is not reachable on any address but 127.0.0.1', async ({ app }) => {
  const { port } = app.server!
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && !(info.family === 'IPv4' && info.address.startsWith('127.')))
    .map((info) => info!.address)
  for (const address of [...new Set([...others, '::1'])]) {
    expect(await canConnect(address, port), address).toBe(false)
  }
  expect(await canConnect('127.0.0.1', port)).toBe(true)
})

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request))
    let data = ''
    socket.on('data', (chunk) => (data += chunk.toString()))
    socket.on('end', () => resolve(data))
    socket.on('error', reject)
  })
}
