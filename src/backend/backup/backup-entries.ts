import { parseAudioPath } from '@shared/answers'

/**
 * What a backup zip may hold, and where each entry goes in the data folder. Anything else in
 * a zip is ignored (and said so), and no entry can name a path outside these folders.
 */
export const MANIFEST = 'manifest.json'
export const DB_ENTRY = 'db.json'
/** Folders of the data directory that a backup carries, beside db.json. */
export const BACKUP_FOLDERS = ['audio', 'banks', 'whiteboards'] as const
export type BackupFolder = (typeof BACKUP_FOLDERS)[number]

const safeName = /^[A-Za-z0-9_][A-Za-z0-9 ._()+,-]{0,254}$/

/** The folder an entry restores into, or null when the entry is not one a backup may hold. */
export function folderOfEntry(path: string): BackupFolder | null {
  const segments = path.split('/')
  const [folder, ...rest] = segments
  if (!BACKUP_FOLDERS.includes(folder as BackupFolder) || rest.length === 0) return null
  if (rest.some((segment) => !safeName.test(segment) || segment === '.' || segment === '..' || /^\.+$/.test(segment))) return null
  // Audio files are named by the one answer-id rule (`<answer>.wav`, `<answer>.<take>.wav`).
  if (folder === 'audio' && (rest.length !== 1 || !parseAudioPath(path))) return null
  if (folder === 'banks' && rest.length !== 1) return null
  return folder as BackupFolder
}
