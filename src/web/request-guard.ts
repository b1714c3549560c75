import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readCookieValues } from './parse-request'

/**
 * Who may talk to the browser-mode server. Pure functions of the request's headers, so the
 * hostile cases are a table in the test rather than a hope.
 */

/**
 * The secrets of one launch. `token` is printed in the link and accepted as `?token=` (once,
 * traded for the cookie) or `Authorization: Bearer` (scripts, tests). The cookie carries a
 * different secret under a name chosen at launch: cookies ignore ports, so every service on
 * 127.0.0.1 receives it, and a leaked cookie must neither reveal the printed token nor let a
 * page on another port use it (see `guardRequest`). A per-launch name also means a cookie
 * planted by another local page cannot collide with the next launch's.
 */
export interface LaunchCredentials {
  token: string
  cookieName: string
  cookieSecret: string
}

export function createLaunchCredentials(port: number, token: string): LaunchCredentials {
  return {
    token,
    cookieName: `${COOKIE_PREFIX}${port}-${randomBytes(6).toString('hex')}`,
    cookieSecret: randomBytes(24).toString('base64url')
  }
}

export const COOKIE_PREFIX = 'mockroom-'

/** DNS rebinding: a foreign name that resolves to 127.0.0.1 still carries its own Host. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true // same-origin GETs and non-browser clients send none
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

/**
 * Whether a browser says this request comes from our own page (`same-origin`) or from the
 * user (`none`: typed, bookmarked, opened from the terminal). `same-site` is what a page on
 * another 127.0.0.1 port gets (sites ignore ports), so it is refused like `cross-site`.
 * Clients that are not browsers send no such header and are judged by their credentials.
 */
export function isOwnSiteFetch(secFetchSite: string | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin' || secFetchSite === 'none'
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type GuardDecision =
  | { allow: true; setCookie: boolean }
  | { allow: false; status: 401 | 403; reason: string }

export interface GuardInput {
  host: string | undefined
  origin: string | undefined
  secFetchSite: string | undefined
  cookie: string | undefined
  authorization: string | undefined
  queryToken: string | null
}

export function guardRequest(input: GuardInput, port: number, credentials: LaunchCredentials): GuardDecision {
  if (!isAllowedHost(input.host, port)) {
    return { allow: false, status: 403, reason: 'This server only answers requests addressed to 127.0.0.1.' }
  }
  if (!isAllowedOrigin(input.origin, port)) {
    return { allow: false, status: 403, reason: 'Cross-origin requests are refused.' }
  }
  const bearer = input.authorization?.startsWith('Bearer ') ? input.authorization.slice(7) : null
  if (tokensMatch(bearer, credentials.token)) return { allow: true, setCookie: false }
  // Whoever holds the printed token may log in from anywhere, even a link on another page.
  if (tokensMatch(input.queryToken, credentials.token)) return { allow: true, setCookie: true }
  const cookieValid = readCookieValues(input.cookie, credentials.cookieName).some((value) =>
    tokensMatch(value, credentials.cookieSecret)
  )
  if (cookieValid) {
    if (!isOwnSiteFetch(input.secFetchSite)) {
      return {
        allow: false,
        status: 403,
        reason: 'Requests from other sites, including other ports on this machine, are refused.'
      }
    }
    return { allow: true, setCookie: false }
  }
  return {
    allow: false,
    status: 401,
    reason: 'Missing or wrong token: open the link that `npm run web` printed.'
  }
}
