import { describe, expect, it } from 'vitest'
import {
  devServerUrlFrom,
  isAllowedPermission,
  isAllowedPermissionCheck,
  isAllowedRequestUrl,
  isTrustedAppUrl,
  mediaPathOf,
  type AppLocation
} from './trusted-url'

const app: AppLocation = {
  indexUrl: 'file:///opt/mockroom/out/renderer/index.html',
  fileRoots: ['/opt/mockroom/out/renderer', '/home/ana/.config/mockroom/audio']
}
const dev: AppLocation = { ...app, devServerUrl: 'http://localhost:5173' }
const INDEX = 'file:///opt/mockroom/out/renderer/index.html'

describe('isTrustedAppUrl: only the app’s own page gets window.api and may be navigated to', () => {
  it.each<[string | undefined, AppLocation, boolean]>([
    [INDEX, app, true],
    [`${INDEX}#/library`, app, true],
    [`${INDEX}#/review/answer/x?y=1`, app, true],
    ['file:///opt/mockroom/out/renderer/./index.html', app, true],
    ['file://localhost/opt/mockroom/out/renderer/index.html', app, true],
    // Hostile: other local pages, the same folder's other files, look-alikes.
    ['file:///home/ana/Downloads/evil.html', app, false],
    ['file:///tmp/index.html', app, false],
    ['file:///opt/mockroom/out/renderer/other.html', app, false],
    ['file:///opt/mockroom/out/renderer/assets/index.html', app, false],
    ['file:///opt/mockroom/out/renderer/index.html/../../../../home/ana/evil.html', app, false],
    ['file:///opt/mockroom/out/renderer/index.html?inject=1', app, false],
    ['file:///opt/mockroom/out/renderer/index%2Ehtml', app, false],
    ['file:///opt/mockroom/out/renderer/INDEX.HTML', app, false],
    ['file://attacker/share/opt/mockroom/out/renderer/index.html', app, false],
    ['file:///opt/mockroom/out/renderer', app, false],
    ['http://localhost:5173/#/library', app, false],
    ['http://localhost:5173/#/library', dev, true],
    ['http://localhost:5174/', dev, false],
    ['https://localhost:5173/', dev, false],
    ['http://127.0.0.1:5173/', dev, false],
    ['https://evil.example/', app, false],
    ['https://img.shields.io/badge.svg', dev, false],
    ['javascript:alert(1)', app, false],
    ['data:text/html,<script>alert(1)</script>', app, false],
    ['blob:file:///0000', app, false],
    ['mockroom-media://audio/x.wav', app, false],
    ['devtools://devtools/bundled/inspector.html', app, false],
    ['not a url', app, false],
    ['', app, false],
    [undefined, app, false]
  ])('%s → %s', (url, location, expected) => {
    expect(isTrustedAppUrl(url, location)).toBe(expected)
  })
})

describe('isAllowedRequestUrl: loads stay inside the app folder (and the audio folder)', () => {
  it.each<[string, AppLocation, boolean]>([
    [INDEX, app, true],
    ['file:///opt/mockroom/out/renderer/assets/index-abc123.js', app, true],
    ['file:///opt/mockroom/out/renderer/fonts/Excalifont.woff2', app, true],
    ['file:///home/ana/.config/mockroom/audio/answer-1.wav', app, true],
    ['data:image/png;base64,iVBORw0KGgo=', app, true],
    ['blob:file:///6b1c2f3e', app, true],
    ['mockroom-media://audio/answer-1.wav', app, true],
    ['devtools://devtools/bundled/inspector.html', app, true],
    ['http://localhost:5173/src/main.tsx', dev, true],
    ['ws://localhost:5173/', dev, true],
    // Hostile: files elsewhere, escapes, remote and other local servers.
    ['file:///etc/passwd', app, false],
    ['file:///home/ana/.ssh/id_ed25519', app, false],
    ['file:///home/ana/.config/mockroom/db.json', app, false],
    ['file:///opt/mockroom/out/main/index.js', app, false],
    ['file:///opt/mockroom/out/renderer-evil/x.js', app, false],
    ['file:///opt/mockroom/out/renderer/../../../etc/passwd', app, false],
    ['file:///opt/mockroom/out/renderer/%2e%2e/%2e%2e/secret', app, false],
    ['file:///opt/mockroom/out/renderer/a%2F..%2F..%2Fsecret', app, false],
    ['file://attacker/share/x.js', app, false],
    ['https://img.shields.io/badge.svg', app, false],
    ['http://127.0.0.1:4317/api/getSettings', app, false],
    ['http://localhost:5173/src/main.tsx', app, false],
    ['ws://localhost:5173/', app, false],
    ['ws://localhost:9999/', dev, false],
    ['ftp://example.com/x', app, false],
    ['chrome://gpu', app, false],
    ['not a url', app, false]
  ])('%s → %s', (url, location, expected) => {
    expect(isAllowedRequestUrl(url, location)).toBe(expected)
  })
})

