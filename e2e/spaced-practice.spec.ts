import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { callApi, startWebServer, stopProcess, type WebServerProcess } from './web-server'

/**
 * Spaced repetition, progress and attempts over three days that pass in a minute: the backend's
 * clock reads a file (MOCKROOM_TEST_CLOCK_FILE). The page keeps its real clock (a faked one
 * stalls the session runner's animations), so checks that read the page's "now" use dates.
 */
interface Question {
  id: string
  title: string
  kind: string
  bankId: string
  diagrams: Array<{ mermaid: string | null }>
}

const day = (d: number) => new Date(2025, 2, d, 9, 0) // local 9:00, 3–5 March 2025

function setDay(clockFile: string, date: Date): void {
  writeFileSync(clockFile, date.toISOString())
}

async function answerTyped(page: Page, question: Pick<Question, 'id' | 'title'>, text: string): Promise<void> {
  await page.goto(`/#/library/q/${encodeURIComponent(question.id)}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(question.title)
  await page.getByRole('button', { name: 'Practise this question' }).click()
  await expect(page).toHaveURL(/#\/practice\/session\//)
  await page.getByTestId('typed-answer').fill(text)
  await page.getByRole('button', { name: 'Finish session' }).click()
  await expect(page).toHaveURL(/#\/review\?session=/)
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible()
}

test('three typed answers to two questions over a faked clock: due today, two series with dates, two attempts side by side', async ({ browser }) => {
  test.setTimeout(180_000) // three sessions, three pages of results: long, not slow
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-e2e-srs-'))
  const clockFile = join(dataDir, '..', `${dataDir.split('/').pop()}-clock`)
  writeFileSync(clockFile, day(3).toISOString())
  let server: WebServerProcess | null = null
  try {
    server = await startWebServer(dataDir, [], { MOCKROOM_TEST_CLOCK_FILE: clockFile })
    const context = await browser.newContext({ baseURL: server.origin, locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(server.url)

    // getLibrary gives summaries; the whole question (diagrams included) comes from getQuestions.
    const library = await callApi<{ questions: Array<Omit<Question, 'diagrams'>> }>(server, 'getLibrary')
    const story = library.questions.find((q) => q.bankId === 'behavioral-data-engineering' && q.kind === 'behavioral')!
    // A concept question: no whiteboard or diagram to load, so the page's fake clock stays simple.
    const designSummary = library.questions.find((q) => q.title === 'What makes a data pipeline reliable?')!
    const [design] = (await callApi<{ questions: Question[] }>(server, 'getQuestions', { ids: [designSummary.id] })).questions as [Question]
    expect(design.kind).toBe('concept')
    expect(design.diagrams.every((d) => d.mermaid === null)).toBe(true)

    // Day 1: two weak answers. Both come back tomorrow.
    await answerTyped(page, story, 'We did some stuff with a pipeline once and it went fine.')
    await answerTyped(page, design, 'I would use Spark.')
    await page.goto('/#/practice')
    await expect(page.getByTestId('due-today')).toHaveText('Due today: 0')
    await page.goto(`/#/library/q/${encodeURIComponent(story.id)}`)
    await expect(page.getByTestId('next-due')).toHaveText(/Mar 4/)

    // Day 2: both are due; a strong answer to the story pushes it out.
    setDay(clockFile, day(4))
    await page.goto('/#/practice')
    await expect(page.getByTestId('due-today')).toHaveText('Due today: 2')
    await page.getByRole('button', { name: 'Due questions (2)' }).click()
    await expect(page.getByText('2 match')).toBeVisible()
    await answerTyped(
      page,
      story,
      'Situation: our nightly ETL pipeline had no owner and missed its SLA three times a week, so finance reports were late. ' +
        'Task: I took ownership and set a target of zero missed SLAs within a month. ' +
        'Action: I wrote a runbook, added data quality tests and alerting, made the job idempotent, and named an on-call owner. ' +
        'Result: missed SLAs fell from 3 a week to 0 over six weeks and I saved the team about 5 hours a week.'
    )
    await page.goto('/#/practice')
    await expect(page.getByTestId('due-today')).toHaveText('Due today: 1')
    await page.goto(`/#/library/q/${encodeURIComponent(story.id)}`)
    const practice = await callApi<{ cards: Array<{ questionId: string; due: string }> }>(server, 'getPractice')
    const storyDue = new Date(practice.cards.find((c) => c.questionId === story.id)!.due)
    expect(storyDue.getTime()).toBeGreaterThan(new Date(2025, 2, 5, 0, 0).getTime())
    await expect(page.getByTestId('next-due')).toHaveText(new RegExp(storyDue.toLocaleDateString('en-US', { day: 'numeric', month: 'short' })))

    // Progress: one line per kind, over real dates.
    setDay(clockFile, day(5))
    await page.goto('/#/progress')
    const chart = page.getByTestId('progress-chart')
    await expect(chart).toBeVisible()
    await expect(chart.locator('.MuiLineChart-line, [class*="MuiLineChart-line"], path[class*="line"]').first()).toBeVisible()
    const legend = page.locator('.MuiChartsLegend-root')
    await expect(legend).toContainText('Behavioral')
    await expect(legend).toContainText('Concept')
    await expect(legend.locator('li')).toHaveCount(2)
    await expect(chart).toContainText('Mar 3')
    await expect(chart).toContainText('Mar 4')
    await expect(chart).toHaveAttribute('aria-label', /from Mar 3 to Mar 4/)

    // Two attempts at the story, side by side, with a word diff.
    await page.goto(`/#/library/q/${encodeURIComponent(story.id)}`)
    const attempts = page.getByRole('list', { name: 'Attempts' })
    await expect(attempts.getByTestId('attempt-row')).toHaveCount(2)
    for (const box of await attempts.getByRole('checkbox').all()) await box.check()
    await page.getByRole('button', { name: 'Compare side by side' }).click()
    await expect(page).toHaveURL(/#\/review\/compare\//)
    const earlier = page.getByTestId('compare-earlier')
    const later = page.getByTestId('compare-later')
    await expect(earlier).toContainText('Mar 3, 2025')
    await expect(later).toContainText('Mar 4, 2025')
    const earlierScore = Number((await earlier.getByTestId('compare-score').textContent())!.replace('/100', ''))
    const laterScore = Number((await later.getByTestId('compare-score').textContent())!.replace('/100', ''))
    expect(laterScore).toBeGreaterThan(earlierScore)
    await expect(earlier.getByTestId('compare-transcript')).toContainText('We did some stuff')
    await expect(later.getByTestId('compare-transcript')).toContainText('I took ownership')
    await expect(later).toContainText('Criteria met')
    const diff = page.getByTestId('transcript-diff')
    await expect(diff.locator('[data-diff="removed"]').first()).toContainText('We did some stuff')
    await expect(diff.locator('[data-diff="added"]').first()).toContainText('Situation')
    await context.close()
  } finally {
    if (server) await stopProcess(server.child)
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(clockFile, { force: true })
  }
})
