import { describe, expect, it } from 'vitest'
import { folderOfEntry } from './backup-entries'

describe('folderOfEntry', () => {
  it.each([
    ['audio/abc-123.wav', 'audio'],
    ['audio/abc-123.t2.wav', 'audio'],
    ['banks/My bank (2).md', 'banks'],
    ['whiteboards/session-1/board.json', 'whiteboards']
  ])('accepts %s', (path, folder) => expect(folderOfEntry(path)).toBe(folder))

  it.each([
    '../db.json',
    'audio/../../etc/passwd',
    'audio/x.mp3',
    'audio/sub/x.wav',
    'banks/../x.md',
    'banks/.hidden',
    'banks/a/b.md',
    'models/ggml.bin',
    '/abs/path',
    'audio/',
    'whiteboards/../../x',
    'whiteboards/a\\..\\b'
  ])('refuses %s', (path) => expect(folderOfEntry(path)).toBeNull())
})
