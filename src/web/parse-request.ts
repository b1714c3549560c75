import type { IncomingHttpHeaders } from 'node:http'

/**
 * Everything the server needs from a request, read in one place that cannot throw: every
 * URL, percent-decoding and header quirk becomes `{ ok: false }` (a 400), before and apart
 * from authentication. Nothing else in the server parses the raw request.
 */
export interface ParsedRequest {
  method: string
  /** The path, percent-decoded once; always starts with `/`, never holds a NUL. */
  path: string
  /** The path as sent, for routes that decode their own segments. */
  rawPath: string
  query: URLSearchParams
  host: string | undefined
  origin: string | undefined
  /** Sent by browsers: `same-origin`, `same-site` (another port counts), `cross-site` or `none`. */
  secFetchSite: string | undefined
  authorization: string | undefined
  cookie: string | undefined
}

export type ParseResult = { ok: true; request: ParsedRequest } | { ok: false; reason: string }

export interface RawRequest {
  method?: string
  url?: string
  headers: IncomingHttpHeaders
}

const MAX_TARGET_LENGTH = 8192

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  // Node joins most repeated headers with ", "; a list here is never one we accept as valid.
  return Array.isArray(value) ? value.join(', ') : value
}

export function parseRequest(raw: RawRequest): ParseResult {
  try {
    const target = raw.url ?? ''
    // Origin-form only ("/path?query"). Browsers never send absolute-form to a server that is
    // not a proxy, and accepting it would make the Host check read the wrong authority.
    if (!target.startsWith('/')) return { ok: false, reason: 'The request target must be a path starting with "/".' }
    if (target.length > MAX_TARGET_LENGTH) return { ok: false, reason: 'The request target is too long.' }
    // Concatenated rather than resolved against a base, so "//evil.example/x" stays a path.
    const url = new URL(`http://127.0.0.1${target}`)
    if (url.host !== '127.0.0.1') return { ok: false, reason: 'The request target is not a path.' }
    const path = decodeURIComponent(url.pathname)
    if (path.includes('\0')) return { ok: false, reason: 'The request path holds a NUL character.' }
    return {
      ok: true,
      request: {
        method: (raw.method ?? 'GET').toUpperCase(),
        path,
        rawPath: url.pathname,
        query: url.searchParams,
        host: header(raw.headers, 'host'),
        origin: header(raw.headers, 'origin'),
        secFetchSite: header(raw.headers, 'sec-fetch-site'),
        authorization: header(raw.headers, 'authorization'),
        cookie: header(raw.headers, 'cookie')
      }
    }
  } catch {
    return { ok: false, reason: 'The request line could not be parsed.' }
  }
}

/**
 * Every value of the cookie `name` in a Cookie header. Never throws: a value that does not
 * percent-decode is skipped, so a cookie planted by another page on 127.0.0.1 (cookies ignore
 * ports) cannot make the server fail.
 */
export function readCookieValues(header: string | undefined, name: string): string[] {
  if (!header) return []
  const values: string[] = []
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue
    let value = part.slice(eq + 1).trim()
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    try {
      values.push(decodeURIComponent(value))
    } catch {
      // Undecodable: not ours (ours is base64url), so it is ignored like any foreign cookie.
    }
  }
  return values
}

/** Names of every cookie in the header, for expiring the ones earlier launches left behind. */
export function cookieNames(header: string | undefined): string[] {
  if (!header) return []
  return header
    .split(';')
    .map((part) => (part.includes('=') ? part.slice(0, part.indexOf('=')).trim() : ''))
    .filter((name) => name !== '')
}
