import { isAbsolute, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * What the Electron window may load, navigate to, request and be granted. Pure functions of
 * URLs and paths, so the hostile cases are a table in the test (trusted-url.test.ts) rather
 * than a hope; security.ts wires them to Electron.
 */
export interface AppLocation {
  /** The app's one page: file:///…/out/renderer/index.html. */
  indexUrl: string
  /** Folders whose files the page may load by `file:` (the built renderer; the answers' audio). */
  fileRoots: readonly string[]
  /** The electron-vite dev server, in a development build only (see devServerUrlFrom). */
  devServerUrl?: string
}

function parse(url: string | undefined): URL | null {
  if (!url) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function isDevServer(url: URL, app: AppLocation): boolean {
  const dev = parse(app.devServerUrl)
  return dev !== null && url.protocol === dev.protocol && url.host === dev.host
}

/**
 * The app's own page, and nothing else: the same index.html (any #route, no query), or the
 * dev server while developing. Any other local HTML file would otherwise get `window.api`.
 */
export function isTrustedAppUrl(url: string | undefined, app: AppLocation): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (isDevServer(parsed, app)) return true
  const index = parse(app.indexUrl)
  return (
    index !== null &&
    parsed.protocol === 'file:' &&
    parsed.host === index.host &&
    parsed.pathname === index.pathname &&
    parsed.search === ''
  )
}

/** Whether `path` is inside `root` (or is it), after resolving `..`; false for other drives. */
export function isInsideFolder(path: string, root: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** The file a `file:` URL names, or null when it names none (encoded slashes, a remote host). */
export function filePathOf(url: URL): string | null {
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return null
  try {
    return fileURLToPath(url)
  } catch {
    return null
  }
}

/**
 * Requests any page of the window may make: its own files, data:/blob: URLs it made, the
 * media protocol, devtools, and the dev server while developing. Everything else (remote
 * images in a bank, other local files, other local servers) is cancelled.
 */
export function isAllowedRequestUrl(url: string, app: AppLocation): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  switch (parsed.protocol) {
    case 'data:':
    case 'blob:':
    case 'devtools:':
    case 'mockroom-media:':
      return true
    case 'file:': {
      const path = filePathOf(parsed)
      return path !== null && app.fileRoots.some((root) => isInsideFolder(path, root))
    }
    case 'ws:':
    case 'wss:': {
      // Vite's hot reload socket, beside the dev server.
      const dev = parse(app.devServerUrl)
      return dev !== null && parsed.host === dev.host
    }
    default:
      return isDevServer(parsed, app)
  }
}

/** Only the microphone: the app records answers and needs nothing else from the OS. */
export function isAllowedPermission(
  permission: string,
  mediaTypes: readonly string[] | undefined,
  requestingUrl: string | undefined,
  app: AppLocation
): boolean {
  if (permission !== 'media' || !isTrustedAppUrl(requestingUrl, app)) return false
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio')
}

/** The synchronous check (device labels, `navigator.permissions`): the microphone only. */
export function isAllowedPermissionCheck(
  permission: string,
  mediaType: string | undefined,
  requestingUrl: string | undefined,
  app: AppLocation
): boolean {
  return permission === 'media' && mediaType === 'audio' && isTrustedAppUrl(requestingUrl, app)
}

/**
 * The dev server URL electron-vite passes in ELECTRON_RENDERER_URL, honoured only by a
 * development build and only when it is an http server on this machine: in a release, an
 * environment variable must not be able to point the window (and `window.api`) elsewhere.
 */
export function devServerUrlFrom(value: string | undefined, isDevelopmentBuild: boolean): string | undefined {
  if (!isDevelopmentBuild || !value) return undefined
  const parsed = parse(value)
  if (!parsed || parsed.protocol !== 'http:' || parsed.username || parsed.password) return undefined
  if (!['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return undefined
  return parsed.origin
}

/**
 * The data-relative path a `mockroom-media://audio/<answerId>.wav` URL asks for, or null.
 * Never throws: a malformed URL or escape is a 404, not an exception in the main process.
 */
export function mediaPathOf(url: string): string | null {
  const parsed = parse(url)
  if (!parsed || parsed.protocol !== 'mockroom-media:') return null
  try {
    return `${parsed.host}${decodeURIComponent(parsed.pathname)}`
  } catch {
    return null
  }
}
