import { test, expect } from './fixtures'

const pages = ['Library', 'Practice', 'Review', 'Progress', 'Settings']

test('every page is reachable from the navigation', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  for (const name of pages) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  }
})

test('pages without content show an empty state, not sample data', async ({ app }) => {
  const { page } = app
  for (const name of ['Practice', 'Review', 'Progress']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
    await expect(page.getByTestId('empty-state')).toBeVisible()
  }
})

test('the theme toggles and survives a restart with the same data directory', async ({ app }) => {
  const toggle = () => app.page.getByRole('button', { name: 'Toggle theme' })
  const before = await toggle().getAttribute('data-color-mode')
  const after = before === 'dark' ? 'light' : 'dark'
  await toggle().click()
  await expect(toggle()).toHaveAttribute('data-color-mode', after)
  await app.restart()
  await expect(toggle()).toHaveAttribute('data-color-mode', after)
  const background = await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).toBe(after === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)')
})

test('? opens the keyboard shortcut sheet and Alt+digit navigates', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.keyboard.press('Alt+5')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
})
