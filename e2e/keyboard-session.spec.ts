import type { Locator, Page } from '@playwright/test'
import { callInPage as call, test, expect } from './fixtures'

/**
 * Keyboard-complete sessions (issue 15, item 4): the session keys, where focus goes after each
 * action, the skip links, and the shortcut sheet listing every session key.
 */

async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => locator.evaluate((element) => element === document.activeElement).catch(() => false)).toBe(true)
}

/** Focus is on something the keyboard can use, never back on the page itself. */
async function expectFocusNotLost(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.activeElement?.tagName ?? 'none')).not.toMatch(/^(BODY|none)$/)
}

async function startStarSession(page: Page, count: number): Promise<void> {
  const library = await call<{ questions: Array<{ id: string; kind: string }> }>(page, 'getLibrary')
  const questionIds = library.questions.filter((q) => q.kind === 'behavioral').slice(0, count).map((q) => q.id)
  const long = { prepMs: 300_000, answerMs: 600_000 }
  const session = await call<{ id: string }>(page, 'createSession', { type: 'behavioral', questionIds, count, order: 'as-listed', times: { behavioral: long } })
  await page.evaluate((hash) => (location.hash = hash), `#/practice/session/${session.id}`)
  await expect(page.getByTestId('timer-phase')).toHaveText('Think', { timeout: 30_000 })
  await expect(page.getByTestId('record-button')).toBeEnabled({ timeout: 30_000 })
}

test('Start session is two Tabs from loading Practice: the skip link goes straight to it', async ({ app }) => {
  test.slow() // two full loads of the library on a shared machine
  const { page } = app
  await page.evaluate(() => (location.hash = '#/practice'))
  await expect(page.getByRole('button', { name: 'Start session' })).toBeEnabled({ timeout: 30_000 })
  // A fresh load, as a keyboard user arrives: focus starts on the page.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Start session' })).toBeEnabled({ timeout: 30_000 })

  await page.keyboard.press('Tab')
  const toMain = page.getByRole('link', { name: 'Skip to main content' })
  await expectFocused(toMain)
  await expect(toMain).toBeInViewport()
  await page.keyboard.press('Tab')
  await expectFocused(page.getByRole('link', { name: 'Skip to Start session' }))
  await page.keyboard.press('Enter')
  await expectFocused(page.getByRole('button', { name: 'Start session' }))

  // Elsewhere only "Skip to main content" is offered; it lands in the page's content.
  await page.evaluate(() => (location.hash = '#/library'))
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('link', { name: 'Skip to Start session' })).toHaveCount(0)
  await toMain.focus()
  await page.keyboard.press('Enter')
  await expectFocused(page.locator('main'))
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true)
})

test('the shortcut sheet lists every session key', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible({ timeout: 30_000 })
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  for (const [key, words] of [
    ['A', /start answering/],
    ['Space', /recording/],
    ['F', /finish the answer/],
    ['P', /pause/],
    ['S', /skip/],
    ['N', /next question/]
  ] as const) {
    await expect(sheet.getByRole('row').filter({ has: page.locator('kbd', { hasText: new RegExp(`^${key}$`) }) })).toContainText(words)
  }
})

test('session keys A, P, F, N, S drive a session; focus moves to the next useful control; keys never fire while typing', async ({ app }) => {
  test.slow()
  const { page } = app
  await call(page, 'updateSettings', { autoRecord: false })
  // The page read its settings when it loaded: load it again to see auto-record off.
  await page.reload()
  await startStarSession(page, 2)
  const phase = page.getByTestId('timer-phase')
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

  // A: the answer phase begins, and focus is on Record.
  await page.keyboard.press('a')
  await expect(phase).toHaveText('Answer')
  await expectFocused(page.getByTestId('record-button'))

  // Typed letters stay letters: not A, F, S, N, P.
  const box = page.getByLabel('Type your answer')
  await box.focus()
  await page.keyboard.type('A fast snap. ')
  await expect(box).toHaveValue('A fast snap. ')
  await expect(phase).toHaveText('Answer')
  await expect(page.getByText('question 1 of 2')).toBeVisible()
  await expect(page.getByText('Paused', { exact: true })).toHaveCount(0)
  // Once saved the box says it holds the typed answer.
  await expect(page.getByLabel('Your typed answer')).toHaveValue('A fast snap. ', { timeout: 15_000 })

  // P pauses and resumes (outside the box).
  await page.getByTestId('recording-status').click()
  await page.keyboard.press('p')
  await expect(page.getByText('Paused', { exact: true })).toBeVisible()
  await page.keyboard.press('p')
  await expect(page.getByText('Paused', { exact: true })).toHaveCount(0)

  // F finishes the answer: focus goes to Next question.
  await page.keyboard.press('f')
  await expect(page.getByText('Answer finished')).toBeVisible()
  await expectFocused(page.getByRole('button', { name: 'Next question' }))

  // N: the next question, focus on its Start answering button.
  await page.keyboard.press('n')
  await expect(page.getByText('question 2 of 2')).toBeVisible()
  await expect(phase).toHaveText('Think')
  await expectFocused(page.getByRole('button', { name: /^Start answering/ }))

  // The buttons do what the keys do: Enter on Start answering, then on Finish answer.
  await page.keyboard.press('Enter')
  await expect(phase).toHaveText('Answer')
  await expectFocusNotLost(page)
  await page.getByRole('button', { name: 'Finish answer' }).focus()
  await page.keyboard.press('Enter')
  await expectFocused(page.getByRole('button', { name: 'Finish session' }))

  // S skips the last question, which finishes the session.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('s')
  await expect(page).toHaveURL(/#\/review\?session=/)
  const sessions = await call<Array<{ answers: Array<{ skipped: boolean }> }>>(page, 'listSessions')
  expect(sessions[0]!.answers.map((a) => a.skipped)).toEqual([false, true])
  const answers = await call<Array<{ text: string; source: string }>>(page, 'listAnswers')
  expect(answers.map((a) => [a.source, a.text])).toEqual([['typed', 'A fast snap. ']])
})
