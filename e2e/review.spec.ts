import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, type AppHandle } from './fixtures'
import { callApi, startWebServer, stopProcess, type WebServerProcess } from './web-server'

/**
 * The Review and Progress pages. Answers are created through the HTTP API (what the Practice
 * page would call), so these tests do not depend on the Practice UI or a microphone.
 */

interface Question {
  id: string
  title: string
}

const reasoned = [
  'It depends on the latency the business actually needs and what it is worth to them.',
  'Batch is simpler and cheaper, while streaming gives fresher data at the cost of more operational complexity.',
  'At my last company the fraud team needed alerts within seconds, so I chose streaming with Kafka over hourly batch because a delayed alert meant lost revenue.',
  'For the finance reporting we kept nightly batch jobs, since the stakeholders only looked at it in the morning and batch cost a fraction of the cluster.',
  'One thing went wrong early on: late events broke our windowed aggregates. The lesson I learned was to plan for late data and ordering from day one.',
  'I added monitoring on event lag and a data contract to prevent bad records, and we cut detection time from four hours to two minutes.'
].join(' ')

const slogan = 'Just use Spark, always stream everything.'

// The review waits for the parsed banks (its question and rubric); on a busy machine the first
// load can take longer than the default assertion timeout.
const FIRST_LOAD = { timeout: 30_000 }

function call<T>(app: Pick<AppHandle, 'server'>, method: string, input: unknown = {}): Promise<T> {
  if (!app.server) throw new Error('these tests drive the browser-mode server')
  return callApi<T>(app.server, method, input)
}

async function questions(app: Pick<AppHandle, 'server'>): Promise<{ batch: Question; other: Question }> {
  const library = await call<{ questions: Question[] }>(app, 'getLibrary')
  const batch =
    library.questions.find((q) => q.title === 'How do you decide batch vs streaming?') ??
    library.questions.find((q) => /batch/i.test(q.title) && /stream/i.test(q.title))
  const other = library.questions.find((q) => q.id !== batch?.id && /kafka/i.test(q.title)) ?? library.questions.find((q) => q.id !== batch?.id)
  if (!batch || !other) throw new Error('the built-in banks should hold a batch-vs-streaming question')
  return { batch, other }
}

/** A session with one typed answer to `question`; returns the answer's id. */
async function typedSessionAnswer(app: Pick<AppHandle, 'server'>, question: Question, text: string, extra: Record<string, unknown> = {}): Promise<{ sessionId: string; answerId: string }> {
  const session = await call<{ id: string }>(app, 'createSession', {
    type: 'system-design',
    questionIds: [question.id],
    count: 1,
    order: 'as-listed'
  })
  const saved = await call<{ answers: Array<{ answerId: string }> }>(app, 'saveSessionItem', {
    sessionId: session.id,
    questionId: question.id,
    notes: '',
    ...extra
  })
  const answerId = saved.answers[0]!.answerId
  await call(app, 'saveTypedAnswer', { id: answerId, sessionId: session.id, questionId: question.id, text, timeBoxMs: 180_000 })
  return { sessionId: session.id, answerId }
}

async function openReview(app: Pick<AppHandle, 'page' | 'server'>, answerId: string): Promise<void> {
  await app.page.goto(`${app.server!.origin}/#/review/answer/${answerId}`)
  await expect(app.page.getByTestId('answer-review')).toBeVisible(FIRST_LOAD)
}

test('a typed answer shows its evidence highlighted, and editing the transcript re-scores it', async ({ app }) => {
  const { batch } = await questions(app)
  const now = new Date().toISOString()
  const { answerId } = await typedSessionAnswer(app, batch, reasoned, {
    whiteboard: {
      sceneJson: '{}',
      svg: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fc0"/><script>window.hacked=1</script></svg>',
      updatedAt: now
    },
    mermaid: { source: 'flowchart LR\n  K[Kafka] --> S[Spark]', updatedAt: now }
  })
  const { page } = app
  await openReview(app, answerId)

  await expect(page.getByRole('heading', { level: 1, name: batch.title })).toBeVisible()
  const marks = page.getByTestId('transcript-text').locator('mark')
  await expect(marks.first()).toBeVisible()
  await expect(page.getByRole('list', { name: 'Highlight legend' }).getByRole('listitem').first()).toBeVisible()
  await expect(page.getByTestId('rubric-criterion').first()).toBeVisible()
  await expect(page.getByTestId('model-answer')).not.toContainText('gives no reference answer')
  // A concept question: scored by the technical profile, so no STAR part; typed, so no delivery figures.
  await expect(page.getByTestId('score-profile')).toHaveText('Scored as SQL, coding and concepts')
  await expect(page.getByTestId('star-bar')).toHaveCount(0)
  await expect(page.getByTestId('delivery-not-measured')).toContainText('Not measured')
  await expect(page.getByTestId('delivery-not-measured')).toContainText('Typed answer')
  await expect(page.getByTestId('component-delivery')).toContainText('not measured')
  await expect(page.getByTestId('delivery-pace')).toHaveCount(0)
  // The whiteboard is an <img>: its script never runs.
  await expect(page.getByTestId('whiteboard').locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml/)
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined()
  await expect(page.getByTestId('mermaid').getByTestId('mermaid-svg')).toBeVisible()

  const before = Number(await page.getByTestId('overall-score').textContent())
  expect(before).toBeGreaterThan(30)

  await page.getByRole('button', { name: 'Edit transcript' }).click()
  await page.getByRole('textbox', { name: 'Transcript' }).fill(slogan)
  await expect(page.getByTestId('overall-score')).not.toHaveText(String(before))
  const after = Number(await page.getByTestId('overall-score').textContent())
  expect(after).toBeLessThan(before)
  await expect(page.locator('[data-testid="rubric-criterion"][data-state="flagged"]').first()).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('Saved')
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByTestId('transcript-text')).toHaveText(slogan)

  // The correction was saved: a reload shows it and its score.
  await page.reload()
  await expect(page.getByTestId('transcript-text')).toHaveText(slogan)
  await expect(page.getByTestId('overall-score')).toHaveText(String(after))
})

