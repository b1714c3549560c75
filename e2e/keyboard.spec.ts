import type { Locator, Page } from '@playwright/test'
import { callInPage as call, test, expect } from './fixtures'

/**
 * Presses Tab until `target` has the focus, as someone without a mouse would. The locator is
 * only asked whether it is focused, never clicked; a control Tab cannot reach fails the test.
 */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
  }
  throw new Error(`Tab never reached ${target.toString()} in ${limit} presses`)
}

test('a whole STAR session with the keyboard only; Space does nothing in the think phase', async ({ app }) => {
  test.slow()
  const { page } = app
  await call(page, 'updateSettings', { autoRecord: false })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible({ timeout: 30_000 })

  // Alt+2 is Practice.
  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible({ timeout: 30_000 })

  await tabTo(page, page.getByRole('button', { name: 'Behavioral (STAR)' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Behavioral (STAR)' })).toHaveAttribute('aria-pressed', 'true')
  const count = page.getByRole('spinbutton', { name: 'Questions', exact: true })
  await tabTo(page, count)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('1')
  await expect(count).toHaveValue('1')
  const think = page.getByLabel('STAR: think')
  await tabTo(page, think)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('5:00')
  await tabTo(page, page.getByRole('button', { name: 'Start session' }))
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(/#\/practice\/session\//)
  const phase = page.getByTestId('timer-phase')
  await expect(phase).toHaveText('Think', { timeout: 30_000 })
  // Space in the think phase: no recording starts, the phase stays.
  const status = page.getByTestId('recording-controls')
  await expect(status).toBeVisible()
  // The answer loads after the phase shows; its typed-answer box is the last part to render.
  await expect(status.getByTestId('typed-answer')).toBeVisible({ timeout: 30_000 })
  const before = await status.innerText()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Space')
  await page.waitForTimeout(1500)
  await expect(page.getByTestId('stop-button')).toHaveCount(0)
  expect(await status.innerText()).toBe(before)
  await expect(phase).toHaveText('Think')

  await tabTo(page, page.getByRole('button', { name: /^Start answering( now)?$/ }))
  await page.keyboard.press('Enter')
  await expect(phase).toHaveText('Answer')

  const typed = page.getByTestId('typed-answer')
  await tabTo(page, typed)
  const text = 'Situation: the nightly load missed its SLA. I rebuilt it incrementally, and it now finishes in 20 minutes.'
  await page.keyboard.type(text)
  await tabTo(page, page.getByRole('button', { name: /^Finish answer/ }))
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByRole('button', { name: 'Finish session' }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/review\?session=/)

  const answers = await call<Array<{ text: string; source: string }>>(page, 'listAnswers')
  expect(answers.map((a) => [a.source, a.text])).toEqual([['typed', text]])
})
