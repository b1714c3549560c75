import type { ServerResponse } from 'node:http'
import { cookieNames, type ParsedRequest } from './parse-request'
import { COOKIE_PREFIX, type LaunchCredentials } from './request-guard'

/** Trades the token in the address bar for the cookie; true when it answered (a redirect). */
export function loginWithCookie(request: ParsedRequest, res: ServerResponse, creds: LaunchCredentials): boolean {
  const stale = cookieNames(request.cookie).filter((name) => name.startsWith(COOKIE_PREFIX) && name !== creds.cookieName)
  res.setHeader('set-cookie', [
    `${creds.cookieName}=${creds.cookieSecret}; HttpOnly; SameSite=Strict; Path=/`,
    // Cookies of earlier launches would otherwise pile up in the browser until it closes.
    ...[...new Set(stale)].slice(0, 20).map((name) => `${name}=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/`)
  ])
  if (request.method !== 'GET' || request.path.startsWith('/api/')) return false
  // Drop the token from the address bar and the history.
  request.query.delete('token')
  const search = request.query.toString()
  res.writeHead(302, { location: request.rawPath + (search ? `?${search}` : ''), 'cache-control': 'no-store' })
  res.end()
  return true
}
