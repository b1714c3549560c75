import type { Page } from '@playwright/test'
import { callInPage as call, test, expect } from './fixtures'

async function openPractice(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeVisible()
  // The setup form waits for the question banks (240 built-in questions): on a loaded machine
  // parsing them takes longer than the default 10 s, as in e2e/library.spec.ts.
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible({ timeout: 30_000 })
}

test('a two-question STAR session: phases, warnings, overtime, typed answers, history', async ({ app }) => {
  const { page } = app
  await page.clock.install()
  await page.reload()
  await openPractice(page)
  await expect(page.getByTestId('empty-state')).toBeVisible()

  await page.getByRole('button', { name: 'Behavioral (STAR)' }).click()
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('2')
  await page.getByRole('button', { name: 'As listed' }).click()
  await page.getByLabel('STAR: think').fill('0:01')
  await page.getByLabel('STAR: answer').fill('1:15')
  // From here on the page's time moves only when the test moves it.
  // (A second ahead: on a busy machine the page's clock can pass a closer mark before the call.)
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000)
  await page.getByRole('button', { name: 'Start session' }).click()

  await expect(page).toHaveURL(/#\/practice\/session\//)
  await expect(page.getByText('question 1 of 2')).toBeVisible()
  const timer = page.getByTestId('timer')
  const phase = page.getByTestId('timer-phase')
  const clock = page.getByTestId('timer-clock')
  await expect(phase).toHaveText('Think')
  await expect(clock).toHaveText('0:01')
  await expect(page.getByTestId('question-card')).toBeVisible()
  await expect(page.getByText('STAR scaffold')).toBeVisible()

  // Think → Answer on its own when the think time runs out.
  await page.clock.fastForward(1_500)
  await expect(phase).toHaveText('Answer')
  await expect(clock).toHaveText('1:15')
  await expect(timer).toHaveAttribute('data-tone', 'calm')

  // 1 minute left: a heads-up.
  await page.clock.fastForward(15_000)
  await expect(timer).toHaveAttribute('data-tone', 'warning')
  await expect(page.getByTestId('timer-alert')).toHaveText('1 min left')

  // 15 seconds left: the last call, in red.
  await page.clock.fastForward(45_000)
  await expect(timer).toHaveAttribute('data-tone', 'urgent')
  await expect(page.getByTestId('timer-alert')).toHaveText('15 s left')

  // Past the deadline: overtime counts up.
  await page.clock.fastForward(20_000)
  await expect(timer).toHaveAttribute('data-tone', 'overtime')
  await expect(clock).toHaveText(/^\+0:0\d$/)
  await expect(page.getByTestId('timer-alert')).toContainText('Overtime')

  await page.getByTestId('typed-answer').fill('Situation: our nightly ETL missed its SLA. I rebuilt it incrementally; the job now finishes in 20 minutes.')
  await page.getByRole('button', { name: 'Next question' }).click()

  await expect(page.getByText('question 2 of 2')).toBeVisible()
  await expect(phase).toHaveText('Think')
  await expect(page.getByTestId('typed-answer')).toHaveValue('')
  // N moves on, but not while typing in a field: there it is just a letter.
  await page.getByTestId('typed-answer').fill('Task: I owned the migration to Kafka; the result was zero lost events')
  await page.keyboard.press('n')
  await expect(page.getByText('question 2 of 2')).toBeVisible()
  await page.getByTestId('typed-answer').press('Backspace')
  await page.getByTestId('typed-answer').press('.')
  await page.getByRole('button', { name: 'Finish session' }).click()
  await expect(page).toHaveURL(/#\/review\?session=/)

  const answers = await call<{ text: string; source: string; timeBoxMs: number | null }[]>(page, 'listAnswers')
  expect(answers.map((a) => a.text).sort()).toEqual([
    'Situation: our nightly ETL missed its SLA. I rebuilt it incrementally; the job now finishes in 20 minutes.',
    'Task: I owned the migration to Kafka; the result was zero lost events.'
  ])
  expect(answers.every((a) => a.source === 'typed' && a.timeBoxMs === 75_000)).toBe(true)

  await openPractice(page)
  const past = page.getByRole('list', { name: 'Past sessions' })
  await expect(past.getByTestId('session-row')).toHaveCount(1)
  await expect(past).toContainText('Behavioral (STAR)')
  await expect(past).toContainText('2 answered')
  await expect(page.getByRole('list', { name: 'Sessions in progress' })).toHaveCount(0)
})

test('a system-design session: whiteboard, Mermaid, put on the whiteboard, restored after a reload', async ({ app }) => {
  // Loads Excalidraw and mermaid (the two largest chunks) three times over: on a busy machine
  // that alone outlasts the default 60 s, and the first load of each outlasts a 10 s wait.
  test.slow()
  const slowLoad = { timeout: 60_000 }
  const { page } = app
  await openPractice(page)
  await page.getByRole('button', { name: 'System design' }).click()
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('1')
  await page.getByRole('button', { name: 'As listed' }).click()
  await page.getByLabel('Design: clarify').fill('0')
  await page.getByLabel('Design: design').fill('30:00')
  await page.getByRole('button', { name: 'Start session' }).click()
  await expect(page).toHaveURL(/#\/practice\/session\//)
  const sessionId = decodeURIComponent(page.url().split('/session/')[1]!)
  await expect(page.getByTestId('timer-phase')).toHaveText('Design')

  // Draw a rectangle with the mouse.
  const board = page.getByTestId('whiteboard')
  await expect(board.locator('canvas.interactive')).toBeVisible(slowLoad)
  await board.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  // The tool's radio input sits under its icon: click the label around both.
  await board.getByTestId('toolbar-rectangle').locator('..').click()
  const box = (await board.locator('canvas.interactive').boundingBox())!
  await page.mouse.move(box.x + 150, box.y + 150)
  await page.mouse.down()
  await page.mouse.move(box.x + 260, box.y + 220, { steps: 8 })
  await page.mouse.move(box.x + 300, box.y + 240, { steps: 4 })
  await page.mouse.up()
  const status = page.getByTestId('whiteboard-status')
  await expect(status).toContainText('1 shape')

  // Mermaid: live preview, then an error with its line.
  const source = page.getByRole('textbox', { name: 'Mermaid source' })
  await source.fill('flowchart LR; Kafka-->Spark-->Delta')
  const preview = page.getByTestId('mermaid-preview')
  await expect(preview.locator('svg')).toBeVisible(slowLoad)
  await expect(preview).toContainText('Spark')

  await source.fill('flowchart LR\n  A --> B\n  B -->> C(((')
  await expect(page.getByTestId('mermaid-error')).toContainText(/Line \d/)
  await expect(page.getByRole('button', { name: 'Put on the whiteboard' })).toBeDisabled()

  await source.fill('flowchart LR; Kafka-->Spark-->Delta')
  await expect(preview.locator('svg')).toBeVisible()
  await expect(page.getByTestId('mermaid-error')).toHaveCount(0)
  await page.getByRole('button', { name: 'Put on the whiteboard' }).click()
  await expect(page.getByText('Added to the whiteboard.')).toBeVisible()
  // The rectangle, three nodes and two arrows (a node's label is part of its node).
  await expect(status).toContainText('6 shapes')
  await expect(status).toContainText('Saved', { timeout: 15_000 })

  await expect
    .poll(async () => {
      const session = await call<{ answers: { whiteboard?: { sceneJson: string; svg?: string }; mermaid?: { source: string } }[] }>(page, 'getSession', { id: sessionId })
      const answer = session.answers[0]
      return {
        mermaid: answer?.mermaid?.source,
        svg: answer?.whiteboard?.svg?.startsWith('<svg') ?? false,
        rectangles: (answer?.whiteboard?.sceneJson.match(/"type":\s*"rectangle"/g) ?? []).length
      }
    }, { timeout: 15_000 })
    .toEqual({ mermaid: 'flowchart LR; Kafka-->Spark-->Delta', svg: true, rectangles: 4 })

  // Reload mid-session: the same question, its whiteboard and its Mermaid source come back.
  await page.reload()
  await expect(page.getByTestId('timer-phase')).toHaveText('Design', slowLoad)
  await expect(page.getByTestId('whiteboard-status')).toContainText('6 shapes', slowLoad)
  await expect(page.getByRole('textbox', { name: 'Mermaid source' })).toHaveValue('flowchart LR; Kafka-->Spark-->Delta')
  await expect(page.getByTestId('mermaid-preview').locator('svg')).toBeVisible(slowLoad)

  // The Practice page offers to resume it.
  await openPractice(page)
  const inProgress = page.getByRole('list', { name: 'Sessions in progress' })
  await expect(inProgress.getByTestId('session-row')).toHaveCount(1)
  await inProgress.getByRole('link', { name: 'Resume' }).click()
  await expect(page).toHaveURL(new RegExp(`#/practice/session/${sessionId}`))
  await expect(page.getByTestId('whiteboard-status')).toContainText('6 shapes', slowLoad)

  // Finishing the answer shows the reference material beside the candidate's diagram.
  await page.getByRole('button', { name: 'Finish answer' }).click()
  await expect(page.getByTestId('reference-diagrams')).toBeVisible()
})
