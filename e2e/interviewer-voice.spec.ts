import type { Page } from '@playwright/test'
import { useFakeSpeech, useNoSpeech, spokenLog } from './fake-speech'
import { test, expect, target } from './fixtures'

test.skip(target === 'electron', 'the Web Speech stub is installed per page in browser mode')
// Each test reloads the app once or twice; on a loaded machine that alone takes a while.
test.describe.configure({ timeout: 180_000 })

async function openSettings(page: Page) {
  // A reload lands wherever the page was (Library or Settings); the navigation is there in both.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click({ timeout: 30_000 })
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 30_000 })
}

test('with an offline voice: only local voices are offered, the test speaks with the chosen voice and rate, and captions follow the words', async ({ app }) => {
  const { page } = app
  // 600 ms a word: each sentence stays on screen long enough to be read by the test.
  await useFakeSpeech(page, 600)
  await page.reload()
  await openSettings(page)

  await page.getByTestId('voice-select').click()
  const options = page.getByRole('listbox').getByRole('option')
  await expect(options).toHaveText(['System default', 'Test Local Voice (en-GB)', 'Test Local Voice 2 (en-US)'])
  await page.getByRole('option', { name: 'Test Local Voice 2 (en-US)' }).click()

  // Rate by keyboard: three steps up from 1.0×.
  const slider = page.getByRole('slider', { name: /Speaking rate/ })
  await slider.focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
  await expect(page.getByText('Speaking rate: 1.3×')).toBeVisible()

  await page.getByTestId('voice-test').click()
  const captions = page.getByTestId('interviewer-captions')
  await expect(captions).toContainText('Tell me about a time a pipeline you owned failed.')
  await expect(page.getByTestId('interviewer-caption-word')).toBeVisible()
  await expect(captions).toContainText('What happened when the consumer fell behind', { timeout: 30_000 })
  await expect(captions).toHaveAttribute('data-speaking', 'false', { timeout: 30_000 })

  const log = await spokenLog(page)
  expect(log.map((entry) => entry.text)).toEqual([
    'Tell me about a time a pipeline you owned failed.',
    'What happened when the consumer fell behind, and what did you change afterwards?'
  ])
  expect(log.every((entry) => entry.voice === 'Test Local Voice 2' && Math.abs(entry.rate - 1.3) < 1e-9)).toBe(true)

  // The choice is a setting: it survives a reload.
  await page.reload()
  await openSettings(page)
  await expect(page.getByTestId('voice-select')).toContainText('Test Local Voice 2 (en-US)')
  await expect(page.getByText('Speaking rate: 1.3×')).toBeVisible()
})

test('stop ends the speech at once', async ({ app }) => {
  const { page } = app
  // Slow enough (2 s a word) that the speech is still going when Stop is pressed.
  await useFakeSpeech(page, 2000)
  await page.reload()
  await openSettings(page)
  await page.getByTestId('voice-test').click()
  await expect(page.getByTestId('voice-stop')).toBeVisible()
  await page.getByTestId('voice-stop').click()
  await expect(page.getByTestId('interviewer-captions')).toHaveAttribute('data-speaking', 'false')
  await expect(page.getByTestId('voice-stop')).toBeHidden()
  expect(await spokenLog(page)).toHaveLength(1)
})

test('without an offline voice: captions only, said so, and the sample is captioned', async ({ app }) => {
  const { page } = app
  await useNoSpeech(page)
  await page.reload()
  await openSettings(page)
  await expect(page.getByTestId('voice-captions-only')).toContainText('no offline voice')
  await expect(page.getByTestId('voice-select')).toHaveCount(0)
  await page.getByTestId('voice-test').click()
  const captions = page.getByTestId('interviewer-captions')
  await expect(captions).toHaveText('Tell me about a time a pipeline you owned failed.')
  await expect(captions).toHaveAttribute('aria-live', 'polite')
})

test('turned off: nothing to test, and the switch survives a reload', async ({ app }) => {
  const { page } = app
  await useFakeSpeech(page)
  await page.reload()
  await openSettings(page)
  const toggle = page.getByRole('switch', { name: 'Read questions and follow-ups aloud' })
  await expect(toggle).toBeChecked()
  await toggle.click()
  await expect(page.getByTestId('voice-test')).toBeDisabled()
  await page.reload()
  await openSettings(page)
  await expect(page.getByRole('switch', { name: 'Read questions and follow-ups aloud' })).not.toBeChecked()
})
