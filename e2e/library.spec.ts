import { test, expect } from './fixtures'

const customBank = `# Warehouse Drills

## Modeling

1. **What is a slowly changing dimension of type 2?**

   It keeps history by adding a new row per change, with valid-from and valid-to dates.

2. **When would you choose a snowflake schema over a star schema?**

   When dimensions are large and normalized storage matters more than query simplicity.
`

test('the built-in banks are listed with their questions', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await expect(page.getByText(/^240 questions in 6 banks$/)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('list', { name: 'Banks' }).getByRole('button')).toHaveCount(7)
})

test('import a bank through the UI, find its question by search, reveal the answer', async ({ app }) => {
  // Parses the 240-question library twice (import, then restart): past 60 s on a loaded machine.
  test.slow()
  const { page } = app
  await expect(page.getByText(/^240 questions in \d+ banks$/)).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'warehouse-drills.md', mimeType: 'text/markdown', buffer: Buffer.from(customBank) })
  await expect(page.getByTestId('import-report')).toContainText('warehouse-drills.md (2 questions)')
  await expect(page.getByText(/^242 questions in 7 banks$/)).toBeVisible({ timeout: 30_000 })

  await page.getByRole('textbox', { name: 'Search questions' }).fill('snowflake star')
  const results = page.getByRole('list', { name: 'Questions' }).getByRole('link')
  await expect(results).toHaveCount(1)
  await results.first().click()
  await expect(page.getByRole('heading', { level: 1, name: /snowflake schema over a star schema/ })).toBeVisible()
  await expect(page.getByTestId('reference-answer')).toHaveCount(0)
  await page.getByRole('button', { name: 'Reveal answer' }).click()
  await expect(page.getByTestId('reference-answer')).toContainText('normalized storage matters more')

  // Imported banks survive a restart.
  await app.restart()
  await expect(app.page.getByText(/^242 questions in 7 banks$/)).toBeVisible({ timeout: 30_000 })
})

test('a binary file gets an error naming it, and the other banks still show', async ({ app }) => {
  const { page } = app
  await expect(page.getByText(/^240 questions in \d+ banks$/)).toBeVisible({ timeout: 30_000 })
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'diagram.png', mimeType: 'image/png', buffer: png })
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('diagram.png')
  await expect(report).toContainText(/binary/i)
  await expect(page.getByText(/^240 questions in \d+ banks$/)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('list', { name: 'Questions' }).getByRole('link').first()).toBeVisible()
})

test('a remote image in an answer is not fetched', async ({ app }) => {
  const { page } = app
  const bank = '# Badges\n\n## Q1. What does this badge show?\n\n![build status](https://img.shields.io/badge/build-passing-green.svg)\n\nThe build passes.\n'
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'badges.md', mimeType: 'text/markdown', buffer: Buffer.from(bank) })
  await expect(page.getByTestId('import-report')).toContainText('badges.md')
  await page.getByRole('textbox', { name: 'Search questions' }).fill('badge show')
  await page.getByRole('list', { name: 'Questions' }).getByRole('link').first().click()
  await page.getByRole('button', { name: 'Reveal answer' }).click()
  await expect(page.getByTestId('reference-answer')).toContainText('image not loaded')
  await expect(page.locator('img[src^="http"]')).toHaveCount(0)
  // The fixture also fails the test if any request left 127.0.0.1.
})
