import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryService } from '../library-service'
import { BankFileError } from './bank-file-error'
import { workerBankOperations } from './bank-operations'
import { scanBankFile } from './import-bank-file'

/**
 * Markdown built to be slow (issue 10): micromark is superlinear on deep nesting, so such a
 * file must be refused with a clear error at once, and a parse that runs away anyway must not
 * hold up the imports behind it.
 */
const bytes = (s: string) => new TextEncoder().encode(s)
const nestedListLine = '- '.repeat(50_000)
const nestedBrackets = `${'['.repeat(16_000)}${']'.repeat(16_000)}`
const good = '# Mine\n\n## What is a lakehouse?\n\nTables on object storage.\n'

function refusal(fileName: string, text: string): { error: BankFileError; ms: number } {
  const started = performance.now()
  try {
    scanBankFile({ fileName, bytes: bytes(text) })
  } catch (error) {
    return { error: error as BankFileError, ms: performance.now() - started }
  }
  throw new Error(`${fileName} was accepted`)
}

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mockroom-patho-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('pathological markdown', () => {
  it('refuses "- " × 50,000 on one line (100 KB) with a clear error, in well under 2 s', () => {
    expect(nestedListLine.length).toBe(100_000)
    const { error, ms } = refusal('dashes.md', nestedListLine)
    expect(error).toBeInstanceOf(BankFileError)
    expect(error.code).toBe('too-complex')
    expect(error.message).toMatch(/^dashes\.md: its markdown is too deeply nested to read safely \(line 1: 50000 list or quote markers/)
    expect(ms).toBeLessThan(2000)
  })

  it('refuses 16,000 nested brackets (32 KB) with a clear error, in well under 2 s', () => {
    expect(nestedBrackets.length).toBe(32_000)
    const { error, ms } = refusal('brackets.md', nestedBrackets)
    expect(error.code).toBe('too-complex')
    expect(error.reason).toMatch(/nested "\[" brackets/)
    expect(ms).toBeLessThan(2000)
  })

  it('gives "- " × 50,000 on separate lines (empty list items) a clear no-questions error, fast', () => {
    const { error, ms } = refusal('items.md', '- \n'.repeat(50_000))
    expect(error.code).toBe('no-questions')
    expect(ms).toBeLessThan(2000)
  })

  it('imports the other files of the same import while refusing the hostile ones', async () => {
    const service = new LibraryService({ builtInDir: join(root, 'none'), importedDir: join(root, 'imported') })
    const result = await service.importFiles([
      { name: 'dashes.md', bytes: bytes(nestedListLine) },
      { name: 'mine.md', bytes: bytes(good) },
      { name: 'brackets.md', bytes: bytes(nestedBrackets) }
    ])
    expect(result.imported.map((i) => i.file)).toEqual(['mine.md'])
    expect(result.errors.map((e) => [e.file, /too deeply nested/.test(e.reason)])).toEqual([
      ['dashes.md', true],
      ['brackets.md', true]
    ])
    expect(await readdir(join(root, 'imported'))).toEqual(['mine.md'])
    expect((await service.get()).questions.map((q) => q.title)).toEqual(['What is a lakehouse?'])
    await service.close()
  })
})

describe('the bank worker’s time budget', () => {
  const stub = new URL('../../../tests/fixtures/bank-worker-stub.mjs', import.meta.url)

  it('stops a request that overruns, says so, and serves the requests queued behind it on a fresh worker', async () => {
    const ops = workerBankOperations(stub, { budgetMs: (r) => (r.op === 'analyze' && r.bodies.includes('hang') ? 300 : 10_000) })
    try {
      const stuck = ops.analyze(['hang'])
      const behind = ops.analyze(['abc', 'de'])
      await expect(stuck).rejects.toThrow(/took longer than 0\.3 s and was stopped/)
      expect(await behind).toEqual([3, 2])
      // The worker that replaced the stuck one keeps serving.
      expect(await ops.analyze(['x'])).toEqual([1])
    } finally {
      await ops.close()
    }
  })

  it('refuses a file whose scan overruns with an error naming the file', async () => {
    const ops = workerBankOperations(stub, { budgetMs: () => 300 })
    try {
      const error = await ops.scanFile({ fileName: 'slow.md', bytes: bytes('x') }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BankFileError)
      expect((error as BankFileError).code).toBe('too-slow')
      expect((error as BankFileError).message).toMatch(/^slow\.md: reading it took longer than 0\.3 s and was stopped/)
    } finally {
      await ops.close()
    }
  })
})