test('a design answer is scored without STAR, a story with it, and both get three things to change', async ({ app }) => {
  const library = await call<{ questions: Array<Question & { kind: string }> }>(app, 'getLibrary')
  const design = library.questions.find((q) => q.title === 'Design real-time dashboard for operations team')
  const story = library.questions.find((q) => q.kind === 'behavioral')
  if (!design || !story) throw new Error('the built-in banks should hold the dashboard design question and a behavioral one')
  const { page } = app

  const { answerId: designAnswer } = await typedSessionAnswer(
    app,
    design,
    'Trucks send events to Kafka, because it buffers spikes. Flink keeps the latest state per truck in Redis, and Grafana reads it for the live map.'
  )
  await openReview(app, designAnswer)
  await expect(page.getByTestId('score-profile')).toHaveText('Scored as System design')
  await expect(page.getByTestId('star-bar')).toHaveCount(0)
  await expect(page.getByTestId('component-star')).toHaveCount(0)
  await expect(page.getByTestId('checklist-item')).toHaveCount(6)
  await expect(page.getByTestId('key-terms')).toContainText('tech')
  const coaching = page.getByTestId('coaching')
  await expect(coaching.getByRole('heading', { name: 'Next time' })).toBeVisible()
  await expect(coaching.getByTestId('coaching-item')).toHaveCount(3)
  for (const item of await coaching.getByTestId('coaching-item').all()) {
    await expect(item).toContainText(/about \+[\d.]+ points/)
    await expect(item.getByTestId('coaching-say')).not.toBeEmpty()
  }

  const storyText =
    'At my last company our nightly Spark job took six hours. We looked into it, we rewrote the join and we partitioned the table by date. In the end it was a lot faster and everyone was happy.'
  const { answerId: storyAnswer } = await typedSessionAnswer(app, story, storyText)
  await openReview(app, storyAnswer)
  await expect(page.getByTestId('score-profile')).toHaveText('Scored as Behavioral (STAR)')
  await expect(page.getByTestId('star-bar')).toBeVisible()
  await expect(page.getByTestId('vague-results')).toContainText('In the end it was a lot faster and everyone was happy.')
  // All "we" and a vague result: the STAR rejects fire, and the coaching starts there.
  const flagged = page.locator('[data-testid="rubric-criterion"][data-state="flagged"]')
  await expect(flagged).toHaveCount(2)
  await expect(page.getByTestId('coaching').getByTestId('coaching-item')).toHaveCount(3)
  await expect(page.getByTestId('coaching')).toContainText('Instead of "In the end it was a lot faster')
})

test('the Markdown export holds the transcript, the score and the rubric table', async ({ app }) => {
  const { batch } = await questions(app)
  const { answerId } = await typedSessionAnswer(app, batch, reasoned)
  const { page } = app
  await openReview(app, answerId)
  // A change made elsewhere (here: straight through the API) reaches the open review live.
  const text = `${reasoned} Cost matters too.`
  await call(app, 'updateAnswerText', { id: answerId, text })
  await expect(page.getByTestId('transcript-text')).toHaveText(text)
  const overall = (await page.getByTestId('overall-score').textContent())!.trim()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()])
  expect(download.suggestedFilename()).toMatch(/^review-.*\.md$/)
  const markdown = readFileSync((await download.path())!, 'utf8')
  expect(markdown).toContain(`# Review: ${batch.title}`)
  expect(markdown).toContain(`## Overall score: ${overall}/100`)
  expect(markdown).toContain(text)
  expect(markdown).toContain('| Criterion | Result | Evidence |')
  expect(markdown).toMatch(/^\| .+ \| (met|not heard|flagged|avoided) \| .+ \|$/m)
  expect(markdown).toContain('## Next time')
  expect(markdown).toContain('## Key terms')
  expect(markdown).not.toContain('## STAR')
  expect(markdown).toMatch(/## Delivery\n\nNot measured\./)
})

