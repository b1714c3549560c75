import { generateBank } from '../bench/banks.bench'
import { test, expect, target } from './fixtures'
import { callApi } from './web-server'

test.skip(target !== 'web', 'drives the browser-mode server directly')

type ImportResult = { imported: Array<{ file: string; questionCount: number }>; errors: Array<{ file: string; reason: string }> }

test('the backend keeps answering while a large bank is parsed', async ({ app }) => {
  // Parsing 1.5 MB of Markdown (and then the 240 built-in questions with it) took over a minute
  // on a loaded 2-core machine with the suite running beside it: more time, same assertions.
  test.slow()
  const server = app.server!
  await callApi(server, 'getLibrary')
  const bank = Buffer.from(generateBank(4_500_000)).toString('base64')
  let importDone = false
  const importing = callApi<ImportResult>(server, 'importBanks', { files: [{ name: 'large-generated.md', base64: bank }] }).finally(() => {
    importDone = true
  })
  // Parsing runs in a worker thread: other calls are served while the import is still going.
  let answeredDuringImport = 0
  while (!importDone) {
    await callApi(server, 'getSettings')
    if (!importDone) answeredDuringImport += 1
  }
  const result = await importing
  expect(result.errors).toEqual([])
  expect(result.imported[0]!.questionCount).toBeGreaterThan(1000)
  // In process, the scan would block the loop and only calls made before it began would be
  // answered; in the worker, calls keep being answered while it runs.
  expect(answeredDuringImport).toBeGreaterThan(2)
})

test('hostile markdown is refused with a clear error while the other imports go on', async ({ app }) => {
  const server = app.server!
  await callApi(server, 'getLibrary')
  const hostile = Buffer.from('- '.repeat(50_000)).toString('base64')
  const brackets = Buffer.from(`${'['.repeat(16_000)}${']'.repeat(16_000)}`).toString('base64')
  const good = Buffer.from('# Mine\n\n## What is a lakehouse?\n\nTables on object storage.\n').toString('base64')
  const [a, b, c] = await Promise.all([
    callApi<ImportResult>(server, 'importBanks', { files: [{ name: 'dashes.md', base64: hostile }] }),
    callApi<ImportResult>(server, 'importBanks', { files: [{ name: 'brackets.md', base64: brackets }] }),
    callApi<ImportResult>(server, 'importBanks', { files: [{ name: 'mine.md', base64: good }] })
  ])
  expect(a.errors[0]!.reason).toMatch(/too deeply nested to read safely/)
  expect(b.errors[0]!.reason).toMatch(/nested "\[" brackets/)
  expect(c.imported).toEqual([{ file: 'mine.md', bankId: 'imported-mine', questionCount: 1 }])
  const library = await callApi<{ questions: Array<{ title: string; bankId: string }> }>(server, 'getLibrary')
  expect(library.questions.filter((q) => q.bankId === 'imported-mine').map((q) => q.title)).toEqual(['What is a lakehouse?'])
})
