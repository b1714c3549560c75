/**
 * Which URLs the app's window may load or navigate to: its own files, or the dev server
 * while developing. Everything else (remote pages, other local servers) is foreign.
 */
export function isTrustedAppUrl(url: string | undefined, devServerUrl: string | undefined): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') return true
  if (!devServerUrl) return false
  const dev = new URL(devServerUrl)
  return parsed.protocol === dev.protocol && parsed.host === dev.host
}

/** Only the microphone: the app records answers and needs nothing else from the OS. */
export function isAllowedPermission(permission: string, mediaTypes: readonly string[] | undefined): boolean {
  if (permission !== 'media') return false
  return (mediaTypes ?? []).every((type) => type === 'audio')
}
