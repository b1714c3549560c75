import { test, expect } from './fixtures'
import { callApi } from './web-server'

// The first load of the banks can take a while on a busy machine.
const FIRST_LOAD = { timeout: 30_000 }

const customBank = `# Warehouse Drills

## Modeling

1. **What is a slowly changing dimension of type 2?**

   It keeps history by adding a new row per change, with valid-from and valid-to dates.

2. **When would you choose a snowflake schema over a star schema?**

   When dimensions are large and normalized storage matters more than query simplicity.
`

const numberedList = `# Behavioral warm-up

## Questions

1. Tell me about a time you failed.
2. Describe a conflict with a colleague and how you resolved it.
3. What is your greatest strength?
4. Why do you want to work here?
5. Give an example of a time you showed leadership.
`

test('the built-in banks are listed with their questions', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await expect(page.getByText(/^240 questions in 6 banks$/)).toBeVisible(FIRST_LOAD)
  await expect(page.getByRole('list', { name: 'Banks' }).getByRole('button')).toHaveCount(7)
})

test('a numbered list is previewed with its 5 questions; Cancel stores nothing; Import adds them; removing the bank takes it out of Library and Practice', async ({ app }) => {
  test.slow() // two restarts of the app and several page changes
  const { page } = app
  await expect(page.getByText(/^240 questions in 6 banks$/)).toBeVisible(FIRST_LOAD)
  const choose = () => page.getByTestId('bank-file-input').setInputFiles({ name: 'warmup.md', mimeType: 'text/markdown', buffer: Buffer.from(numberedList) })

  await choose()
  const preview = page.getByTestId('import-preview')
  await expect(preview.getByTestId('import-preview-summary')).toContainText('5 questions for the bank Behavioral warm-up')
  await expect(preview.getByTestId('import-preview-summary')).toContainText('A list of questions under a heading')
  await expect(preview.getByTestId('import-preview-question')).toHaveCount(5)
  await expect(preview.getByTestId('import-preview-question').first()).toContainText('Tell me about a time you failed.')
  await expect(preview.getByTestId('import-preview-question').first()).toContainText('Behavioral')
  await preview.getByRole('button', { name: 'Cancel' }).click()
  await expect(preview).toHaveCount(0)
  await expect(page.getByText(/^240 questions in 6 banks$/)).toBeVisible()
  // Nothing was stored: a restart still shows the built-in banks only.
  await app.restart()
  await expect(app.page.getByText(/^240 questions in 6 banks$/)).toBeVisible(FIRST_LOAD)

  const p = app.page
  await p.getByTestId('bank-file-input').setInputFiles({ name: 'warmup.md', mimeType: 'text/markdown', buffer: Buffer.from(numberedList) })
  await p.getByTestId('import-preview').getByRole('button', { name: 'Import 5 questions' }).click()
  await expect(p.getByTestId('import-report')).toContainText('warmup.md (5 questions)')
  await expect(p.getByText(/^245 questions in 7 banks$/)).toBeVisible(FIRST_LOAD)

  await p.getByRole('link', { name: 'Practice' }).click()
  await p.getByRole('combobox', { name: 'Banks' }).click()
  await expect(p.getByRole('option', { name: 'Behavioral warm-up' })).toBeVisible()
  await p.keyboard.press('Escape')

  await p.getByRole('link', { name: 'Library' }).click()
  await p.getByRole('list', { name: 'Banks' }).getByText('Behavioral warm-up').click()
  await p.getByTestId('bank-toolbar').getByRole('button', { name: /Remove/ }).click()
  const confirm = p.getByRole('dialog', { name: /Remove “Behavioral warm-up”/ })
  await expect(confirm).toContainText('Answers you gave to its questions stay in History')
  await confirm.getByRole('button', { name: 'Remove bank' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(p.getByText(/^240 questions in 6 banks$/)).toBeVisible()
  await expect(p.getByRole('list', { name: 'Banks' }).getByText('Behavioral warm-up')).toHaveCount(0)

  await p.getByRole('link', { name: 'Practice' }).click()
  await p.getByRole('combobox', { name: 'Banks' }).click()
  await expect(p.getByRole('option', { name: 'Mock interview transcript' })).toBeVisible()
  await expect(p.getByRole('option', { name: 'Behavioral warm-up' })).toHaveCount(0)
})

test('a file without questions is previewed with the layouts mockroom reads', async ({ app }) => {
  const { page } = app
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('Notes to self.\n\nNothing asked here.\n') })
  const preview = page.getByTestId('import-preview')
  await expect(preview).toContainText('notes.md cannot be imported')
  await expect(preview).toContainText('no questions were found in it')
  await expect(preview.getByTestId('understood-layouts')).toContainText('A list of questions under a heading')
  await expect(preview.getByRole('button', { name: 'Nothing to import' })).toBeDisabled()
  await preview.getByRole('button', { name: 'Cancel' }).click()
})

