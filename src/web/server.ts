import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { pipeline, type Duplex } from 'node:stream'
import { dispatch } from '@shared/api/dispatch'
import type { Backend } from '../backend/create-backend'
import { loginWithCookie } from './login-cookie'
import { parseRequest, type ParsedRequest } from './parse-request'
import { createLaunchCredentials, guardRequest, type LaunchCredentials } from './request-guard'
import { SECURITY_HEADERS, answerClientError, securityHeaderLines } from './security-headers'
import { codeOf } from '@shared/errors'

export { SECURITY_HEADERS } from './security-headers'

export interface WebServerOptions {
  backend: Backend
  /** The built renderer (out/renderer). */
  rendererDir: string
  port: number
  token: string
  /** Open event streams at most; more get 503 (each holds a socket and a subscription). */
  maxEventClients?: number
  /** Where request failures are reported; defaults to stderr. */
  log?: (message: string) => void
}

const MAX_BODY_BYTES = 16 * 1024 * 1024
export const DEFAULT_MAX_EVENT_CLIENTS = 16

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

// Non-blocking, so a FIFO planted where a file is expected cannot hang a thread-pool thread.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json')
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new BodyTooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function handleApi(backend: Backend, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST')
    return send(res, 405, 'API methods are called with POST.')
  }
  let body: string
  try {
    body = await readBody(req)
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // The rest of the body is not read: close the connection rather than drain 16 MB+.
      res.setHeader('connection', 'close')
      return sendJsonError(res, 413, 'VALIDATION', 'Request body is too large.')
    }
    // The client went away mid-body: there is no one left to answer.
    return void res.destroy()
  }
  let input: unknown
  try {
    input = body.trim() === '' ? {} : JSON.parse(body)
  } catch {
    return sendJsonError(res, 400, 'VALIDATION', 'Request body is not JSON.')
  }
  const result = await dispatch(backend.api, method, input)
  send(res, 200, JSON.stringify(result), 'application/json')
}

/**
 * Streams a file from a handle opened once: the size, the headers and the bytes all come from
 * the same open file, so deleting it meanwhile (an answer deleted while it plays) cannot
 * make the stream fail half-way; a file gone before the open is a 404.
 */
async function streamFile(
  file: string,
  req: IncomingMessage,
  res: ServerResponse,
  headersFor: (size: number) => { status: number; headers: Record<string, string | number>; start: number; end: number } | null,
  log: (message: string) => void
): Promise<boolean> {
  let handle: FileHandle
  try {
    handle = await open(file, READ_FLAGS)
  } catch {
    return false
  }
  let handedOver = false
  try {
    const info = await handle.stat()
    if (!info.isFile()) return false
    const plan = headersFor(info.size)
    if (!plan) return true // headersFor answered (416)
    res.writeHead(plan.status, plan.headers)
    if (req.method === 'HEAD' || plan.end < plan.start) {
      res.end()
      return true
    }
    const stream = handle.createReadStream({ start: plan.start, end: plan.end, autoClose: true })
    handedOver = true
    pipeline(stream, res, (error) => {
      // A listener closing the player early is routine; anything else is worth a line.
      if (error && codeOf(error) !== 'ERR_STREAM_PREMATURE_CLOSE') {
        log(`mockroom: streaming ${file} failed: ${error.message}`)
      }
    })
    return true
  } finally {
    if (!handedOver) await handle.close().catch(() => undefined) // the response already failed; a second close error adds nothing
  }
}

