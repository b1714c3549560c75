import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryService } from './library-service'

const bytes = (s: string) => new TextEncoder().encode(s)
const numbered = '# Warm-up\n\n## Questions\n\n1. Tell me about a time you failed.\n2. Describe a conflict with a colleague.\n3. What is your greatest strength?\n'
const withAnswers = '# Lake\n\n## What is a lakehouse?\n\nTables with ACID transactions on object storage, queried like a warehouse.\n\n## What is CDC?\n\nChange data capture from the database log.\n'

let root: string
let referenced: Set<string>
const service = () =>
  new LibraryService({ builtInDir: join(root, 'builtin'), importedDir: join(root, 'imported'), referencedQuestionIds: () => referenced })

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mockroom-library-'))
  await mkdir(join(root, 'builtin'))
  await writeFile(join(root, 'builtin', 'seed.md'), '# Seed\n\n## What is a lakehouse?\n\nShort.\n\n## What is a DAG?\n\nA graph of tasks.\n')
  referenced = new Set()
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('LibraryService', () => {
  it('previews without storing, then imports; the library lists summaries and serves whole questions on request', async () => {
    const library = service()
    const [preview] = await library.preview([{ name: 'warmup.md', bytes: bytes(numbered) }])
    expect(preview).toMatchObject({ error: null, title: 'Warm-up', questionCount: 3, layouts: [{ id: 'question-list', count: 3 }] })
    expect(preview!.questions.map((q) => [q.title, q.kind, q.hasAnswer])).toEqual([
      ['Tell me about a time you failed.', 'behavioral', false],
      ['Describe a conflict with a colleague.', 'behavioral', false],
      ['What is your greatest strength?', 'behavioral', false]
    ])
    expect(await readdir(join(root, 'imported'))).toEqual([])

    const result = await library.importFiles([{ name: 'lake.md', bytes: bytes(withAnswers) }])
    expect(result).toEqual({ imported: [{ file: 'lake.md', bankId: 'imported-lake', questionCount: 2 }], errors: [] })
    const summary = await library.get()
    const cdc = summary.questions.find((q) => q.title === 'What is CDC?')!
    expect(cdc).toMatchObject({ hasAnswer: true, bankId: 'imported-lake' })
    expect('answer' in cdc).toBe(false)
    const [whole] = await library.questions([cdc.id])
    expect(whole!.answer).toBe('Change data capture from the database log.')
    // The longer imported answer wins the merge with the built-in copy, which is listed as a source.
    const lakehouse = summary.questions.find((q) => q.title === 'What is a lakehouse?')!
    expect(lakehouse.bankId).toBe('imported-lake')
    expect(lakehouse.alsoIn.map((s) => s.bankId)).toEqual(['seed'])
    await library.close()
  })

  it('finds questions by the words of their answers', async () => {
    const library = service()
    await library.importFiles([{ name: 'lake.md', bytes: bytes(withAnswers) }])
    const ids = await library.search({ query: 'database log' })
    const titles = (await library.get()).questions.filter((q) => ids.includes(q.id)).map((q) => q.title)
    expect(titles).toEqual(['What is CDC?'])
    expect(await library.search({ query: 'graph', kinds: ['behavioral'] })).toEqual([])
    await library.close()
  })

  it('renames a bank (kept across restarts) without touching its questions’ ids', async () => {
    const library = service()
    await library.importFiles([{ name: 'lake.md', bytes: bytes(withAnswers) }])
    const before = (await library.get()).questions.map((q) => q.id)
    const renamed = await library.renameBank('imported-lake', '  My lake   notes ')
    expect(renamed.banks.find((b) => b.id === 'imported-lake')!.title).toBe('My lake notes')
    expect(renamed.questions.map((q) => q.id)).toEqual(before)
    await library.close()
    const again = service()
    expect((await again.get()).banks.find((b) => b.id === 'imported-lake')!.title).toBe('My lake notes')
    await again.close()
  })

  it('re-imports a changed file into the same bank: unchanged questions keep their ids', async () => {
    const library = service()
    await library.importFiles([{ name: 'warmup.md', bytes: bytes(numbered) }])
    const ids = new Map((await library.get()).questions.map((q) => [q.title, q.id]))
    const changed = numbered.replace('What is your greatest strength?', 'What is your greatest weakness?')
    const [preview] = await library.preview([{ name: 'warmup-v2.md', bytes: bytes(changed), replaceBankId: 'imported-warmup' }])
    expect(preview!.replaces).toEqual({ bankId: 'imported-warmup', title: 'Warm-up', unchanged: 2, added: 1, removed: 1 })
    await library.importFiles([{ name: 'warmup-v2.md', bytes: bytes(changed), replaceBankId: 'imported-warmup' }])
    expect(await readdir(join(root, 'imported'))).toEqual(['warmup.md'])
    const after = (await library.get()).questions.filter((q) => q.bankId === 'imported-warmup')
    expect(after.map((q) => q.title)).toEqual(['Tell me about a time you failed.', 'Describe a conflict with a colleague.', 'What is your greatest weakness?'])
    expect(after[0]!.id).toBe(ids.get('Tell me about a time you failed.'))
    expect(after[1]!.id).toBe(ids.get('Describe a conflict with a colleague.'))
    await library.close()
  })

  it('removes an imported bank; questions that answers refer to stay readable, with their text', async () => {
    const library = service()
    await library.importFiles([{ name: 'lake.md', bytes: bytes(withAnswers) }])
    const cdc = (await library.get()).questions.find((q) => q.title === 'What is CDC?')!
    referenced = new Set([cdc.id])
    const after = await library.removeBank('imported-lake')
    expect(after.banks.map((b) => b.id)).toEqual(['seed'])
    expect(after.questions.map((q) => q.title)).toEqual(['What is a lakehouse?', 'What is a DAG?'])
    expect(await readdir(join(root, 'imported'))).toEqual(['.library.json'])
    // History still shows it (and can score it), after a restart too.
    const [kept] = await library.questions([cdc.id])
    expect(kept).toMatchObject({ id: cdc.id, title: 'What is CDC?', answer: 'Change data capture from the database log.' })
    await library.close()
    const again = service()
    expect((await again.questions([cdc.id]))[0]?.title).toBe('What is CDC?')
    expect((await again.summaries()).some((q) => q.id === cdc.id)).toBe(false)
    await again.close()
  })

  it('refuses to remove a built-in bank or an unknown one', async () => {
    const library = service()
    await expect(library.removeBank('seed')).rejects.toThrow(/built in and cannot be removed/)
    await expect(library.removeBank('imported-nope')).rejects.toThrow(/No bank with id/)
    await library.close()
  })
})

