import { generateBank } from '../bench/banks.bench'
import { test, expect, target } from './fixtures'
import { callApi } from './web-server'

test.skip(target !== 'web', 'drives the browser-mode server directly')

test('the backend keeps answering while a large bank is parsed', async ({ app }) => {
  // Parsing 1.5 MB of Markdown (and then the 240 built-in questions with it) took over a minute
  // on a loaded 2-core machine with the suite running beside it: more time, same assertions.
  test.slow()
  const server = app.server!
  await callApi(server, 'getLibrary')
  const bank = Buffer.from(generateBank(1_500_000)).toString('base64')
  let importDone = false
  const importing = callApi<{ imported: Array<{ questionCount: number }> }>(server, 'importBanks', {
    files: [{ name: 'large-generated.md', base64: bank }]
  }).finally(() => {
    importDone = true
  })
  // Parsing runs in a worker thread: other calls are served while the import is still going.
  let answeredDuringImport = 0
  while (!importDone) {
    await callApi(server, 'getSettings')
    if (!importDone) answeredDuringImport += 1
  }
  const result = await importing
  expect(result.imported[0]!.questionCount).toBeGreaterThan(100)
  // In process, the parse would block the loop and only the calls made before it began would
  // be answered; in the worker, calls keep being answered throughout.
  expect(answeredDuringImport).toBeGreaterThan(20)
})
