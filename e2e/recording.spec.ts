import { copyFileSync, existsSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Page } from '@playwright/test'
import { acknowledgedMs, useMicrophoneRig, wavInfo, type MicrophoneRig } from './fake-microphone'
import { expect, startWebServer, stopProcess, test, type WebServerProcess } from './fixtures'
import { callApi } from './web-server'

/**
 * Recording end to end in browser mode: Chromium's fake microphone plays a WAV that espeak-ng
 * speaks at test time; the answer is recorded through the Practice runner's RecordingSlot,
 * streamed to the backend, saved as 16 kHz mono WAV and transcribed by whisper.cpp with the
 * test model (which recognises no words: the UI must say so, not show an error).
 */
// The model file the Settings test adds by path (the rig installs the same file).
const testModel = process.env.WHISPER_TEST_MODEL ?? ''

// Transcription on a busy two-core machine is slow: whisper pads every window to 30 s.
test.setTimeout(180_000)

type Fixture = MicrophoneRig

function call<T>(server: WebServerProcess, method: string, input: unknown = {}): Promise<T> {
  return callApi<T>(server, method, input)
}

interface AnswerLike {
  id: string
  currentTakeId: string | null
  audioFile: string | null
  status: string
  recovered: boolean
  durationMs: number | null
  text: string
  edited: boolean
  transcript: { text: string } | null
  error: { code: string; message: string } | null
}

/** A one-question session opened in the Practice runner; returns its answer id. */
async function openRunner(f: Fixture): Promise<{ answerId: string; sessionId: string }> {
  await call(f.server, 'updateSettings', { autoRecord: false })
  const library = await call<{ questions: Array<{ id: string }> }>(f.server, 'getLibrary')
  const questionId = library.questions[0]!.id
  const session = await call<{ id: string }>(f.server, 'createSession', { type: 'mixed', questionIds: [questionId], count: 1, order: 'as-listed' })
  const saved = await call<{ answers: Array<{ answerId: string }> }>(f.server, 'saveSessionItem', { sessionId: session.id, questionId })
  await f.page.goto(f.server.url)
  await f.page.goto(`${f.server.origin}/#/practice/session/${session.id}`)
  await expect(f.page.getByTestId('record-button')).toBeVisible({ timeout: 30_000 })
  return { answerId: saved.answers[0]!.answerId, sessionId: session.id }
}

/**
 * The whole seconds the recorder shows ("0:03 / 3:00" → 3). It moves a second of audio at a time,
 * and on a loaded machine several seconds can land between two polls, so specs wait for "at
 * least n seconds" instead of one exact label.
 */
async function elapsedSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('elapsed').textContent()) ?? ''
  const match = /^(\d+):(\d\d)/.exec(text.trim())
  return match ? Number(match[1]) * 60 + Number(match[2]) : -1
}

const f = useMicrophoneRig('recording')

