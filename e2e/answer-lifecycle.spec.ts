import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { acknowledgedMs, useMicrophoneRig, wavInfo } from './fake-microphone'
import { expect, test } from './fixtures'
import { callApi } from './web-server'

/**
 * Never lose an answer (issue 9), end to end in browser mode with Chromium's fake microphone and
 * whisper.cpp's test model: an answer recorded, typed or corrected in any phase comes back the
 * same after a reload and after resuming from the Practice list; a recording whose tab closes
 * finishes itself; a discarded session leaves the Resume list and keeps its answers.
 */
// Generous: on a shared two-core machine opening the microphone alone can take many seconds.
// Nothing here measures speed except the 15 s within which an abandoned recording must close.
test.setTimeout(600_000)
const SLOW = 60_000
/** Whisper on a busy machine. */
const WHISPER = 180_000

interface TakeLike {
  id: string
  state: string
  durationMs: number | null
  text: string
}

interface AnswerLike {
  id: string
  state: string
  status: string
  currentTakeId: string | null
  audioFile: string | null
  durationMs: number | null
  text: string
  takes: TakeLike[]
}

const f = useMicrophoneRig('lifecycle')
const call = <T>(method: string, input: unknown = {}) => callApi<T>(f.server, method, input)

test.beforeEach(async () => {
  await f.page.goto(f.server.url)
})

type Source = 'recorded' | 'typed' | 'corrected'
const sources: Source[] = ['recorded', 'typed', 'corrected']

/** What must survive: the current take, its text and audio length, and that no take was added. */
interface Snapshot {
  takeId: string | null
  text: string
  durationMs: number | null
  takes: number
}

async function snapshot(answerId: string): Promise<Snapshot> {
  const answer = await call<AnswerLike>('getAnswer', { id: answerId })
  return { takeId: answer.currentTakeId, text: answer.text, durationMs: answer.durationMs, takes: answer.takes.length }
}

/** A session of three questions whose phases are long enough never to change during the test. */
async function createSession(kinds: string[]): Promise<{ id: string; questionIds: string[] }> {
  const library = await call<{ questions: Array<{ id: string; kind: string }> }>('getLibrary')
  const questionIds = library.questions.filter((q) => kinds.includes(q.kind)).slice(0, 3).map((q) => q.id)
  expect(questionIds).toHaveLength(3)
  const long = { prepMs: 600_000, answerMs: 900_000 }
  const times = Object.fromEntries(kinds.map((kind) => [kind, long]))
  const session = await call<{ id: string }>('createSession', { type: 'mixed', questionIds, count: 3, order: 'as-listed', times })
  return { id: session.id, questionIds }
}

async function answerIdOf(sessionId: string, questionId: string): Promise<string> {
  let answerId: string | undefined
  await expect
    .poll(async () => {
      const session = await call<{ answers: Array<{ questionId: string; answerId: string }> }>('getSession', { id: sessionId })
      answerId = session.answers.find((a) => a.questionId === questionId)?.answerId
      return answerId
    })
    .toBeTruthy()
  return answerId!
}

const settledStatus = /No words were recognised|Transcript ready/

/**
 * Records about two seconds (already started by auto-record, or by pressing Record) and stops;
 * waits for the transcript when the test compares it (a correction does not need it).
 */
async function record(page: Page, autoStarted: boolean, waitForTranscript = true): Promise<void> {
  if (!autoStarted) await page.getByTestId('record-button').click()
  await expect(page.getByTestId('stop-button')).toBeEnabled({ timeout: SLOW })
  await expect.poll(() => acknowledgedMs(page), { timeout: SLOW }).toBeGreaterThanOrEqual(2000)
  await page.getByTestId('stop-button').click()
  if (waitForTranscript) await expect(page.getByTestId('recording-status')).toContainText(settledStatus, { timeout: WHISPER })
  else await expect(page.getByTestId('record-button')).toBeVisible({ timeout: SLOW })
}

async function correctInRunner(page: Page, text: string): Promise<void> {
  await page.getByTestId('correct-answer-button').click()
  await page.getByTestId('answer-text-input').fill(text)
  await page.getByTestId('save-answer-text').click()
  await expect(page.getByTestId('live-transcript')).toHaveText(text)
}

/**
 * Types an answer in the one editor's "Type your answer" box. With auto-record on, a candidate who
 * means to type starts in the think phase: an answer that holds words is never recorded over, and
 * the rest is typed in the answer phase (`startAnswering` moves there in between).
 */
