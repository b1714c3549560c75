import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BankFileError } from './bank-file-error'
import { importBankFile } from './import-bank-file'
import { loadBankFiles, loadBankLibrary } from './load-bank-files'

const bytes = (s: string) => new TextEncoder().encode(s)
const bank = '# Mine\n\n## What is a lakehouse?\n\nTables on object storage.\n\n## What is CDC?\n\nChange data capture.\n'
let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mockroom-banks-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function rejection(input: Parameters<typeof importBankFile>[0]): Promise<BankFileError> {
  const error = await importBankFile(input).then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(BankFileError)
  return error as BankFileError
}

describe('importBankFile', () => {
  it('stores a valid bank and replaces it when the same name is imported again', async () => {
    const importedDir = join(root, 'imported')
    const first = await importBankFile({ importedDir, fileName: 'mine.md', bytes: bytes(bank) })
    expect(first).toMatchObject({ id: 'imported-mine', questionCount: 2, source: 'imported' })
    const second = await importBankFile({ importedDir, fileName: 'mine.md', bytes: bytes(`${bank}\n## What is SCD2?\n\nHistory rows.\n`) })
    expect(second).toMatchObject({ id: 'imported-mine', questionCount: 3 })
    expect(await readdir(importedDir)).toEqual(['mine.md'])
    expect(await readFile(join(importedDir, 'mine.md'), 'utf8')).toContain('SCD2')
  })

  it('rejects empty, binary, undecodable, oversized, question-less and path-like files', async () => {
    const importedDir = join(root, 'imported')
    const cases: Array<[string, Uint8Array, string]> = [
      ['empty.md', new Uint8Array(), 'empty'],
      ['image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), 'binary'],
      ['latin1.md', new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9]), 'not-decodable'],
      ['huge.md', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), 'too-large'],
      ['prose.md', bytes('Just a note to self, nothing asked.\n'), 'no-questions'],
      ['../evil.md', bytes(bank), 'invalid-name'],
      ['bank.pdf', bytes(bank), 'invalid-name']
    ]
    for (const [fileName, content, code] of cases) {
      const error = await rejection({ importedDir, fileName, bytes: content })
      expect(error.code).toBe(code)
      expect(error.message.startsWith(fileName)).toBe(true)
    }
    expect(await readdir(importedDir).catch(() => [])).toEqual([])
  })
})

describe('loadBankLibrary / loadBankFiles', () => {
  it('loads built-in and imported banks, and a broken file never blocks the others', async () => {
    const builtInDir = join(root, 'builtin')
    const importedDir = join(root, 'imported')
    await importBankFile({ importedDir, fileName: 'mine.md', bytes: bytes(bank) })
    await import('node:fs/promises').then((fs) => fs.mkdir(builtInDir))
    await writeFile(join(builtInDir, 'good.md'), '## What is a lakehouse?\n\nA longer answer: tables, ACID, on object storage.\n')
    await writeFile(join(builtInDir, 'broken.md'), new Uint8Array([0xff, 0x00, 0xfe, 0x00, 0x00]))
    await writeFile(join(builtInDir, 'empty.md'), '')
    const lib = await loadBankLibrary({ builtInDir, importedDir })
    expect(lib.banks.map((b) => [b.id, b.source])).toEqual([
      ['good', 'built-in'],
      ['imported-mine', 'imported']
    ])
    expect(lib.errors.map((e) => e.file).sort()).toEqual(['broken.md', 'empty.md'])
    for (const e of lib.errors) expect(e.reason.startsWith(e.file)).toBe(true)
    const lakehouse = lib.questions.find((q) => q.title === 'What is a lakehouse?')!
    expect(lakehouse.bankId).toBe('good')
    expect(lakehouse.alsoIn).toEqual([{ bankId: 'imported-mine', file: 'mine.md', section: '', title: 'What is a lakehouse?' }])
    expect(lib.questions).toHaveLength(2)
  })

  it('reports a missing path as an error naming it', async () => {
    const lib = await loadBankFiles([join(root, 'nope.md')])
    expect(lib.errors).toHaveLength(1)
    expect(lib.errors[0]!.reason).toMatch(/nope\.md: no such file or folder/)
  })
})