test('records from the microphone, saves 16 kHz mono WAV, reports no recognised words, and lets the user type', async () => {
  const { page } = f
  const { answerId } = await openRunner(f)
  // What the backend acknowledged having on disk, chunk by chunk: the reference for the WAV.
  let acknowledged = 0
  // appendAudio requests sent and not yet answered (and read).
  let inFlight = 0
  const isAppend = (url: string) => url.endsWith('/api/appendAudio')
  page.on('request', (request) => {
    if (isAppend(request.url())) inFlight += 1
  })
  page.on('requestfailed', (request) => {
    if (isAppend(request.url())) inFlight -= 1
  })
  page.on('response', (response) => {
    if (!isAppend(response.url())) return
    void response
      .json()
      .then(
        (result: { ok: boolean; value?: { receivedMs: number } }) => {
          if (result.ok && result.value) acknowledged = Math.max(acknowledged, result.value.receivedMs)
        },
        () => undefined
      )
      .finally(() => (inFlight -= 1))
  })

  // Times are taken in the page, so a busy test runner does not skew them.
  const clickAt = (testId: string) =>
    page.evaluate((id) => {
      ;(document.querySelector(`[data-testid=${id}]`) as HTMLElement).click()
      return performance.now()
    }, testId)
  // No audio can be captured before Record is pressed: the upper bound on what the file holds.
  await expect(page.getByTestId('record-button')).toBeEnabled()
  const startedAt = await clickAt('record-button')
  await expect(page.getByTestId('recording-status')).toContainText('Recording', { timeout: 15_000 })
  await expect(page.getByTestId('level-meter')).toBeVisible()
  await expect.poll(() => elapsedSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(3)
  // Pause stops the clock and the audio (a chunk on its way when Pause was pressed may still
  // land; after that, only empty keep-alive chunks); resume goes on.
  const pausedAt = await clickAt('pause-button')
  await expect(page.getByTestId('recording-status')).toContainText('Paused')
  // The chunks already on their way when Pause was pressed land (however slowly a busy machine
  // delivers them); from then on only empty keep-alive chunks may arrive.
  await page.waitForTimeout(500)
  await expect.poll(() => inFlight, { timeout: 15_000 }).toBe(0)
  const ackedWhilePaused = acknowledged
  await page.waitForTimeout(1500)
  expect(acknowledged, 'no audio arrives while paused').toBe(ackedWhilePaused)
  const pausedSeconds = await elapsedSeconds(page)
  const resumedAt = await clickAt('resume-button')
  await expect.poll(() => elapsedSeconds(page), { timeout: 15_000 }).toBeGreaterThan(pausedSeconds)
  await page.waitForTimeout(500)
  const stoppedAt = await clickAt('stop-button')
  const recordedMs = stoppedAt - startedAt - (resumedAt - pausedAt)

  // Whisper runs; the test model hears nothing, which is not an error.
  await expect(page.getByTestId('no-words')).toHaveText('No words were recognised — check the microphone or type your answer', {
    timeout: 150_000
  })
  await expect(page.getByTestId('transcription-error')).toHaveCount(0)
  await expect(page.getByTestId('answer-audio')).toBeVisible()

  const answer = await call<AnswerLike>(f.server, 'getAnswer', { id: answerId })
  expect(answer).toMatchObject({ status: 'ready', recovered: false, error: null, currentTakeId: 't1', audioFile: `audio/${answerId}.t1.wav` })
  const wav = wavInfo(join(f.dataDir, answer.audioFile!))
  expect({ channels: wav.channels, sampleRate: wav.sampleRate, bits: wav.bits }).toEqual({ channels: 1, sampleRate: 16_000, bits: 16 })
  expect(wav.dataBytes).toBe(wav.fileBytes - 44)
  // Every chunk the backend acknowledged is in the file, and nothing else: exact, whatever the load.
  expect(acknowledged).toBeGreaterThan(3000)
  expect(Math.round(wav.durationMs)).toBe(acknowledged)
  // And the file cannot hold more audio than there was time to record, the pause left out.
  expect(wav.durationMs).toBeLessThanOrEqual(recordedMs + 1000)
  expect(Math.abs((answer.durationMs ?? 0) - wav.durationMs)).toBeLessThanOrEqual(1)

  // The audio is served for playback, with Range support.
  const media = await page.request.get(`${f.server.origin}/media/${answer.audioFile}`, { headers: { range: 'bytes=0-43' } })
  expect(media.status()).toBe(206)

  // Correcting the transcript keeps the (empty) transcript beside it.
  await page.getByTestId('correct-answer-button').click()
  await page.getByTestId('answer-text-input').fill('I would partition the topic by customer id and replicate it three times.')
  await page.getByTestId('save-answer-text').click()
  await expect(page.getByTestId('live-transcript')).toContainText('partition the topic by customer id')
  const typed = await call<AnswerLike>(f.server, 'getAnswer', { id: answerId })
  expect(typed).toMatchObject({ text: 'I would partition the topic by customer id and replicate it three times.', edited: true })
  expect(typed.transcript).not.toBeNull()
})

test('one editor through the answer\'s states, by keyboard: typed, then recorded with Space, then its transcript corrected; focus follows; a reload keeps it all', async () => {
  const { page } = f
  const { answerId } = await openRunner(f)
  const focused = (testId: string) =>
    expect.poll(() => page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id || document.activeElement?.closest(`[data-testid="${id}"]`) !== null, testId))
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('a')
  await expect(page.getByTestId('timer-phase')).toHaveText('Answer')
  await focused('record-button').toBe(true)

  // No answer yet: the editor is the box to type in.
  await expect(page.getByLabel('Type your answer')).toBeVisible()
  await expect(page.getByTestId('correct-answer-button')).toHaveCount(0)
  await page.getByLabel('Type your answer').fill('Typed first: I would partition by customer id.')
  await expect(page.getByTestId('typed-answer-status')).toHaveText('Saved', { timeout: 15_000 })
  await expect(page.getByLabel('Your typed answer')).toHaveValue('Typed first: I would partition by customer id.')

  // Space records (focus moves to Stop); Space on Stop stops (focus moves to Finish answer).
  await page.getByTestId('recording-status').click()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('stop-button')).toBeEnabled({ timeout: 60_000 })
  await focused('stop-button').toBe(true)
  // While the microphone is open there is nothing to type or correct.
  await expect(page.getByTestId('typed-answer')).toHaveCount(0)
  await expect.poll(() => acknowledgedMs(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(2000)
  await page.keyboard.press('Space')
  await expect(page.getByTestId('record-button')).toBeVisible({ timeout: 60_000 })
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Finish answer')

  // The recording is the current take: the editor now offers to correct it (the test model hears no words).
  await expect(page.getByTestId('recording-status')).toContainText(/No words were recognised|Transcript ready/, { timeout: 180_000 })
  const correct = page.getByTestId('correct-answer-button')
  await expect(correct).toHaveText(/^(Type what you said|Correct the transcript)$/)
  await correct.click()
  const corrected = 'Corrected: Kafka partitions are replicated three times.'
  await page.getByRole('textbox', { name: /\((the original is kept|the recording is kept)\)$/ }).fill(corrected)
  await page.getByTestId('save-answer-text').click()
  await expect(page.getByTestId('live-transcript')).toHaveText(corrected)
  // Saving returns focus to the editor's button, now for the correction; never to the page.
  await expect(correct).toHaveText('Edit your correction')
  await focused('correct-answer-button').toBe(true)

  const check = async () => {
    const answer = await call<AnswerLike & { state: string; takes: Array<{ source: string; text: string }> }>(f.server, 'getAnswer', { id: answerId })
    expect(answer).toMatchObject({ state: 'corrected', source: 'recorded', text: corrected, edited: true })
    // The original transcript is kept beside the correction, and the typed take beside the recording.
    expect(answer.transcript).not.toBeNull()
    expect(answer.takes.map((t) => [t.source, t.text])).toEqual([
      ['typed', 'Typed first: I would partition by customer id.'],
      ['recorded', corrected]
    ])
  }
  await check()
  await page.reload()
  await expect(page.getByTestId('live-transcript')).toHaveText(corrected, { timeout: 30_000 })
  await expect(page.getByTestId('correct-answer-button')).toHaveText('Edit your correction')
  await expect(page.getByTestId('typed-answer')).toHaveCount(0)
  await check()
})

test('a backend killed mid-recording: after restart the take finishes itself, its WAV valid up to the last chunk, playable', async () => {
  const { page } = f
  const { answerId, sessionId } = await openRunner(f)
  await page.getByTestId('record-button').click()
  await expect.poll(() => elapsedSeconds(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
  const wavPath = join(f.dataDir, 'audio', `${answerId}.t1.wav`)
  // Wait until the backend has written at least three chunks.
  await expect.poll(() => (existsSync(wavPath) ? statSync(wavPath).size : 0), { timeout: 10_000 }).toBeGreaterThanOrEqual(44 + 3 * 32_000)
  await stopProcess(f.server.child, 'SIGKILL')
  const sizeAtKill = statSync(wavPath).size

  f.server = await startWebServer(f.dataDir)
  // Closed at start (never "still being recorded"), then transcribed with nobody pressing anything.
  expect((await call<AnswerLike>(f.server, 'getAnswer', { id: answerId })).status).not.toBe('recording')
  await expect
    .poll(async () => (await call<AnswerLike>(f.server, 'getAnswer', { id: answerId })).status, { timeout: 60_000, intervals: [250] })
    .toMatch(/^(ready|failed)$/)
  const answer = await call<AnswerLike>(f.server, 'getAnswer', { id: answerId })
  expect(answer).toMatchObject({ recovered: true, status: 'ready', audioFile: `audio/${answerId}.t1.wav` })
  const wav = wavInfo(wavPath)
  expect(wav.dataBytes).toBe(wav.fileBytes - 44)
  expect(wav.fileBytes).toBe(sizeAtKill)
  expect(wav.dataBytes % 2).toBe(0)
  expect(answer.durationMs).toBe(Math.round(wav.durationMs))
  expect(answer.durationMs).toBeGreaterThanOrEqual(3000)
  await expect
    .poll(async () => (await call<Array<{ kind: string; message: string }>>(f.server, 'listNotices')).find((n) => n.kind === 'audio-recovered')?.message)
    .toMatch(/recovered up to the last second/)
  const media = await fetch(`${f.server.origin}/media/${answer.audioFile}`, { headers: { authorization: `Bearer ${f.server.token}` } })
  expect(media.status).toBe(200)
  expect((await media.arrayBuffer()).byteLength).toBe(sizeAtKill)

  // The recovered answer shows in the runner, transcribed, playable.
  await page.goto(f.server.url)
  await page.goto(`${f.server.origin}/#/practice/session/${sessionId}`)
  await expect(page.getByTestId('no-words')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('answer-audio')).toBeVisible()
})

test('Settings: pick the fake microphone, add a model from a path, use it, remove it', async () => {
  const { page, server } = f
  await page.goto(server.url)
  await page.goto(`${server.origin}/#/settings`)
  // The copied test model is listed as the user's own file, and in use.
  const fileName = basename(testModel)
  await expect(page.getByTestId(`model-file-${fileName}`)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('active-model')).toContainText(fileName)
  await expect(page.getByTestId('model-tiny.en')).toContainText('SHA-256 known')
  await expect(page.getByTestId('model-small.en')).toContainText('no checksum')

  await page.getByTestId('model-path-input').fill('relative/model.bin')
  await page.getByTestId('model-path-import').click()
  await expect(page.getByRole('alert').filter({ hasText: 'full path' })).toContainText('full path')

  const copy = join(f.scratch, 'my-model.bin')
  copyFileSync(testModel, copy)
  await page.getByTestId('model-path-input').fill(copy)
  await page.getByTestId('model-path-import').click()
  await expect(page.getByTestId('model-file-my-model.bin')).toBeVisible()
  await page.getByRole('radio', { name: 'Use my-model.bin' }).click()
  await expect(page.getByRole('radio', { name: 'Use my-model.bin' })).toBeChecked()
  await expect(page.getByTestId('active-model')).toContainText('my-model.bin')
  expect((await call<{ modelPath: string | null }>(server, 'getSettings')).modelPath).toBe(join(f.dataDir, 'models', 'my-model.bin'))

  await page.getByTestId('model-file-my-model.bin').getByRole('button', { name: 'Remove' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByTestId('model-file-my-model.bin')).toHaveCount(0)
  await expect(page.getByTestId('active-model')).toContainText(fileName)
  expect((await call<{ modelPath: string | null }>(server, 'getSettings')).modelPath).toBeNull()

  // Chromium's fake device is listed; choosing it is saved.
  await page.getByTestId('microphone-select').click()
  const options = page.getByRole('option')
  await expect(options.nth(1)).toBeVisible()
  await options.nth(1).click()
  await expect.poll(async () => (await call<{ microphoneId: string | null }>(server, 'getSettings')).microphoneId).not.toBeNull()
})
