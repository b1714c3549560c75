import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../shared/api/dispatch'
import type { Backend } from '../backend/create-backend'
import { cookieName, guardRequest } from './request-guard'

export interface WebServerOptions {
  backend: Backend
  /** The built renderer (out/renderer). */
  rendererDir: string
  port: number
  token: string
}

const MAX_BODY_BYTES = 16 * 1024 * 1024

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.zip': 'application/zip',
  '.wasm': 'application/wasm'
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function handleApi(backend: Backend, method: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return send(res, 405, 'API methods are called with POST.')
  let input: unknown
  try {
    const body = await readBody(req)
    input = body.trim() === '' ? {} : JSON.parse(body)
  } catch (error) {
    const tooLarge = error instanceof Error && error.message === 'body too large'
    return send(
      res,
      tooLarge ? 413 : 400,
      JSON.stringify({
        ok: false,
        error: { code: 'VALIDATION', message: tooLarge ? 'Request body is too large.' : 'Request body is not JSON.' }
      }),
      'application/json'
    )
  }
  const result = await dispatch(backend.api, method, input)
  send(res, 200, JSON.stringify(result), 'application/json')
}

function handleEvents(backend: Backend, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write(': connected\n\n')
  const unsubscribe = backend.events.subscribe((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000)
  req.on('close', () => {
    clearInterval(keepAlive)
    unsubscribe()
  })
}

/** Audio with Range support: the browser needs it to seek (review: click a word, hear it). */
async function serveMedia(backend: Backend, relative: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const file = backend.mediaFile(relative)
  const info = file ? await stat(file).catch(() => null) : null
  if (!file || !info?.isFile()) return send(res, 404, 'Not found')
  const type = contentTypes[extname(file)] ?? 'application/octet-stream'
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
  if (!range || (range[1] === '' && range[2] === '')) {
    res.writeHead(200, { 'content-type': type, 'content-length': info.size, 'accept-ranges': 'bytes', 'cache-control': 'no-store' })
    createReadStream(file).pipe(res)
    return
  }
  const start = range[1] === '' ? Math.max(0, info.size - Number(range[2])) : Number(range[1])
  const end = range[1] === '' || range[2] === '' ? info.size - 1 : Math.min(Number(range[2]), info.size - 1)
  if (start > end || start >= info.size) {
    res.writeHead(416, { 'content-range': `bytes */${info.size}` })
    return void res.end()
  }
  res.writeHead(206, {
    'content-type': type,
    'content-length': end - start + 1,
    'content-range': `bytes ${start}-${end}/${info.size}`,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store'
  })
  createReadStream(file, { start, end }).pipe(res)
}

async function serveStatic(rendererDir: string, pathname: string, res: ServerResponse): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(rendererDir, relative)
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(res, 403, 'Forbidden')
  let info = await stat(file).catch(() => null)
  if (!info || info.isDirectory()) {
    // Client-side routes fall back to the app; a missing asset with an extension is a 404.
    if (extname(relative)) return send(res, 404, 'Not found')
    file = join(rendererDir, 'index.html')
    info = await stat(file).catch(() => null)
    if (!info) return send(res, 500, 'The renderer is not built: run `npm run build`.')
  }
  const hashedAsset = relative.startsWith('assets/')
  res.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-store',
    'x-content-type-options': 'nosniff'
  })
  createReadStream(file).pipe(res)
}

export function createWebServer({ backend, rendererDir, port, token }: WebServerOptions): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const actualPort = (server.address() as AddressInfo).port
    const decision = guardRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        cookie: req.headers.cookie,
        authorization: req.headers.authorization,
        queryToken: url.searchParams.get('token')
      },
      actualPort,
      token
    )
    if (!decision.allow) return send(res, decision.status, decision.reason)
    if (decision.setCookie) {
      const cookie = `${cookieName(actualPort)}=${token}; HttpOnly; SameSite=Strict; Path=/`
      if (req.method === 'GET' && !url.pathname.startsWith('/api/')) {
        // Trade the token in the address bar for a cookie, and drop it from the history.
        url.searchParams.delete('token')
        res.writeHead(302, { 'set-cookie': cookie, location: url.pathname + url.search, 'cache-control': 'no-store' })
        return res.end()
      }
      res.setHeader('set-cookie', cookie)
    }
    const route = async () => {
      if (url.pathname === '/api/events') return handleEvents(backend, req, res)
      if (url.pathname.startsWith('/api/')) return handleApi(backend, url.pathname.slice(5), req, res)
      if (url.pathname.startsWith('/media/')) return serveMedia(backend, decodeURIComponent(url.pathname.slice(7)), req, res)
      return serveStatic(rendererDir, url.pathname, res)
    }
    route().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`)
      else res.end()
    })
  })
  server.listen(port, '127.0.0.1')
  return server
}