test('import a bank through the UI, find its question by search, reveal the answer', async ({ app }) => {
  test.slow() // an import, two searches and a restart of the app, on a 240-question library
  const { page } = app
  await expect(page.getByText(/^240 questions in \d+ banks$/)).toBeVisible(FIRST_LOAD)
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'warehouse-drills.md', mimeType: 'text/markdown', buffer: Buffer.from(customBank) })
  await page.getByTestId('import-preview').getByRole('button', { name: 'Import 2 questions' }).click()
  await expect(page.getByTestId('import-report')).toContainText('warehouse-drills.md (2 questions)')
  await expect(page.getByText(/^242 questions in 7 banks$/)).toBeVisible(FIRST_LOAD)

  await page.getByRole('textbox', { name: 'Search questions' }).fill('snowflake star')
  const results = page.getByRole('list', { name: 'Questions' }).getByRole('link')
  await expect(results).toHaveCount(1)
  await results.first().click()
  await expect(page.getByRole('heading', { level: 1, name: /snowflake schema over a star schema/ })).toBeVisible()
  await expect(page.getByTestId('reference-answer')).toHaveCount(0)
  await page.getByRole('button', { name: 'Reveal answer' }).click()
  await expect(page.getByTestId('reference-answer')).toContainText('normalized storage matters more')

  // Search reaches answer text, which the page never received with the list.
  await page.getByRole('link', { name: 'Library' }).first().click()
  await page.getByRole('textbox', { name: 'Search questions' }).fill('adding a new row per change')
  await expect(page.getByRole('list', { name: 'Questions' }).getByRole('link')).toHaveCount(1)
  await expect(page.getByRole('list', { name: 'Questions' }).getByRole('link').first()).toContainText('slowly changing dimension')

  // Imported banks survive a restart.
  await app.restart()
  await expect(app.page.getByText(/^242 questions in 7 banks$/)).toBeVisible(FIRST_LOAD)
})

test('a binary file gets an error naming it, and the other banks still show', async ({ app }) => {
  const { page } = app
  await expect(page.getByText(/^240 questions in \d+ banks$/)).toBeVisible(FIRST_LOAD)
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'diagram.png', mimeType: 'image/png', buffer: png })
  const preview = page.getByTestId('import-preview')
  await expect(preview).toContainText('diagram.png cannot be imported')
  await expect(preview).toContainText(/binary/i)
  await preview.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText(/^240 questions in \d+ banks$/)).toBeVisible()
  await expect(page.getByRole('list', { name: 'Questions' }).getByRole('link').first()).toBeVisible()
})

test('a remote image in an answer is not fetched', async ({ app }) => {
  const { page } = app
  const bank = '# Badges\n\n## Q1. What does this badge show?\n\n![build status](https://img.shields.io/badge/build-passing-green.svg)\n\nThe build passes.\n'
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'badges.md', mimeType: 'text/markdown', buffer: Buffer.from(bank) })
  await page.getByTestId('import-preview').getByRole('button', { name: /^Import 1 question$/ }).click()
  await expect(page.getByTestId('import-report')).toContainText('badges.md')
  await page.getByRole('textbox', { name: 'Search questions' }).fill('badge show')
  await page.getByRole('list', { name: 'Questions' }).getByRole('link').first().click()
  await page.getByRole('button', { name: 'Reveal answer' }).click()
  await expect(page.getByTestId('reference-answer')).toContainText('image not loaded')
  await expect(page.locator('img[src^="http"]')).toHaveCount(0)
  // The fixture also fails the test if any request left 127.0.0.1.
})

test('an answer to a removed bank’s question stays in History with its question text', async ({ app }) => {
  test.skip(!app.server, 'answers are given through the browser-mode server')
  const { page } = app
  await expect(page.getByText(/^240 questions in \d+ banks$/)).toBeVisible(FIRST_LOAD)
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'warmup.md', mimeType: 'text/markdown', buffer: Buffer.from(numberedList) })
  await page.getByTestId('import-preview').getByRole('button', { name: 'Import 5 questions' }).click()
  await expect(page.getByText(/^245 questions in 7 banks$/)).toBeVisible(FIRST_LOAD)
  const library = await callApi<{ questions: Array<{ id: string; title: string }> }>(app.server!, 'getLibrary')
  const failed = library.questions.find((q) => q.title === 'Tell me about a time you failed.')!
  await callApi(app.server!, 'saveTypedAnswer', { sessionId: null, questionId: failed.id, text: 'We shipped late; I learned to cut scope early.' })

  await page.getByRole('list', { name: 'Banks' }).getByText('Behavioral warm-up').click()
  await page.getByTestId('bank-toolbar').getByRole('button', { name: /Remove/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove bank' }).click()
  await expect(page.getByText(/^240 questions in 6 banks$/)).toBeVisible()

  await page.getByRole('link', { name: 'Review' }).click()
  await expect(page.getByTestId('history-answer')).toHaveCount(1)
  await expect(page.getByTestId('history-answer')).toContainText('Tell me about a time you failed.')
})
