import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { expect, startWebServer, stopProcess, test } from './fixtures'
import { callApi } from './web-server'

/**
 * Readiness before recording: the Practice setup says what would keep a spoken answer from
 * working (no model, a model that hears nothing, a silent microphone) before the clock starts,
 * and offers typed answers in one click.
 */
async function openPractice(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click()
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible({ timeout: 30_000 })
}

test('with no model installed, the setup shows the model problem before the session starts; typed answers are one click away', async ({ app }) => {
  test.slow()
  const { page } = app
  await openPractice(page)
  const model = page.getByTestId('readiness-model')
  await expect(model).toContainText('No Whisper model is installed')
  await expect(model.getByRole('link', { name: 'Open Settings → Models' })).toHaveAttribute('href', '#/settings')
  // Nothing blames the microphone for what the model lacks.
  await expect(model).not.toContainText(/microphone/i)

  await page.getByRole('button', { name: 'Behavioral (STAR)' }).click()
  await page.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('1')
  await page.getByRole('button', { name: 'Continue with typed answers' }).click()
  await expect(page).toHaveURL(/#\/practice\/session\/[^?]+\?answers=typed/)
  await expect(page.getByTestId('typed-mode-note')).toBeVisible()
  // Recording does not start by itself when the answer phase begins.
  await page.getByRole('button', { name: 'Start answering now' }).click()
  await expect(page.getByTestId('timer-phase')).toHaveText('Answer')
  await expect(page.getByTestId('record-button')).toBeVisible()
  await expect(page.getByTestId('recording-status')).toHaveText('Press Record when you are ready to answer, or type it below.')
  await page.getByTestId('typed-answer').fill('Situation: the nightly load was late. Result: it now lands by 6 am.')
  await expect(page.getByTestId('typed-answer-status')).toHaveText('Saved', { timeout: 15_000 })
})

const testModel = process.env.WHISPER_TEST_MODEL
test('a model that loads but hears nothing is named as the problem, not the microphone', async ({ app }) => {
  test.skip(!testModel || !existsSync(testModel), 'WHISPER_TEST_MODEL is not set')
  // whisper.cpp runs once on the self-test phrase: slow on a busy machine.
  test.setTimeout(180_000)
  const { page, server } = app
  await callApi(server!, 'importModel', { path: testModel })
  await openPractice(page)
  const model = page.getByTestId('readiness-model')
  await expect(model).toContainText('recognised no words in a short spoken test', { timeout: 150_000 })
  await expect(model).toContainText('for-tests-ggml-tiny.en.bin')
  await expect(model).not.toContainText(/microphone/i)
  await expect(page.getByRole('button', { name: 'Continue with typed answers' })).toBeVisible()
})

test('the microphone check: a level meter, then a verdict, started at once where access is granted', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-e2e-'))
  const server = await startWebServer(dataDir)
  // Chromium's fake microphone plays a tone: sound, as a working microphone would give.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
  })
  try {
    const context = await browser.newContext({ permissions: ['microphone'] })
    const page = await context.newPage()
    await page.goto(server.url)
    await openPractice(page)
    const microphone = page.getByTestId('readiness-microphone')
    await expect(microphone.getByRole('progressbar', { name: 'Microphone level' })).toBeVisible()
    await expect(microphone).toHaveText('The microphone picks up your voice.', { timeout: 20_000 })
    await expect(page.getByRole('button', { name: 'Test again' }).first()).toBeVisible()
  } finally {
    await browser.close()
    await stopProcess(server.child)
    rmSync(dataDir, { recursive: true, force: true })
  }
})
