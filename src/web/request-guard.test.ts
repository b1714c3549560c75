import { describe, expect, it } from 'vitest'
import { createLaunchCredentials, guardRequest, isOwnSiteFetch, type GuardInput, type LaunchCredentials } from './request-guard'

const port = 4317
const token = 'secret-token-123'
const credentials: LaunchCredentials = { token, cookieName: 'mockroom-4317-abc123', cookieSecret: 'cookie-secret-456' }
const cookie = `${credentials.cookieName}=${credentials.cookieSecret}`
const base: GuardInput = {
  host: `127.0.0.1:${port}`,
  origin: undefined,
  secFetchSite: undefined,
  cookie: undefined,
  authorization: undefined,
  queryToken: null
}

describe('guardRequest', () => {
  it.each<[string, Partial<GuardInput>, number]>([
    ['no credentials', {}, 401],
    ['a wrong token in the query', { queryToken: 'secret-token-124' }, 401],
    ['a token prefix', { queryToken: 'secret' }, 401],
    ['a wrong cookie', { cookie: `${credentials.cookieName}=nope` }, 401],
    ['the printed token as the cookie value', { cookie: `${credentials.cookieName}=${token}` }, 401],
    ['the cookie secret under another launch’s name', { cookie: `mockroom-4317-other=${credentials.cookieSecret}` }, 401],
    ['the old port-only cookie name', { cookie: `mockroom-${port}=${credentials.cookieSecret}` }, 401],
    ['the cookie secret as a bearer token', { authorization: `Bearer ${credentials.cookieSecret}` }, 401],
    ['a Basic authorization', { authorization: `Basic ${token}` }, 401],
    ['an undecodable planted cookie', { cookie: `${credentials.cookieName}=%` }, 401],
    ['a rebinding host', { host: `evil.example:${port}`, queryToken: token }, 403],
    ['the right host on another port', { host: `127.0.0.1:1234`, queryToken: token }, 403],
    ['no host', { host: undefined, queryToken: token }, 403],
    ['a foreign origin', { origin: 'http://evil.example', cookie }, 403],
    ['a null origin', { origin: 'null', cookie }, 403],
    ['an origin on another port', { origin: 'http://127.0.0.1:1', cookie }, 403],
    ['a page on another port using the cookie (same-site)', { secFetchSite: 'same-site', cookie }, 403],
    ['a page on another site using the cookie', { secFetchSite: 'cross-site', cookie }, 403],
    ['a repeated Sec-Fetch-Site header', { secFetchSite: 'same-origin, same-origin', cookie }, 403]
  ])('refuses %s', (_name, input, status) => {
    expect(guardRequest({ ...base, ...input }, port, credentials)).toMatchObject({ allow: false, status })
  })

  it.each<[string, Partial<GuardInput>, boolean]>([
    ['the token in the query (sets the cookie)', { queryToken: token }, true],
    ['the token in a link followed from another site', { queryToken: token, secFetchSite: 'cross-site' }, true],
    ['the cookie among others', { cookie: `other=1; ${cookie}` }, false],
    ['the cookie after a planted undecodable one of the same name', { cookie: `${credentials.cookieName}=%E0%A4%A; ${cookie}` }, false],
    ['the cookie from our own page', { secFetchSite: 'same-origin', cookie }, false],
    ['the cookie on a navigation the user typed', { secFetchSite: 'none', cookie }, false],
    ['a bearer token', { authorization: `Bearer ${token}` }, false],
    ['localhost with its own origin', { host: `localhost:${port}`, origin: `http://localhost:${port}`, cookie }, false]
  ])('allows %s', (_name, input, setCookie) => {
    expect(guardRequest({ ...base, ...input }, port, credentials)).toEqual({ allow: true, setCookie })
  })
})

describe('isOwnSiteFetch', () => {
  it.each([
    [undefined, true],
    ['same-origin', true],
    ['none', true],
    ['same-site', false],
    ['cross-site', false],
    ['SAME-ORIGIN', false],
    ['', false]
  ])('%s → %s', (value, expected) => {
    expect(isOwnSiteFetch(value)).toBe(expected)
  })
})

describe('createLaunchCredentials', () => {
  it('names the cookie per launch and never uses the printed token as its value', () => {
    const first = createLaunchCredentials(port, token)
    const second = createLaunchCredentials(port, token)
    expect(first.cookieName).toMatch(/^mockroom-4317-[0-9a-f]{12}$/)
    expect(first.cookieName).not.toBe(second.cookieName)
    expect(first.cookieSecret).not.toBe(token)
    expect(first.cookieSecret).not.toBe(second.cookieSecret)
  })
})