describe('permissions: the microphone, for the app’s page, and nothing else', () => {
  it.each<[string, string[] | undefined, string | undefined, boolean]>([
    ['media', ['audio'], INDEX, true],
    ['media', ['audio'], `${INDEX}#/practice`, true],
    ['media', ['video'], INDEX, false],
    ['media', ['audio', 'video'], INDEX, false],
    ['media', [], INDEX, false],
    ['media', undefined, INDEX, false],
    ['media', ['audio'], 'file:///home/ana/Downloads/evil.html', false],
    ['media', ['audio'], 'https://evil.example/', false],
    ['media', ['audio'], undefined, false],
    ['geolocation', undefined, INDEX, false],
    ['notifications', undefined, INDEX, false],
    ['display-capture', undefined, INDEX, false],
    ['clipboard-read', undefined, INDEX, false],
    ['openExternal', undefined, INDEX, false],
    ['fileSystem', undefined, INDEX, false]
  ])('request %s %j from %s → %s', (permission, types, url, expected) => {
    expect(isAllowedPermission(permission, types, url, app)).toBe(expected)
  })

  it.each<[string, string | undefined, string | undefined, boolean]>([
    ['media', 'audio', INDEX, true],
    ['media', 'video', INDEX, false],
    ['media', 'unknown', INDEX, false],
    ['media', undefined, INDEX, false],
    ['media', 'audio', 'file:///tmp/evil.html', false],
    ['background-sync', undefined, INDEX, false],
    ['hid', undefined, INDEX, false],
    ['serial', undefined, INDEX, false],
    ['usb', undefined, INDEX, false]
  ])('check %s %s from %s → %s', (permission, type, url, expected) => {
    expect(isAllowedPermissionCheck(permission, type, url, app)).toBe(expected)
  })
})

describe('devServerUrlFrom: ELECTRON_RENDERER_URL only in a development build, only on this machine', () => {
  it.each<[string | undefined, boolean, string | undefined]>([
    ['http://localhost:5173', true, 'http://localhost:5173'],
    ['http://localhost:5173/', true, 'http://localhost:5173'],
    ['http://127.0.0.1:5173', true, 'http://127.0.0.1:5173'],
    ['http://localhost:5173', false, undefined],
    ['https://evil.example', true, undefined],
    ['http://evil.example:5173', true, undefined],
    ['http://localhost.evil.example:5173', true, undefined],
    ['http://user:pass@localhost:5173', true, undefined],
    ['file:///tmp/evil.html', true, undefined],
    ['javascript:alert(1)', true, undefined],
    ['not a url', true, undefined],
    ['', true, undefined],
    [undefined, true, undefined]
  ])('%s (development build %s) → %s', (value, isDev, expected) => {
    expect(devServerUrlFrom(value, isDev)).toBe(expected)
  })
})

describe('mediaPathOf: the media protocol never throws', () => {
  it.each<[string, string | null]>([
    ['mockroom-media://audio/answer-1.wav', 'audio/answer-1.wav'],
    ['mockroom-media://audio/a%20b.wav', 'audio/a b.wav'],
    ['mockroom-media://audio/%', null],
    ['mockroom-media://audio/%E0%A4%A.wav', null],
    ['mockroom-media://audio/..%2F..%2Fdb.json', 'audio/../../db.json'],
    ['https://evil.example/audio/x.wav', null],
    ['not a url', null],
    ['', null]
  ])('%s → %s', (url, expected) => {
    expect(mediaPathOf(url)).toBe(expected)
  })
})
