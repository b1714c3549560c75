import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, Response } from '@playwright/test'
import { useMicrophoneRig } from './fake-microphone'
import { expect, test } from './fixtures'
import { callApi } from './web-server'

/**
 * Speaking a clarifying question and a follow-up reply, in browser mode with Chromium's fake
 * microphone playing a sentence espeak-ng speaks. The test model recognises no words, so what
 * is checked is the path: the clip reaches `transcribeClip`, the page says no words were
 * recognised, nothing typed is lost, and the candidate types and sends instead. Keyboard only
 * for the clarify part: Tab to the mic, Enter/Space starts, Escape cancels, Enter on Stop stops.
 */
// A whiteboard to load and whisper to run on a busy two-core machine.
test.setTimeout(240_000)

test.describe('with a fake microphone', () => {
  const f = useMicrophoneRig('dictation', 'What metrics matter for the dashboard, and how many users are there?')

  const isClip = (response: Response) => response.url().endsWith('/api/transcribeClip')

  /** The seconds the recording indicator shows ("0:03" → 3). */
  async function listenedSeconds(page: Page): Promise<number> {
    const match = /(\d+):(\d\d)/.exec((await page.getByTestId('speak-elapsed').textContent()) ?? '')
    return match ? Number(match[1]) * 60 + Number(match[2]) : -1
  }

  /** Waits for the clip's transcription and returns what the backend answered. */
  type ClipRequest = { purpose: string; pcmBase64: string; keyTerms?: string[]; clipId?: string }
  type ClipBody = { ok: boolean; value?: { text: string }; error?: { code: string } }
  async function clipOutcome(response: Promise<Response>): Promise<ClipBody & { request: ClipRequest }> {
    const done = await response
    const body = (await done.json()) as ClipBody
    return { ...body, request: done.request().postDataJSON() as ClipRequest }
  }

  test('a spoken clarifying question and a spoken follow-up reply reach the backend; with no words recognised the candidate types instead', async () => {
    const { page, server } = f
    await callApi(server, 'updateSettings', { autoRecord: false })
    const session = await callApi<{ id: string; items: Array<{ questionId: string }> }>(server, 'createSession', { type: 'system-design', count: 1, order: 'as-listed' })
    const { questions } = await callApi<{ questions: Array<{ keyTerms: string[] }> }>(server, 'getQuestions', { ids: session.items.map((item) => item.questionId) })
    const keyTerms = questions[0]?.keyTerms ?? []
    expect(keyTerms.length, 'the question has key terms to bias whisper with').toBeGreaterThan(0)
    await page.goto(server.url)
    await page.goto(`${server.origin}/#/practice/session/${session.id}`)
    await expect(page.getByTestId('whiteboard').locator('canvas.interactive')).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('timer-phase').first()).toHaveText('Clarify')
    const panel = page.getByTestId('clarify-panel')
    const input = panel.getByTestId('clarify-input')
    const speak = panel.getByRole('button', { name: 'Speak your question' })

    // Keyboard only: Tab from the question box reaches the mic; Escape cancels without sending.
    const clips: string[] = []
    page.on('request', (request) => void (request.url().endsWith('/api/transcribeClip') && clips.push(request.url())))
    await input.fill('Roughly ')
    await input.press('Tab')
    await expect(speak).toBeFocused()
    await page.keyboard.press('Enter')
    const stop = panel.getByRole('button', { name: 'Stop' })
    await expect(stop).toBeFocused()
    await expect(panel.getByRole('status').filter({ hasText: /Listening/ })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(speak).toBeFocused()
    await expect(input).toHaveValue('Roughly ')

    // Space starts, Enter on Stop stops: the clip goes to the backend and no words come back.
    await page.keyboard.press('Space')
    await expect(stop).toBeFocused()
    await expect.poll(() => listenedSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
    const clarifyClip = page.waitForResponse(isClip)
    await page.keyboard.press('Enter')
    const clarify = await clipOutcome(clarifyClip)
    expect(clarify.request.purpose).toBe('clarify')
    expect(clarify.request.keyTerms).toEqual(keyTerms)
    expect(Buffer.from(clarify.request.pcmBase64, 'base64').length).toBeGreaterThanOrEqual(2 * 32_000)
    expect(clarify).toMatchObject({ ok: true, value: { text: '' } })
    expect(clips).toHaveLength(1)
    await expect(panel.getByTestId('dictation-note')).toContainText('No words were recognised — check the microphone or type instead.')
    await expect(speak).toBeFocused()

    // Escape while the clip is being transcribed cancels it on the backend too (the clip is held
    // back on its way, so the cancel gets there first): whisper is not left to run for nothing.
    await page.route('**/api/transcribeClip', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.continue()
    })
    await page.keyboard.press('Space')
    await expect.poll(() => listenedSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(1)
    const heldClip = page.waitForResponse(isClip)
    const clipSent = page.waitForRequest((request) => request.url().endsWith('/api/transcribeClip'))
    const cancelRequest = page.waitForRequest((request) => request.url().endsWith('/api/cancelClip'))
    await page.keyboard.press('Enter')
    await expect(panel.getByTestId('speak-control')).toHaveAttribute('data-state', 'transcribing')
    // Escape once the clip is on its way (an Escape while the microphone still closes sends nothing).
    await clipSent
    await page.keyboard.press('Escape')
    const cancelled = await clipOutcome(heldClip)
    expect((await cancelRequest).postDataJSON()).toEqual({ clipId: cancelled.request.clipId })
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    await expect(speak).toBeFocused()
    await expect(panel.getByTestId('dictation-note')).toHaveCount(0)
    await page.unroute('**/api/transcribeClip')
    // What was typed before speaking is still there; the candidate finishes typing and asks.
    await expect(input).toHaveValue('Roughly ')
    await input.press('End')
    await input.pressSequentially('how many users are there?')
    await input.press('Enter')
    await expect(panel.getByTestId('clarify-exchange')).toHaveCount(1)
    await expect(panel.getByTestId('clarify-exchange')).toContainText('You: Roughly how many users are there?')
    // No scratch clip is left behind in the data folder.
    expect(readdirSync(join(f.dataDir, 'tmp'), { recursive: true }).filter((name) => String(name).includes('clip-'))).toEqual([])

    // The answer, typed; finishing it brings the follow-ups.
    await page.getByRole('button', { name: 'Start answering' }).first().click()
    await page.getByTestId('typed-answer').fill('Events go into Kafka, partitioned by user id; Flink sessionizes them and writes Parquet to the lake, and Spark builds DAU and MAU tables.')
    await expect(page.getByTestId('typed-answer-status')).toHaveText('Saved', { timeout: 15_000 })
    await page.getByRole('button', { name: 'Finish answer' }).first().click()
    const followUp = page.getByTestId('follow-up-panel').getByTestId('follow-up').first()
    await expect(followUp).toBeVisible({ timeout: 30_000 })

    // The reply: typed a little, then spoken; no words come back and the typed words stay.
    const reply = followUp.getByTestId('follow-up-reply')
    await reply.fill('A lag alert pages the on-call engineer.')
    await followUp.getByRole('button', { name: 'Speak your reply' }).click()
    await expect.poll(() => listenedSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
    const replyClip = page.waitForResponse(isClip)
    await followUp.getByRole('button', { name: 'Stop' }).click()
    const spoken = await clipOutcome(replyClip)
    expect(spoken.request.purpose).toBe('follow-up')
    expect(spoken.request.keyTerms).toEqual(keyTerms)
    expect(spoken).toMatchObject({ ok: true, value: { text: '' } })
    await expect(followUp.getByTestId('dictation-note')).toContainText('No words were recognised')
    await expect(reply).toHaveValue('A lag alert pages the on-call engineer.')
    await reply.press('End')
    await reply.pressSequentially(' We replay from the last committed offset.')
    await expect(followUp.getByTestId('follow-up-reply-status')).toHaveText('Saved', { timeout: 15_000 })
    const answerId = (await callApi<{ answers: Array<{ answerId: string }> }>(server, 'getSession', { id: session.id })).answers[0]!.answerId
    const saved = await callApi<{ followUps: Array<{ reply: string }> }>(server, 'getAnswer', { id: answerId })
    expect(saved.followUps[0]!.reply).toBe('A lag alert pages the on-call engineer. We replay from the last committed offset.')
  })

  test('a bad clip gets a clear error from transcribeClip, not a crash', async () => {
    const response = await fetch(`${f.server.origin}/api/transcribeClip`, {
      method: 'POST',
      headers: { authorization: `Bearer ${f.server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pcmBase64: 'not audio at all!', purpose: 'clarify' })
    })
    const body = (await response.json()) as { ok: boolean; error?: { code: string; message: string } }
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_AUDIO', message: expect.stringMatching(/Speak again, or type it/) } })
  })
})

test('without a usable microphone the candidate is told what to do, and typing still works', async ({ app }) => {
  test.skip(!app.server, 'browser mode: the page has no microphone device')
  const server = { origin: app.server!.origin, token: app.server!.token }
  await callApi(server, 'updateSettings', { autoRecord: false })
  const session = await callApi<{ id: string }>(server, 'createSession', { type: 'system-design', count: 1, order: 'as-listed' })
  await app.page.goto(`${server.origin}/#/practice/session/${session.id}`)
  const panel = app.page.getByTestId('clarify-panel')
  await expect(panel).toBeVisible({ timeout: 60_000 })
  await panel.getByTestId('clarify-input').fill('What metrics matter?')
  await panel.getByRole('button', { name: 'Speak your question' }).click()
  await expect(panel.getByTestId('dictation-note')).toContainText(/(Microphone access was refused|No microphone found).*or type your question\./)
  await expect(panel.getByRole('button', { name: 'Speak your question' })).toBeFocused()
  await panel.getByRole('button', { name: 'Ask' }).click()
  await expect(panel.getByTestId('clarify-exchange')).toContainText('You: What metrics matter?')
})
