import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { callApi } from './web-server'

/**
 * The SQL drill on "Distance between two cities": the engine (PGlite) starts in the backend
 * when the question opens: seconds on an idle machine, minutes on one shared by many test
 * runs, hence the long waits for the tables. Nothing here measures speed.
 */
const ENGINE_START = 240_000

async function openDistanceQuestion(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Search questions' }).fill('Distance between two cities')
  await page.getByRole('list', { name: 'Questions' }).getByRole('link', { name: /Distance between two cities/ }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Distance between two cities' })).toBeVisible()
  await expect(page.getByTestId('sql-tables')).toContainText('dist', { timeout: ENGINE_START })
  await expect(page.getByTestId('sql-tables')).toContainText('5 rows')
}

/** Replaces the editor's text (insertText: no autocompletion popup in the way). */
async function typeQuery(page: Page, query: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: /SQL query/ })
  await editor.click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(query)
}

test('write a query, Run it, Check it; a wrong query shows the missing rows', async ({ app }) => {
  test.setTimeout(480_000)
  const { page } = app
  await openDistanceQuestion(page)

  await typeQuery(page, 'select least(src, dest) as a, greatest(src, dest) as b\nfrom dist\ngroup by 1, 2\nhaving count(*) > 1')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('sql-row-count')).toContainText('2 rows')
  await expect(page.getByTestId('sql-result')).toContainText('MUM')
  await page.getByTestId('sql-check').click()
  await expect(page.getByTestId('sql-check-result')).toContainText('Check: matches')

  await typeQuery(page, "select src, dest from dist where src = 'DEL' and dest = 'KOL'")
  await page.getByTestId('sql-check').click()
  await expect(page.getByTestId('sql-check-result')).toContainText('does not match')
  const missing = page.getByTestId('sql-missing-rows')
  await expect(missing).toContainText('DEL')
  await expect(missing).toContainText('MUM')
  await expect(page.getByTestId('sql-extra-rows')).toHaveCount(0)

  // An error points at the line it is on.
  await typeQuery(page, 'select src,\n       no_such_column\nfrom dist')
  await page.getByTestId('sql-run').click()
  await expect(page.getByTestId('sql-error')).toContainText('Line 2, column 8')
  await expect(page.locator('.cm-error-line')).toContainText('no_such_column')
})

test('an endless recursive WITH stops: at the row limit, and at the time limit', async ({ app }) => {
  test.setTimeout(480_000)
  const { page } = app
  await openDistanceQuestion(page)

  await typeQuery(page, 'with t(n) as (select 1 from dual union all select n + 1 from t)\nselect * from t')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('sql-row-limit')).toContainText('Stopped at the row limit')
  await expect(page.getByTestId('sql-row-count')).toContainText('1,000 rows')

  await typeQuery(page, 'with t(n) as (select 1 from dual union all select n + 1 from t)\nselect count(*) from t')
  await page.keyboard.press('Control+Enter')
  // The limit is 5 s; the generous wait only absorbs a loaded machine.
  await expect(page.getByTestId('sql-error')).toContainText('Stopped after 5 s, the time limit', { timeout: 120_000 })

  // A fresh engine takes the next run.
  await typeQuery(page, 'select count(*) from dist')
  await page.getByTestId('sql-run').click()
  await expect(page.getByTestId('sql-row-count')).toContainText('1 row', { timeout: ENGINE_START })
  await expect(page.getByTestId('sql-result')).toContainText('5')
})

