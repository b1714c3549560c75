import { host } from './api'

/**
 * Where the renderer loads an answer's recording from: the browser-mode server's media route,
 * or the Electron app's `mockroom-media:` protocol (the renderer page itself is a file://).
 */
export function audioUrlOf(answerId: string): string {
  const file = `${encodeURIComponent(answerId)}.wav`
  return host === 'electron' ? `mockroom-media://audio/${file}` : `/media/audio/${file}`
}

/** Where an exported backup zip downloads from (`backups/<file>.zip`). */
export function backupUrlOf(mediaPath: string): string {
  const path = mediaPath.split('/').map(encodeURIComponent).join('/')
  return host === 'electron' ? `mockroom-media://${path}` : `/media/${path}`
}
