import type { BrowserWindow, Session } from 'electron'
import { isAllowedPermission, isTrustedAppUrl } from './trusted-url'

export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  allowRunningInsecureContent: false
} as const

/** Denies what the app never needs: new windows, foreign navigation, remote loads, permissions. */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    callback(isAllowedPermission(permission, mediaTypes))
  })
  session.setPermissionCheckHandler((_contents, permission) => permission === 'media')
  // No remote content: a bank that links a remote image must not make the request at all.
  session.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url
    const local =
      url.startsWith('file:') ||
      url.startsWith('data:') ||
      url.startsWith('blob:') ||
      url.startsWith('devtools:') ||
      url.startsWith('mockroom-media:') ||
      isTrustedAppUrl(url, devServerUrl)
    callback({ cancel: !local })
  })
}

export function hardenWindow(window: BrowserWindow, devServerUrl: string | undefined): void {
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedAppUrl(url, devServerUrl)) event.preventDefault()
  })
}