/** Audio with Range support: the browser needs it to seek (review: click a word, hear it). */
async function serveMedia(backend: Backend, relative: string, req: IncomingMessage, res: ServerResponse, log: (m: string) => void) {
  const file = backend.mediaFile(relative)
  const type = file ? (contentTypes[extname(file)] ?? 'application/octet-stream') : ''
  const served =
    file !== null &&
    (await streamFile(
      file,
      req,
      res,
      (size) => {
        const common = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' }
        const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
        if (!range || (range[1] === '' && range[2] === '')) {
          return { status: 200, headers: { ...common, 'content-length': size }, start: 0, end: size - 1 }
        }
        const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1])
        const end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1)
        if (start > end || start >= size) {
          res.writeHead(416, { 'content-range': `bytes */${size}` })
          res.end()
          return null
        }
        return {
          status: 206,
          headers: { ...common, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` },
          start,
          end
        }
      },
      log
    ))
  if (!served) send(res, 404, 'Not found')
}

async function serveStatic(rendererDir: string, path: string, req: IncomingMessage, res: ServerResponse, log: (m: string) => void) {
  const relative = normalize(path).replace(/^([/\\])+/, '')
  const file = join(rendererDir, relative)
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(res, 403, 'Forbidden')
  const hashedAsset = relative.startsWith('assets/')
  const headersFor = (target: string) => (size: number) => ({
    status: 200,
    headers: {
      'content-type': contentTypes[extname(target)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-store'
    },
    start: 0,
    end: size - 1
  })
  if (relative !== '' && (await streamFile(file, req, res, headersFor(file), log))) return
  // Client-side routes fall back to the app; a missing asset with an extension is a 404.
  if (extname(relative)) return send(res, 404, 'Not found')
  const index = join(rendererDir, 'index.html')
  if (!(await streamFile(index, req, res, headersFor(index), log))) {
    send(res, 500, 'The renderer is not built: run `npm run build`.')
  }
}

function handleEvents(backend: Backend, clients: Set<ServerResponse>, max: number, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET')
    return send(res, 405, 'The event stream is read with GET.')
  }
  if (clients.size >= max) {
    return send(res, 503, `Too many open event streams (${max}): close other mockroom tabs and reload.`)
  }
  clients.add(res)
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write(': connected\n\n')
  const unsubscribe = backend.events.subscribe((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000)
  res.on('close', () => {
    clearInterval(keepAlive)
    unsubscribe()
    clients.delete(res)
  })
}

export function createWebServer({ backend, rendererDir, port, token, maxEventClients, log: logOption }: WebServerOptions): Server {
  const log = logOption ?? ((message: string) => console.error(message))
  const eventClients = new Set<ServerResponse>()
  let credentials: LaunchCredentials | null = null

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const parsed = parseRequest(req)
    if (!parsed.ok) return send(res, 400, parsed.reason)
    const request = parsed.request
    const actualPort = (server.address() as AddressInfo).port
    credentials ??= createLaunchCredentials(actualPort, token)
    const decision = guardRequest(
      {
        host: request.host,
        origin: request.origin,
        secFetchSite: request.secFetchSite,
        cookie: request.cookie,
        authorization: request.authorization,
        queryToken: request.query.get('token')
      },
      actualPort,
      credentials
    )
    if (!decision.allow) return send(res, decision.status, decision.reason)
    if (decision.setCookie && loginWithCookie(request, res, credentials)) return
    await route(request, req, res)
  }

  const route = async (request: ParsedRequest, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path } = request
    if (path === '/api/events') return handleEvents(backend, eventClients, maxEventClients ?? DEFAULT_MAX_EVENT_CLIENTS, req, res)
    if (path.startsWith('/api/')) return handleApi(backend, path.slice(5), req, res)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      return send(res, 405, 'Pages and media are read with GET.')
    }
    if (path.startsWith('/media/')) return serveMedia(backend, path.slice(7), req, res, log)
    return serveStatic(rendererDir, path, req, res, log)
  }

  const server = createServer((req, res) => {
    // Whatever a request does, it must not take the server down: errors on either stream are
    // reported here, and a failed handler becomes a 500 (or a closed connection mid-body).
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A browser cancelling a request (a seek, a closed tab) is routine, not worth a line.
      if (error.code !== 'ECONNRESET') log(`mockroom: request error: ${error.message}`)
    })
    res.on('error', (error) => log(`mockroom: response error: ${error.message}`))
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    handle(req, res).catch((error: unknown) => {
      log(`mockroom: ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      if (!res.headersSent) send(res, 500, 'Internal error: the server logged the details.')
      else res.destroy()
    })
  })
  server.on('clientError', answerClientError)
  // CONNECT is for proxies: without this listener Node drops the socket without an answer.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy())
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nallow: GET, HEAD, POST\r\n${securityHeaderLines()}content-length: 0\r\nconnection: close\r\n\r\n`)
  })
  server.listen(port, '127.0.0.1')
  return server
}
