import { describe, expect, it } from 'vitest'
import { isAllowedPermission, isTrustedAppUrl } from './trusted-url'

describe('isTrustedAppUrl', () => {
  it.each([
    ['file:///opt/mockroom/out/renderer/index.html', undefined, true],
    ['http://localhost:5173/#/library', 'http://localhost:5173', true],
    ['http://localhost:5173/', undefined, false],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['https://localhost:5173/', 'http://localhost:5173', false],
    ['https://evil.example/', undefined, false],
    ['https://img.shields.io/badge.svg', 'http://localhost:5173', false],
    ['javascript:alert(1)', undefined, false],
    ['not a url', undefined, false],
    [undefined, undefined, false]
  ])('%s (dev server %s) → %s', (url, dev, expected) => {
    expect(isTrustedAppUrl(url, dev)).toBe(expected)
  })
})

describe('isAllowedPermission', () => {
  it.each([
    ['media', ['audio'], true],
    ['media', ['video'], false],
    ['media', ['audio', 'video'], false],
    ['geolocation', undefined, false],
    ['notifications', undefined, false],
    ['openExternal', undefined, false]
  ])('%s %j → %s', (permission, types, expected) => {
    expect(isAllowedPermission(permission, types)).toBe(expected)
  })
})
