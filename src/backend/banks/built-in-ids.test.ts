import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBankFiles, loadBankLibrary } from './load-bank-files'

/**
 * Answers, sessions and history refer to questions by id, so the ids of the built-in banks
 * must not move when the parser changes. The fixture was written from the parser as it was
 * before the import rework (issue 12); a change here means saved history would be orphaned.
 */
const root = join(__dirname, '..', '..', '..')
const dir = join(root, 'question-banks')
const pinned = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'built-in-bank-ids.json'), 'utf8')) as {
  perFile: Record<string, string[]>
  merged: string[]
}

describe('built-in bank ids', () => {
  it('keeps every file’s question ids, in file order', async () => {
    for (const [file, ids] of Object.entries(pinned.perFile)) {
      const lib = await loadBankFiles([join(dir, file)])
      const own = lib.questions.filter((q) => q.bankId === file.replace(/\.md$/, ''))
      expect(own.map((q) => q.id), file).toEqual(ids)
    }
  })

  it('keeps the 195 merged seed ids; the behavioral bank adds 45 of its own (240)', async () => {
    const lib = await loadBankLibrary({ builtInDir: dir })
    const behavioral = lib.questions.filter((q) => q.bankId === 'behavioral-data-engineering')
    expect(lib.questions.filter((q) => q.bankId !== 'behavioral-data-engineering').map((q) => q.id)).toEqual(pinned.merged)
    expect(behavioral).toHaveLength(45)
    expect(new Set(behavioral.map((q) => q.id)).size).toBe(45)
    expect(lib.questions).toHaveLength(240)
  })
})
