import { timingSafeEqual } from 'node:crypto'

/**
 * Who may talk to the browser-mode server. Pure functions of the request's headers, so the
 * hostile cases are a table in the test rather than a hope.
 */

export function cookieName(port: number): string {
  // Cookies ignore ports: two servers on 127.0.0.1 would overwrite each other's cookie.
  return `mockroom-${port}`
}

/** DNS rebinding: a foreign name that resolves to 127.0.0.1 still carries its own Host. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true // same-origin GETs and non-browser clients send none
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

export type GuardDecision =
  | { allow: true; setCookie: boolean }
  | { allow: false; status: 401 | 403; reason: string }

export interface GuardInput {
  host: string | undefined
  origin: string | undefined
  cookie: string | undefined
  authorization: string | undefined
  queryToken: string | null
}

export function guardRequest(input: GuardInput, port: number, token: string): GuardDecision {
  if (!isAllowedHost(input.host, port)) {
    return { allow: false, status: 403, reason: 'This server only answers requests addressed to 127.0.0.1.' }
  }
  if (!isAllowedOrigin(input.origin, port)) {
    return { allow: false, status: 403, reason: 'Cross-origin requests are refused.' }
  }
  if (tokensMatch(readCookie(input.cookie, cookieName(port)), token)) return { allow: true, setCookie: false }
  const bearer = input.authorization?.startsWith('Bearer ') ? input.authorization.slice(7) : null
  if (tokensMatch(bearer, token)) return { allow: true, setCookie: false }
  if (tokensMatch(input.queryToken, token)) return { allow: true, setCookie: true }
  return {
    allow: false,
    status: 401,
    reason: 'Missing or wrong token: open the link that `npm run web` printed.'
  }
}