async function typeInRunner(page: Page, text: string, startAnswering: (() => Promise<void>) | null): Promise<void> {
  const box = page.getByTestId('typed-answer')
  await expect(box).toBeVisible({ timeout: SLOW })
  await expect(page.getByLabel('Type your answer')).toBeVisible()
  if (startAnswering) {
    const half = text.indexOf(' ')
    await box.fill(text.slice(0, half))
    await expect(page.getByTestId('typed-answer-status')).toHaveText('Saved', { timeout: SLOW })
    await startAnswering()
    // Auto-record must leave a typed answer alone; the box keeps its words and its label says so.
    await page.waitForTimeout(1000)
    await expect(page.getByTestId('stop-button')).toHaveCount(0)
    await expect(page.getByLabel('Your typed answer')).toHaveValue(text.slice(0, half))
    await box.press('End')
    await box.pressSequentially(text.slice(half))
  } else {
    await box.fill(text)
  }
  await box.blur()
  await expect(page.getByTestId('typed-answer-status')).toHaveText('Saved')
}

/** The page plays the current take's audio, as long as the backend says it is (± 0.5 s). */
async function expectAudioOf(page: Page, durationMs: number | null): Promise<void> {
  expect(durationMs ?? 0).toBeGreaterThan(1500)
  await expect
    .poll(() => page.getByTestId('answer-audio').evaluate((audio: HTMLAudioElement) => (Number.isFinite(audio.duration) ? audio.duration * 1000 : -1)), {
      timeout: 15_000
    })
    .toBeGreaterThan(0)
  const played = await page.getByTestId('answer-audio').evaluate((audio: HTMLAudioElement) => audio.duration * 1000)
  expect(Math.abs(played - durationMs!)).toBeLessThanOrEqual(500)
}

async function expectSameInRunner(page: Page, answerId: string, before: Snapshot, source: Source, phase: string): Promise<void> {
  await expect(page.getByTestId('timer-phase')).toHaveText(phase, { timeout: SLOW })
  await expect(page.getByTestId('recording-controls')).toBeVisible({ timeout: SLOW })
  // Give a wrongly auto-started recording the time to show itself before comparing.
  await page.waitForTimeout(1000)
  await expect(page.getByTestId('stop-button')).toHaveCount(0)
  expect(await snapshot(answerId)).toEqual(before)
  if (source === 'typed') {
    await expect(page.getByTestId('typed-answer')).toHaveValue(before.text)
    await expect(page.getByTestId('recording-status')).toContainText('typed answer is the current take')
  } else {
    if (source === 'corrected') await expect(page.getByTestId('live-transcript')).toHaveText(before.text)
    else await expect(page.getByTestId('recording-status')).toContainText(settledStatus)
    await expectAudioOf(page, before.durationMs)
  }
}

async function resumeFromPracticeList(page: Page, sessionId: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
  const inProgress = page.getByRole('list', { name: 'Sessions in progress' })
  await expect(inProgress.getByTestId('session-row')).toHaveCount(1, { timeout: SLOW })
  await inProgress.getByRole('link', { name: 'Resume' }).click()
  await expect(page).toHaveURL(new RegExp(`#/practice/session/${sessionId}`))
}

const runnerPhases = [
  { phase: 'think', label: 'Think', kinds: ['behavioral', 'product', 'concept'], startAnswering: false },
  { phase: 'answer', label: 'Answer', kinds: ['behavioral', 'product', 'concept'], startAnswering: true },
  { phase: 'design', label: 'Design', kinds: ['system-design', 'scenario'], startAnswering: true }
] as const

for (const { phase, label, kinds, startAnswering } of runnerPhases) {
  test(`${phase} phase: a recorded, a typed and a corrected answer survive a reload and a resume from the Practice list`, async () => {
    const { page } = f
    // Auto-record is on, as by default: entering the answer phase starts the microphone, and a
    // reload or a resume must never start it again over an answer that exists.
    await call('updateSettings', { autoRecord: true })
    const session = await createSession([...kinds])
    await page.goto(`${f.server.origin}/#/practice/session/${session.id}`)
    for (const [index, source] of sources.entries()) {
      await expect(page.getByText(`question ${index + 1} of 3`)).toBeVisible({ timeout: SLOW })
      await expect(page.getByTestId('recording-controls')).toBeVisible({ timeout: SLOW })
      const startAnsweringNow = async () => {
        await page.getByRole('button', { name: /^Start answering( now)?$/ }).click()
        await expect(page.getByTestId('timer-phase')).toHaveText(label)
      }
      const answerId = await answerIdOf(session.id, session.questionIds[index]!)

      if (source === 'typed') await typeInRunner(page, `Typed in the ${phase} phase: I would partition by customer id.`, startAnswering ? startAnsweringNow : null)
      else {
        if (startAnswering) await startAnsweringNow()
        await record(page, startAnswering, source === 'recorded')
      }
      await expect(page.getByTestId('timer-phase')).toHaveText(label)
      if (source === 'corrected') await correctInRunner(page, `Corrected in the ${phase} phase: Kafka partitions are replicated.`)
      const before = await snapshot(answerId)
      expect(before.takeId).not.toBeNull()

      await page.reload()
      await expectSameInRunner(page, answerId, before, source, label)
      await resumeFromPracticeList(page, session.id)
      await expectSameInRunner(page, answerId, before, source, label)

      if (index < sources.length - 1) await page.getByRole('button', { name: 'Next question' }).click()
    }
  })
}

