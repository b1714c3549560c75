import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

/**
 * The design workspace: the board, the Mermaid editor and the clock fit the window together
 * (checked by their boxes, at a small laptop's size and a large one), full screen keeps the
 * clock in sight, and Mermaid's errors read as sentences. Excalidraw and mermaid are the app's
 * two largest chunks: their first load gets a longer wait than a click does.
 */
const slowLoad = { timeout: 60_000 }

async function startDesignSession(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible(slowLoad)
  await page.getByRole('button', { name: 'System design', exact: true }).click()
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('1')
  await page.getByRole('button', { name: 'As listed' }).click()
  await page.getByRole('button', { name: 'Start session' }).click()
  await expect(page).toHaveURL(/#\/practice\/session\//)
  await expect(page.getByTestId('whiteboard').locator('canvas.interactive')).toBeVisible(slowLoad)
}

async function expectInViewport(page: Page, locator: Locator, name: string) {
  const box = await locator.boundingBox()
  const viewport = page.viewportSize()!
  expect(box, `${name} is rendered`).not.toBeNull()
  const { x, y, width, height } = box!
  expect({ name, left: x >= 0, top: y >= 0, right: x + width <= viewport.width, bottom: y + height <= viewport.height }).toEqual({
    name,
    left: true,
    top: true,
    right: true,
    bottom: true
  })
  return box!
}

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1400, height: 900 }
]) {
  test(`at ${viewport.width}×${viewport.height} the board, the Mermaid editor and the clock are all in view; full screen keeps the clock`, async ({ app }) => {
    test.slow()
    const { page } = app
    await page.setViewportSize(viewport)
    await startDesignSession(page)

    const board = await expectInViewport(page, page.getByTestId('whiteboard'), 'whiteboard')
    await expectInViewport(page, page.getByRole('textbox', { name: 'Mermaid source' }), 'Mermaid source')
    await expectInViewport(page, page.getByTestId('timer-clock'), 'clock')
    await expectInViewport(page, page.getByTestId('question-title'), 'question title')
    // Board first: the largest thing on the page.
    expect(board.width).toBeGreaterThan(viewport.width * 0.4)
    expect(board.height).toBeGreaterThan(viewport.height * 0.6)
    // Nothing to scroll to reach them.
    expect(await page.evaluate(() => window.scrollY)).toBe(0)

    await page.getByRole('button', { name: 'Full screen' }).click()
    const full = await expectInViewport(page, page.getByTestId('whiteboard'), 'full-screen whiteboard')
    expect(full.width).toBeGreaterThan(viewport.width * 0.9)
    expect(full.height).toBeGreaterThan(viewport.height * 0.85)
    const floating = page.getByTestId('floating-clock')
    await expectInViewport(page, floating, 'floating clock')
    await expect(floating.getByTestId('timer-clock')).toHaveText(/^\d+:\d\d$/)
    await expect(floating.getByRole('button', { name: 'Pause' })).toBeVisible()

    // Esc (outside the board) brings the workspace back, Mermaid editor and all.
    await page.getByRole('button', { name: 'Exit full screen' }).focus()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('floating-clock')).toHaveCount(0)
    await expectInViewport(page, page.getByRole('textbox', { name: 'Mermaid source' }), 'Mermaid source after full screen')
    await expectInViewport(page, page.getByTestId('timer-clock'), 'clock after full screen')
  })
}

test('Mermaid: errors in plain words with their line, a zoomable preview, no stale "Added" note, the prompt once', async ({ app }) => {
  test.slow()
  const { page } = app
  await page.setViewportSize({ width: 1400, height: 900 })
  await startDesignSession(page)

  // The question's title is the first line of its prompt: the header says it once, the full
  // question adds only the rest.
  const title = await page.getByTestId('question-title').textContent()
  await page.getByRole('button', { name: 'Full question' }).click()
  const prompt = page.getByTestId('question-prompt')
  await expect(prompt).toContainText('ad-hoc monitoring')
  await expect(prompt).not.toContainText(title!.slice(0, 40))
  await page.keyboard.press('Escape')

  const source = page.getByRole('textbox', { name: 'Mermaid source' })
  await source.fill('flowchart LR\n  Kafka --> Spark --> Delta\n  Delta --> BI')
  const preview = page.getByTestId('mermaid-preview')
  await expect(preview.locator('svg[id^="mermaid"]')).toBeVisible(slowLoad)
  const zoom = page.getByTestId('mermaid-zoom')
  const fitted = await zoom.textContent()
  await page.getByRole('button', { name: 'Zoom in' }).click()
  await expect(zoom).not.toHaveText(fitted!)
  const zoomedWidth = (await preview.locator('svg[id^="mermaid"]').boundingBox())!.width
  await page.getByRole('button', { name: 'Fit' }).click()
  await expect(zoom).toHaveText(fitted!)
  expect((await preview.locator('svg[id^="mermaid"]').boundingBox())!.width).toBeLessThan(zoomedWidth)

  await page.getByRole('button', { name: 'Put on the whiteboard' }).click()
  await expect(page.getByText('Added to the whiteboard.')).toBeVisible()

  // A syntax error: the line and a sentence, not the parser's dump; the note about the old
  // diagram goes away with the edit.
  await source.fill('flowchart LR\n  A --> B\n  B -->> C(((')
  const error = page.getByTestId('mermaid-error')
  await expect(error).toContainText('Line 3:')
  await expect(error).toContainText('Mermaid did not expect “>” here')
  await expect(error).not.toContainText('Expecting')
  await expect(error).not.toContainText('^')
  await expect(page.getByText('Added to the whiteboard.')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Put on the whiteboard' })).toBeDisabled()
  // The last diagram that drew stays in view, marked as such.
  await expect(page.getByTestId('mermaid-preview-stale').locator('svg[id^="mermaid"]')).toBeVisible()

  await source.fill('flowchart LR\n  A --> B[unclosed')
  await expect(error).toContainText('Line 2:')
  await expect(error).toContainText('The diagram ends too soon')
})
