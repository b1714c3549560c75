import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, type AppHandle } from './fixtures'
import { callApi } from './web-server'

/**
 * axe-core on every page of the app, in the light and the dark theme: no serious or critical
 * violation of WCAG 2.x A/AA. A page's content comes from the built-in banks and from a session
 * with one typed answer made through the API.
 */
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const slowLoad = { timeout: 60_000 }

/**
 * An overlay (a dialog, the full-screen board) hides the theme button: `overlay` opens it after
 * the theme is set and closes it before the next one.
 */
async function expectNoSeriousViolations(page: Page, name: string, overlay?: { open: () => Promise<void>; close: () => Promise<void> }) {
  for (const theme of ['light', 'dark'] as const) {
    const toggle = page.getByRole('button', { name: 'Toggle theme' })
    if ((await toggle.getAttribute('data-color-mode')) !== theme) await toggle.click()
    await expect(toggle).toHaveAttribute('data-color-mode', theme)
    await overlay?.open()
    // Let MUI's transitions (ripples, fades) settle: axe reads colours as they are drawn.
    await page.waitForTimeout(400)
    const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze()
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) }))
    expect(serious, `${name} (${theme} theme)`).toEqual([])
    await overlay?.close()
  }
}

function call<T>(app: AppHandle, method: string, input: unknown = {}): Promise<T> {
  return callApi<T>(app.server!, method, input)
}

async function finishedSessionWithAnswer(app: AppHandle): Promise<{ sessionId: string; answerId: string }> {
  const library = await call<{ questions: Array<{ id: string; kind: string }> }>(app, 'getLibrary')
  const question = library.questions.find((q) => q.kind === 'behavioral')!
  const session = await call<{ id: string }>(app, 'createSession', { type: 'behavioral', questionIds: [question.id], count: 1, order: 'as-listed' })
  const saved = await call<{ answers: Array<{ answerId: string }> }>(app, 'saveSessionItem', { sessionId: session.id, questionId: question.id, notes: '' })
  const answerId = saved.answers[0]!.answerId
  await call(app, 'saveTypedAnswer', {
    id: answerId,
    sessionId: session.id,
    questionId: question.id,
    text: 'Situation: our nightly ETL missed its SLA. Task: I owned the fix. Action: I rebuilt it incrementally. Result: it finishes in 20 minutes.',
    timeBoxMs: 180_000
  })
  await call(app, 'updateSession', { id: session.id, status: 'finished', currentIndex: 1, timer: null })
  return { sessionId: session.id, answerId }
}

test('Library, a question page, Settings and Progress', async ({ app }) => {
  test.slow()
  const { page } = app
  await expect(page.getByRole('list', { name: 'Questions' })).toBeVisible(slowLoad)
  await expectNoSeriousViolations(page, 'Library')

  await page.getByRole('list', { name: 'Questions' }).getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Reveal answer' }).click()
  await expectNoSeriousViolations(page, 'Question page')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expectNoSeriousViolations(page, 'Settings')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible()
  await expectNoSeriousViolations(page, 'Progress (empty)')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible()
  await expectNoSeriousViolations(page, 'Review (empty)')

  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expectNoSeriousViolations(page, 'Keyboard shortcut sheet', {
    open: async () => {
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
      await expect(sheet).toBeVisible()
    },
    close: async () => {
      await page.keyboard.press('Escape')
      await expect(sheet).toHaveCount(0)
    }
  })
})

test('Practice: the setup, a STAR session, and the review of its answer', async ({ app }) => {
  test.slow()
  const { page } = app
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible(slowLoad)
  await expect(page.getByTestId('readiness-model')).toContainText('No Whisper model')
  await expectNoSeriousViolations(page, 'Practice setup')

  await page.getByRole('button', { name: 'Behavioral (STAR)' }).click()
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('1')
  await page.getByRole('button', { name: 'Start session' }).click()
  await expect(page.getByTestId('timer-phase')).toHaveText('Think')
  await expectNoSeriousViolations(page, 'STAR session')

  const { sessionId, answerId } = await finishedSessionWithAnswer(app)
  await page.goto(`${app.server!.origin}/#/review?session=${encodeURIComponent(sessionId)}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible(slowLoad)
  await expectNoSeriousViolations(page, 'Review of a session')

  await page.goto(`${app.server!.origin}/#/review/answer/${answerId}`)
  await expect(page.getByTestId('answer-review')).toBeVisible(slowLoad)
  await expectNoSeriousViolations(page, 'Review of an answer')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible()
  await expectNoSeriousViolations(page, 'Progress with an answer')
})

test('the design workspace and its full-screen board', async ({ app }) => {
  test.slow()
  const { page } = app
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible(slowLoad)
  await page.getByRole('button', { name: 'System design', exact: true }).click()
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('1')
  await page.getByRole('button', { name: 'Start session' }).click()
  await expect(page.getByTestId('whiteboard').locator('canvas.interactive')).toBeVisible(slowLoad)
  await page.getByRole('textbox', { name: 'Mermaid source' }).fill('flowchart LR\n  Kafka --> Spark --> Delta')
  await expect(page.getByTestId('mermaid-preview').locator('svg[id^="mermaid"]')).toBeVisible(slowLoad)
  await expectNoSeriousViolations(page, 'Design workspace')

  const popover = page.getByRole('dialog', { name: 'The full question' })
  await expectNoSeriousViolations(page, 'The full question', {
    open: async () => {
      await page.getByRole('button', { name: 'Full question' }).click()
      await expect(popover).toBeVisible()
    },
    close: async () => {
      await page.keyboard.press('Escape')
      await expect(popover).toHaveCount(0)
    }
  })

  await page.getByRole('textbox', { name: 'Mermaid source' }).fill('flowchart LR\n  A --> B(((')
  await expect(page.getByTestId('mermaid-error')).toBeVisible()
  await expectNoSeriousViolations(page, 'Design workspace with a Mermaid error')

  await expectNoSeriousViolations(page, 'Full-screen board', {
    open: async () => {
      await page.getByRole('button', { name: 'Full screen' }).click()
      await expect(page.getByTestId('floating-clock')).toBeVisible()
    },
    close: async () => {
      await page.getByRole('button', { name: 'Exit full screen' }).click()
      await expect(page.getByTestId('floating-clock')).toHaveCount(0)
    }
  })
})