test('review phase: a recorded, a typed and a corrected answer survive a reload and reopening from the Practice list', async () => {
  const { page } = f
  await call('updateSettings', { autoRecord: false })
  const session = await createSession(['behavioral', 'product', 'concept'])
  await page.goto(`${f.server.origin}/#/practice/session/${session.id}`)
  // The page read its settings when it loaded: load it again to see auto-record off.
  await page.reload()
  const answerIds: string[] = []
  for (const [index, source] of sources.entries()) {
    await expect(page.getByText(`question ${index + 1} of 3`)).toBeVisible({ timeout: SLOW })
    await page.getByRole('button', { name: /^Start answering( now)?$/ }).click()
    answerIds.push(await answerIdOf(session.id, session.questionIds[index]!))
    if (source === 'typed') await typeInRunner(page, 'Typed, then reviewed: I would replicate each partition three times.', null)
    else await record(page, false)
    await page.getByRole('button', { name: index < sources.length - 1 ? 'Next question' : 'Finish session' }).click()
  }
  await expect(page).toHaveURL(/#\/review\?session=/)

  for (const [index, source] of sources.entries()) {
    const answerId = answerIds[index]!
    await page.goto(`${f.server.origin}/#/review/answer/${answerId}`)
    await expect(page.getByTestId('answer-review')).toBeVisible({ timeout: SLOW })
    if (source === 'corrected') {
      // The correction is made in the review this time.
      await page.getByRole('button', { name: 'Edit transcript' }).click()
      await page.getByLabel('Transcript').fill('Corrected in the review: Kafka partitions are replicated across brokers.')
      await expect(page.getByTestId('transcript').getByRole('status')).toHaveText('Saved', { timeout: 15_000 })
      await page.getByRole('button', { name: 'Done' }).click()
    }
    const before = await snapshot(answerId)
    const expectSame = async () => {
      await expect(page.getByTestId('answer-review')).toBeVisible({ timeout: SLOW })
      expect(await snapshot(answerId)).toEqual(before)
      if (before.text.trim()) await expect(page.getByTestId('transcript-text')).toHaveText(before.text)
      if (source !== 'typed') await expectAudioOf(page, before.durationMs)
    }
    await page.reload()
    await expectSame()
    // Reopened the way a candidate finds it again: Practice → past session → Review → the answer.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
    await page.getByRole('list', { name: 'Past sessions' }).getByRole('link', { name: 'Review' }).click()
    await page.locator(`a[href="#/review/answer/${encodeURIComponent(answerId)}"]`).click()
    await expectSame()
  }
})

test('a recording whose tab closes, or whose page loses the backend, is closed within 15 s with its audio playable, then transcribed', async () => {
  await call('updateSettings', { autoRecord: false })
  const session = await createSession(['behavioral', 'product', 'concept'])
  const context = f.page.context()

  for (const how of ['the tab is closed', 'the page goes offline, then away'] as const) {
    const page = await context.newPage()
    await page.goto(`${f.server.origin}/#/practice/session/${session.id}`)
    await expect(page.getByTestId('record-button')).toBeVisible({ timeout: SLOW })
    const item = await call<{ currentIndex: number; items: Array<{ questionId: string }> }>('getSession', { id: session.id })
    const answerId = await answerIdOf(session.id, item.items[item.currentIndex]!.questionId)
    await page.getByTestId('record-button').click()
    await expect.poll(() => acknowledgedMs(page), { timeout: SLOW }).toBeGreaterThanOrEqual(2000)
    const acked = await acknowledgedMs(page)
    // Offline: no goodbye reaches the backend, only the silence does.
    if (how === 'the page goes offline, then away') await context.setOffline(true)
    const closedAt = Date.now()
    await page.close()
    await context.setOffline(false)

    // Within 15 s the backend has closed the take ("still being recorded" is over) and its audio plays.
    await expect
      .poll(async () => (await call<AnswerLike>('getAnswer', { id: answerId })).status, { timeout: 15_000, intervals: [250], message: how })
      .toMatch(/^(transcribing|ready|failed)$/)
    expect(Date.now() - closedAt, how).toBeLessThan(15_000)
    const closed = await call<AnswerLike>('getAnswer', { id: answerId })
    expect(closed.takes.every((take) => take.state !== 'recording')).toBe(true)
    // Everything acknowledged is in the file, and the file is served for playback.
    expect(wavInfo(join(f.dataDir, closed.audioFile!)).durationMs).toBeGreaterThanOrEqual(acked)
    const media = await f.page.request.get(`${f.server.origin}/media/${closed.audioFile}`)
    expect(media.status()).toBe(200)
    expect(media.headers()['content-type']).toBe('audio/wav')
    // Then it is transcribed with nobody asking (whisper's speed is the machine's, so no clock here).
    await expect.poll(async () => (await call<AnswerLike>('getAnswer', { id: answerId })).status, { timeout: WHISPER, message: how }).toMatch(/^(ready|failed)$/)
    console.log(`${how}: ready after ${Date.now() - closedAt} ms`)

    if (how === 'the tab is closed') {
      await call('updateSession', { id: session.id, currentIndex: 1, timer: null })
    }
  }
})

test('discard a session from the Resume list: gone from Resume, its answers stay in History; or deleted with it when asked', async () => {
  const { page } = f
  const keep = await createSession(['behavioral', 'product', 'concept'])
  const keptAnswer = await call<{ answers: Array<{ answerId: string }> }>('saveSessionItem', { sessionId: keep.id, questionId: keep.questionIds[0] })
  const keptId = keptAnswer.answers[0]!.answerId
  await call('saveTypedAnswer', { id: keptId, sessionId: keep.id, questionId: keep.questionIds[0], text: 'An answer to keep after discarding.' })
  const doomed = await createSession(['behavioral', 'product', 'concept'])
  const doomedItem = await call<{ answers: Array<{ answerId: string }> }>('saveSessionItem', { sessionId: doomed.id, questionId: doomed.questionIds[0] })
  const doomedId = doomedItem.answers[0]!.answerId
  await call('saveTypedAnswer', { id: doomedId, sessionId: doomed.id, questionId: doomed.questionIds[0], text: 'An answer deleted with its session.' })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
  const inProgress = page.getByRole('list', { name: 'Sessions in progress' })
  await expect(inProgress.getByTestId('session-row')).toHaveCount(2)

  // Discard, keeping the answers (the default).
  await inProgress.getByTestId('session-row').nth(1).getByTestId('discard-session').click()
  const dialog = page.getByRole('dialog', { name: 'Discard this session?' })
  await expect(dialog).toContainText('Its answer stays in Review')
  await expect(dialog.getByTestId('discard-also-delete')).not.toBeChecked()
  await dialog.getByTestId('confirm-discard').click()
  await expect(dialog).toBeHidden()
  await expect(inProgress.getByTestId('session-row')).toHaveCount(1)
  await expect(page.getByRole('list', { name: 'Past sessions' })).toContainText('discarded')
  expect((await call<{ status: string }>('getSession', { id: keep.id })).status).toBe('abandoned')
  expect((await call<AnswerLike>('getAnswer', { id: keptId })).text).toBe('An answer to keep after discarding.')

  // Discard and delete, when the candidate asks for it.
  await inProgress.getByTestId('discard-session').click()
  await dialog.getByTestId('discard-also-delete').check()
  await dialog.getByRole('button', { name: 'Discard and delete' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('list', { name: 'Sessions in progress' })).toHaveCount(0)
  await expect(call('getAnswer', { id: doomedId })).rejects.toThrow(/No answer/)

  // History still has the kept answer, in its discarded session.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click()
  await expect(page.getByTestId('history-session')).toHaveCount(1)
  await expect(page.getByTestId('history-session')).toContainText('discarded')
  await expect(page.getByTestId('history-answer')).toHaveCount(1)
})

test('a session untouched for 14 days leaves the Resume list on its own and stays in History', async () => {
  const { page } = f
  const old = await createSession(['behavioral', 'product', 'concept'])
  const item = await call<{ answers: Array<{ answerId: string }> }>('saveSessionItem', { sessionId: old.id, questionId: old.questionIds[0] })
  await call('saveTypedAnswer', { id: item.answers[0]!.answerId, sessionId: old.id, questionId: old.questionIds[0], text: 'Given two weeks ago.' })
  await page.clock.install({ time: Date.now() + 15 * 24 * 60 * 60 * 1000 })
  await page.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('list', { name: 'Sessions in progress' })).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Past sessions' })).toContainText('left unfinished')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click()
  await expect(page.getByTestId('history-answer')).toHaveCount(1)
})
