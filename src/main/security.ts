import type { App, Session, WebContents } from 'electron'
import { isAllowedPermission, isAllowedPermissionCheck, isAllowedRequestUrl, isTrustedAppUrl, type AppLocation } from './trusted-url'

export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  allowRunningInsecureContent: false
} as const

/** Denies what the app never needs: permissions beyond the microphone, remote and foreign loads. */
export function hardenSession(session: Session, app: AppLocation): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    callback(isAllowedPermission(permission, mediaTypes, details.requestingUrl ?? contents.getURL(), app))
  })
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isAllowedPermissionCheck(permission, details.mediaType, details.requestingUrl ?? contents?.getURL(), app)
  )
  // No remote content, no file outside the app: a bank that links a remote image (or a local
  // file) must not make the request at all.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, app) })
  })
}

/**
 * Every web contents the app ever creates (windows, frames' hosts, anything a bug might
 * open): no new windows, no navigation or redirect away from the app's page, in any frame,
 * and no <webview>.
 */
export function hardenContents(contents: WebContents, app: AppLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isTrustedAppUrl(event.url, app)) event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-frame-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function hardenApp(app: App, location: AppLocation): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, location))
}
