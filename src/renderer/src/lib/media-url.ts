import { host } from './api'

/**
 * Where the renderer loads a take's recording from, given its `audioFile` (`audio/<stem>.wav`,
 * relative to the data folder): the browser-mode server's media route, or the Electron app's
 * `mockroom-media:` protocol (the renderer page itself is a file://).
 */
export function audioUrlOf(audioFile: string): string {
  const path = audioFile.split('/').map(encodeURIComponent).join('/')
  return host === 'electron' ? `mockroom-media://${path}` : `/media/${path}`
}

/** Where an exported backup zip downloads from (`backups/<file>.zip`). */
export function backupUrlOf(mediaPath: string): string {
  const path = mediaPath.split('/').map(encodeURIComponent).join('/')
  return host === 'electron' ? `mockroom-media://${path}` : `/media/${path}`
}