test('in a practice session, the drill’s query, result and check are kept with the question', async ({ app }) => {
  test.setTimeout(480_000)
  const { page, server } = app
  if (!server) throw new Error('this test drives the browser-mode server')
  const library = await callApi<{ questions: { id: string; title: string }[] }>(server, 'getLibrary')
  const question = library.questions.find((q) => q.title === 'Distance between two cities')!
  const session = await callApi<{ id: string }>(server, 'createSession', { type: 'drill', questionIds: [question.id], count: 1, order: 'as-listed' })
  await callApi(server, 'saveSessionItem', { sessionId: session.id, questionId: question.id, notes: '' })
  await page.goto(`${server.origin}/#/practice/session/${encodeURIComponent(session.id)}`)
  await expect(page.getByTestId('question-title')).toHaveText('Distance between two cities')
  await expect(page.getByTestId('sql-tables')).toContainText('dist', { timeout: ENGINE_START })

  await typeQuery(page, 'select least(src, dest), greatest(src, dest) from dist group by 1, 2 having count(*) > 1')
  await page.getByTestId('sql-check').click()
  await expect(page.getByTestId('sql-check-result')).toContainText('Check: matches')
  await expect
    .poll(async () => (await callApi<{ answers: { sqlDrill?: { runs: number; firstMatchAtRun: number | null; query: string } }[] }>(server, 'getSession', { id: session.id })).answers[0]?.sqlDrill)
    .toMatchObject({ runs: 1, firstMatchAtRun: 1, query: expect.stringContaining('greatest(src, dest)') })

  // The query comes back with the session.
  await page.reload()
  await expect(page.getByRole('textbox', { name: /SQL query/ })).toContainText('greatest(src, dest)', { timeout: ENGINE_START })

  // The answer keeps the drill: its review shows the query, its result and the check, and the score counts it.
  const right = await explainAndReview(page, server, session.id)
  const review = page.getByTestId('sql-drill-review')
  await expect(review.getByTestId('sql-review-query')).toContainText('select least(src, dest), greatest(src, dest) from dist')
  await expect(review.getByTestId('sql-review-row-count')).toHaveText('Result: 2 rows')
  await expect(review.getByTestId('sql-review-result')).toContainText('MUM')
  await expect(review.getByTestId('sql-review-check')).toContainText('Check: matches')
  await expect(review.getByTestId('sql-review-runs')).toHaveText('Run 1 time; matched on the first run')
  await expect(page.getByTestId('component-correctness')).toContainText('50.0 / 50.0')

  // The same explanation with a wrong query: the missing row is shown and correctness drops.
  const second = await callApi<{ id: string }>(server, 'createSession', { type: 'drill', questionIds: [question.id], count: 1, order: 'as-listed' })
  await callApi(server, 'saveSessionItem', { sessionId: second.id, questionId: question.id, notes: '' })
  await page.goto(`${server.origin}/#/practice/session/${encodeURIComponent(second.id)}`)
  await expect(page.getByTestId('sql-tables')).toContainText('dist', { timeout: ENGINE_START })
  await typeQuery(page, "select src, dest from dist where src = 'DEL' and dest = 'KOL'")
  await page.getByTestId('sql-check').click()
  await expect(page.getByTestId('sql-check-result')).toContainText('does not match')
  const wrong = await explainAndReview(page, server, second.id)
  await expect(review.getByTestId('sql-review-row-count')).toHaveText('Result: 1 row')
  await expect(review.getByTestId('sql-review-check')).toContainText('Check: missing rows')
  await expect(review.getByTestId('sql-review-missing')).toContainText('MUM')
  await expect(review.getByTestId('sql-review-runs')).toHaveText('Run 1 time; never matched the reference')
  await expect(page.getByTestId('component-correctness')).toContainText('10.0 / 50.0')
  await expect(page.getByTestId('coaching')).toContainText('Your query returned 1 row, the expected result has 2 (1 missing)')
  expect(wrong).toBeLessThan(right)
})

/** Types the explanation beside the drill, opens the answer's review and returns its overall score. */
async function explainAndReview(page: Page, server: { origin: string; token: string }, sessionId: string): Promise<number> {
  const explanation = 'I normalise each pair with least and greatest, so both directions look alike, then group by the pair and keep the groups having count above one.'
  await page.getByTestId('typed-answer').fill(explanation)
  const answerId = (await callApi<{ answers: { answerId: string }[] }>(server, 'getSession', { id: sessionId })).answers[0]!.answerId
  await expect
    .poll(async () => {
      const answer = await callApi<{ text: string; sqlDrill?: { runs: number } }>(server, 'getAnswer', { id: answerId })
      return { text: answer.text, runs: answer.sqlDrill?.runs }
    })
    .toEqual({ text: explanation, runs: 1 })
  await page.goto(`${server.origin}/#/review/answer/${encodeURIComponent(answerId)}`)
  await expect(page.getByTestId('sql-drill-review')).toBeVisible()
  return Number(await page.getByTestId('overall-score').textContent())
}