test('history lists sessions and answers, and deleting asks first and removes only what it names', async ({ app }) => {
  const { batch, other } = await questions(app)
  await typedSessionAnswer(app, batch, reasoned)
  const loose = await call<{ id: string }>(app, 'saveTypedAnswer', { sessionId: null, questionId: other.id, text: 'Kafka keeps an ordered log per partition.' })
  const { page } = app

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click()
  const sessions = page.getByTestId('history-session')
  await expect(sessions).toHaveCount(1, FIRST_LOAD)
  await expect(sessions.getByTestId('history-answer')).toContainText(batch.title)
  const outside = page.getByRole('region', { name: 'Answers outside sessions' })
  await expect(outside.getByTestId('history-answer')).toContainText(other.title)

  // An answer opens its review.
  await sessions.getByRole('link', { name: new RegExp(batch.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click()
  await expect(page.getByRole('heading', { level: 1, name: batch.title })).toBeVisible()
  await page.goBack()

  // Deleting asks first; cancelling keeps everything.
  await outside.getByRole('button', { name: `Delete answer to ${other.title}` }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete this answer?' })
  await expect(dialog).toContainText(other.title)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(outside.getByTestId('history-answer')).toHaveCount(1)

  await outside.getByRole('button', { name: `Delete answer to ${other.title}` }).click()
  await dialog.getByRole('button', { name: 'Delete' }).click()
  // While the dialog is open the page behind it is aria-hidden, so role queries see nothing there.
  await expect(dialog).toBeHidden()
  await expect(outside).toBeHidden()
  await expect(sessions.getByTestId('history-answer')).toHaveCount(1)
  const remaining = await call<Array<{ id: string }>>(app, 'listAnswers', {})
  expect(remaining.map((a) => a.id)).not.toContain(loose.id)
  expect(remaining).toHaveLength(1)

  // Deleting the session names its answer count and takes its answers with it.
  await sessions.getByRole('button', { name: /^Delete session of / }).click()
  const sessionDialog = page.getByRole('dialog', { name: 'Delete this session?' })
  await expect(sessionDialog).toContainText('its 1 answer')
  await sessionDialog.getByRole('button', { name: 'Delete' }).click()
  await expect(sessionDialog).toBeHidden()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  expect(await call<unknown[]>(app, 'listSessions')).toEqual([])
  expect(await call<unknown[]>(app, 'listAnswers', {})).toEqual([])
})

test('progress charts the overall score of every answer and the criteria hit rates', async ({ browser }) => {
  // The chart has one point per kind of question and day (that day's mean), so the two answers
  // are given on two days of the backend's test clock: each answer's score is then a point.
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-e2e-progress-'))
  const clockFile = `${dataDir}-clock`
  writeFileSync(clockFile, new Date(2025, 2, 3, 9, 0).toISOString())
  let server: WebServerProcess | null = null
  try {
    server = await startWebServer(dataDir, [], { MOCKROOM_TEST_CLOCK_FILE: clockFile })
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    const app = { page, server }
    await page.goto(server.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click()
    await expect(page.getByTestId('empty-state')).toBeVisible(FIRST_LOAD)

    const { batch } = await questions(app)
    const first = await typedSessionAnswer(app, batch, slogan)
    writeFileSync(clockFile, new Date(2025, 2, 4, 9, 0).toISOString())
    const second = await typedSessionAnswer(app, batch, reasoned)
    // Each answer's overall score, as its review shows it.
    const scores: number[] = []
    for (const { answerId } of [first, second]) {
      await openReview(app, answerId)
      scores.push(Number(await page.getByTestId('overall-score').textContent()))
    }
    expect(scores[1]).toBeGreaterThan(scores[0]!)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click()
    const chart = page.getByTestId('progress-chart')
    // The chart's text alternative lists the plotted values per kind, day by day.
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`^Score by day from Mar 3 to Mar 4\\. [^:;]+: ${scores[0]}, ${scores[1]}$`), FIRST_LOAD)
    await expect(chart.locator('.MuiLineChart-mark')).toHaveCount(2)
    await expect(page.getByTestId('kind-progress')).toContainText(`2 answers · mean ${Math.round(((scores[0]! + scores[1]!) / 2) * 10) / 10}`)

    // Criteria hit rates: every criterion of the rubric over both answers, as percentages.
    const rows = page.getByTestId('criterion-trends').locator('tbody tr')
    await expect(rows.first()).toBeVisible()
    for (const row of await rows.all()) {
      await expect(row.locator('td').nth(1)).toHaveText(/^\d+%$/)
      await expect(row.locator('td').nth(3)).toHaveText('2')
    }
    // The slogan met no criterion the reasoned answer met: at least one rate went up from 0 %.
    await expect(rows.filter({ hasText: /0% → 100%/ }).first()).toBeVisible()
    await context.close()
  } finally {
    if (server) await stopProcess(server.child)
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(clockFile, { force: true })
  }
})

/** A 16 kHz mono 16-bit WAV of a quiet tone, `seconds` long. */
function toneWav(seconds: number): Buffer {
  const rate = 16_000
  const samples = rate * seconds
  const buffer = Buffer.alloc(44 + samples * 2)
  buffer.write('RIFF', 0)
  buffer.writeUInt32LE(36 + samples * 2, 4)
  buffer.write('WAVEfmt ', 8)
  buffer.writeUInt32LE(16, 16)
  buffer.writeUInt16LE(1, 20)
  buffer.writeUInt16LE(1, 22)
  buffer.writeUInt32LE(rate, 24)
  buffer.writeUInt32LE(rate * 2, 28)
  buffer.writeUInt16LE(2, 32)
  buffer.writeUInt16LE(16, 34)
  buffer.write('data', 36)
  buffer.writeUInt32LE(samples * 2, 40)
  for (let i = 0; i < samples; i += 1) buffer.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 800), 44 + i * 2)
  return buffer
}

test('clicking a word of a recorded answer plays the audio from that word; an edit keeps the original', async ({ app }) => {
  // No microphone here: a recorded answer is written into the data file the way the recorder
  // and transcriber leave it (a WAV under audio/ and whisper's words), then the app restarts.
  const { batch } = await questions(app)
  const { answerId } = await typedSessionAnswer(app, batch, 'placeholder')
  const spoken = 'We chose streaming with Kafka because latency mattered more than cost.'
  const words = spoken.split(' ').map((text, i) => ({ startMs: i * 600, endMs: i * 600 + 500, text }))
  const transcript = { text: spoken, segments: [{ startMs: 0, endMs: words.at(-1)!.endMs, text: spoken }], words, durationMs: 8000, model: 'ggml-base.en.bin' }
  // Stop first: the running app keeps db.json in memory and rewrites it (the spaced-repetition
  // cards sync a moment after each answer), which would undo an edit made behind its back.
  await app.close()
  const dbFile = join(app.dataDir, 'db.json')
  const db = JSON.parse(readFileSync(dbFile, 'utf8')) as { answers: Array<{ id: string; takes: Array<Record<string, unknown>> }> }
  // The answer's one take becomes that recording (its file named as before takes existed).
  const take = db.answers.find((a) => a.id === answerId)!.takes[0]!
  Object.assign(take, { source: 'recorded', state: 'ready', audioFile: `audio/${answerId}.wav`, durationMs: 8000, transcript, text: spoken, edited: false })
  mkdirSync(join(app.dataDir, 'audio'), { recursive: true })
  writeFileSync(join(app.dataDir, 'audio', `${answerId}.wav`), toneWav(8))
  writeFileSync(dbFile, JSON.stringify(db, null, 2))
  await app.restart()

  const { page } = app
  await openReview(app, answerId)
  const audio = page.getByTestId('answer-audio')
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState)).toBeGreaterThanOrEqual(1)
  const kafka = page.getByTestId('transcript-text').getByRole('button', { name: 'Kafka' })
  await expect(kafka).toHaveAttribute('data-start-ms', '2400')
  await kafka.focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeGreaterThanOrEqual(2.3)
  await audio.evaluate((el: HTMLAudioElement) => el.pause())

  // Correcting the transcript marks it edited and keeps the original, which can be restored.
  await page.getByRole('button', { name: 'Edit transcript' }).click()
  await page.getByRole('textbox', { name: 'Transcript' }).fill(`${spoken} The result was a 30 percent lower cost.`)
  await expect(page.getByTestId('edited-chip')).toHaveText('edited — original kept')
  await expect(page.getByRole('status')).toHaveText('Saved')
  await page.getByRole('button', { name: 'Done' }).click()
  await page.getByRole('button', { name: 'View original' }).click()
  await expect(page.getByTestId('original-transcript')).toHaveText(spoken)
  await page.getByRole('dialog', { name: 'Original transcript' }).getByRole('button', { name: 'Restore original' }).click()
  await expect(page.getByTestId('transcript-text')).toHaveText(spoken)
  await expect(page.getByTestId('edited-chip')).toBeHidden()
  await expect.poll(async () => (await call<{ text: string; edited: boolean }>(app, 'getAnswer', { id: answerId })).edited).toBe(false)
})
