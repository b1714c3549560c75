import { describe, expect, it } from 'vitest'
import { cookieNames, parseRequest, readCookieValues } from './parse-request'

const parse = (url: string | undefined, headers: Record<string, string | string[]> = {}) =>
  parseRequest({ method: 'GET', url, headers })

describe('parseRequest', () => {
  it.each([
    'http://[',
    'http://127.0.0.1:4317/',
    '*',
    '',
    undefined,
    'example.com:443',
    '/media/%',
    '/%E0%A4%A',
    '/%C0%AF',
    '/a%00b',
    `/${'a'.repeat(9000)}`
  ])('refuses the target %j without throwing', (url) => {
    expect(parse(url)).toMatchObject({ ok: false })
  })

  it('keeps "//host/x" a path, never an authority', () => {
    const result = parse('//evil.example/x?y=1')
    expect(result).toMatchObject({ ok: true, request: { path: '//evil.example/x' } })
  })

  it('decodes the path once and keeps the query', () => {
    const result = parse('/media/audio/a%20b.wav?token=t%2B1', { host: '127.0.0.1:1', 'sec-fetch-site': 'same-origin' })
    if (!result.ok) throw new Error(result.reason)
    expect(result.request).toMatchObject({ path: '/media/audio/a b.wav', rawPath: '/media/audio/a%20b.wav', host: '127.0.0.1:1', secFetchSite: 'same-origin' })
    expect(result.request.query.get('token')).toBe('t+1')
  })
})

describe('readCookieValues', () => {
  it('finds every value of a cookie and skips malformed or undecodable ones', () => {
    expect(readCookieValues('a=1; broken; b = two%20words ; b=%; b="quoted"', 'b')).toEqual(['two words', 'quoted'])
    expect(readCookieValues('a=1', 'b')).toEqual([])
    expect(readCookieValues(undefined, 'b')).toEqual([])
    expect(readCookieValues('b=%E0%A4%A', 'b')).toEqual([])
  })

  it('lists cookie names', () => {
    expect(cookieNames('a=1; mockroom-1-x=2; junk; =3')).toEqual(['a', 'mockroom-1-x'])
  })
})