describe('LibraryService on the built-in banks', () => {
  const builtInDir = join(__dirname, '..', '..', 'question-banks')

  it('gives summaries and whole questions the same overridden kinds and the worked-example mark; full() and invalidate() agree', async () => {
    const importedDir = await mkdtemp(join(tmpdir(), 'mockroom-library-built-in-'))
    try {
      const service = new LibraryService({ builtInDir, importedDir })
      const summary = await service.get()
      expect(summary.questions).toHaveLength(240)
      const example = summary.questions.find((q) => q.title === 'Complex Problem')!
      expect(example.workedExampleFor).toBe('star-rubric.md')
      // Overridden by resources/kind-overrides.json (the classifier says otherwise).
      const overridden = summary.questions.find((q) => q.title === 'How to reload corrupt data as quickly as possible ?')!
      expect(overridden.kind).toBe('scenario')
      const [whole, wholeExample] = await service.questions([overridden.id, example.id])
      expect(whole).toMatchObject({ id: overridden.id, kind: 'scenario', rubricId: overridden.rubricId })
      expect(wholeExample!.workedExampleFor).toBe('star-rubric.md')
      const full = await service.full()
      expect(full.questions.map((q) => [q.id, q.kind, q.rubricId])).toEqual(summary.questions.map((q) => [q.id, q.kind, q.rubricId]))
      service.invalidate()
      expect((await service.get()).questions.map((q) => q.id)).toEqual(summary.questions.map((q) => q.id))
      await service.close()
    } finally {
      await rm(importedDir, { recursive: true, force: true })
    }
  }, 120_000)
})
