import { callInPage as call, test, expect } from './fixtures'

/**
 * Edits are saved a moment after typing stops. A reload within that moment must not lose them:
 * the page sends what is pending as it goes away. Nothing here waits for "Saved".
 */
test('a reload right after typing keeps the typed answer, the notes and the STAR scaffold', async ({ app }) => {
  const { page } = app
  await call(page, 'updateSettings', { autoRecord: false })
  const session = await call<{ id: string }>(page, 'createSession', { type: 'behavioral', count: 1, order: 'as-listed' })
  await page.goto(`${new URL(page.url()).origin}/#/practice/session/${session.id}`)
  const typed = page.getByTestId('typed-answer')
  await expect(typed).toBeVisible({ timeout: 30_000 })

  await page.getByLabel('Situation', { exact: true }).fill('The nightly load missed its SLA.')
  await page.getByLabel('Notes', { exact: true }).fill('Lead with the 3 hours saved.')
  await typed.fill('I rebuilt the load incrementally; it now finishes in 20 minutes.')
  await page.reload()

  await expect(page.getByTestId('typed-answer')).toHaveValue('I rebuilt the load incrementally; it now finishes in 20 minutes.', { timeout: 30_000 })
  await expect(page.getByLabel('Situation', { exact: true })).toHaveValue('The nightly load missed its SLA.')
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Lead with the 3 hours saved.')
})
