import { describe, expect, it } from 'vitest'
import { guardRequest, readCookie, type GuardInput } from './request-guard'

const port = 4317
const token = 'secret-token-123'
const base: GuardInput = { host: `127.0.0.1:${port}`, origin: undefined, cookie: undefined, authorization: undefined, queryToken: null }

describe('guardRequest', () => {
  it.each<[string, Partial<GuardInput>, number]>([
    ['no credentials', {}, 401],
    ['a wrong token in the query', { queryToken: 'secret-token-124' }, 401],
    ['a token prefix', { queryToken: 'secret' }, 401],
    ['a wrong cookie', { cookie: `mockroom-${port}=nope` }, 401],
    ['the cookie of another port', { cookie: `mockroom-9999=${token}` }, 401],
    ['a Basic authorization', { authorization: `Basic ${token}` }, 401],
    ['a rebinding host', { host: `evil.example:${port}`, queryToken: token }, 403],
    ['the right host on another port', { host: `127.0.0.1:1234`, queryToken: token }, 403],
    ['no host', { host: undefined, queryToken: token }, 403],
    ['a foreign origin', { origin: 'http://evil.example', cookie: `mockroom-${port}=${token}` }, 403],
    ['a null origin', { origin: 'null', cookie: `mockroom-${port}=${token}` }, 403],
    ['an origin on another port', { origin: 'http://127.0.0.1:1', cookie: `mockroom-${port}=${token}` }, 403]
  ])('refuses %s', (_name, input, status) => {
    expect(guardRequest({ ...base, ...input }, port, token)).toMatchObject({ allow: false, status })
  })

  it.each<[string, Partial<GuardInput>, boolean]>([
    ['the token in the query (sets the cookie)', { queryToken: token }, true],
    ['the cookie', { cookie: `other=1; mockroom-${port}=${token}` }, false],
    ['a bearer token', { authorization: `Bearer ${token}` }, false],
    ['localhost with its own origin', { host: `localhost:${port}`, origin: `http://localhost:${port}`, cookie: `mockroom-${port}=${token}` }, false]
  ])('allows %s', (_name, input, setCookie) => {
    expect(guardRequest({ ...base, ...input }, port, token)).toEqual({ allow: true, setCookie })
  })
})

describe('readCookie', () => {
  it('finds a cookie among others and ignores malformed parts', () => {
    expect(readCookie('a=1; broken; b = two%20words ', 'b')).toBe('two words')
    expect(readCookie('a=1', 'b')).toBeNull()
    expect(readCookie(undefined, 'b')).toBeNull()
  })
})
