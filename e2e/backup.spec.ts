import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { callApi, startWebServer, stopProcess, type WebServerProcess } from './web-server'

/** One second of a 440 Hz tone: 16 kHz mono 16-bit PCM in a WAV file. */
function toneWav(): Buffer {
  const samples = 16_000
  const wav = Buffer.alloc(44 + samples * 2)
  wav.write('RIFF', 0)
  wav.writeUInt32LE(36 + samples * 2, 4)
  wav.write('WAVEfmt ', 8)
  wav.writeUInt32LE(16, 16)
  wav.writeUInt16LE(1, 20)
  wav.writeUInt16LE(1, 22)
  wav.writeUInt32LE(16_000, 24)
  wav.writeUInt32LE(32_000, 28)
  wav.writeUInt16LE(2, 32)
  wav.writeUInt16LE(16, 34)
  wav.write('data', 36)
  wav.writeUInt32LE(samples * 2, 40)
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16_000)), 44 + i * 2)
  return wav
}

interface Answer {
  id: string
  text: string
  status: string
  audioFile: string | null
}

test('export a backup, wipe the data folder, restore it: every answer, recording and imported bank is back', async ({ browser }) => {
  test.setTimeout(180_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-e2e-backup-'))
  const downloads = mkdtempSync(join(tmpdir(), 'mockroom-e2e-download-'))
  let server: WebServerProcess | null = null
  try {
    server = await startWebServer(dataDir)
    const library = await callApi<{ questions: Array<{ id: string; kind: string }> }>(server, 'getLibrary')
    const question = library.questions.find((q) => q.kind === 'behavioral')!
    await callApi(server, 'saveTypedAnswer', { sessionId: null, questionId: question.id, text: 'Situation: a late pipeline. I fixed it.' })
    await callApi(server, 'importAnswerAudio', {
      answerId: 'recorded-answer-1',
      sessionId: null,
      questionId: question.id,
      fileName: 'tone.wav',
      base64: toneWav().toString('base64')
    })
    await callApi(server, 'importBanks', { files: [{ name: 'my-bank.md', base64: Buffer.from('# Mine\n\n## Q1: What is a lakehouse?\n\nA lake with tables.\n').toString('base64') }] })
    // Transcription of the tone may fail (no model) or finish: either way it must settle first.
    await expect.poll(async () => (await callApi<Answer[]>(server!, 'listAnswers')).every((a) => a.status === 'ready' || a.status === 'failed'), { timeout: 60_000 }).toBe(true)
    const before = await callApi<Answer[]>(server, 'listAnswers')
    const audioBefore = readFileSync(join(dataDir, 'audio', 'recorded-answer-1.t1.wav'))

    const context = await browser.newContext({ acceptDownloads: true })
    let page = await context.newPage()
    await page.goto(server.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('button', { name: 'Export backup' }).click()
    await expect(page.getByTestId('backup-exported')).toContainText('2 answers, 1 recordings, 1 imported banks')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download mockroom-backup-/ }).click()])
    const zipPath = join(downloads, download.suggestedFilename())
    await download.saveAs(zipPath)
    await context.close()

    // A wiped data folder, a fresh start.
    await stopProcess(server.child)
    rmSync(dataDir, { recursive: true, force: true })
    mkdirSync(dataDir)
    server = await startWebServer(dataDir)
    expect(await callApi<Answer[]>(server, 'listAnswers')).toEqual([])
    const fresh = await browser.newContext()
    page = await fresh.newPage()
    await page.goto(server.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await page.getByTestId('restore-file').setInputFiles(zipPath)
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
    await expect(dialog).toBeVisible()
    const answersRow = dialog.getByRole('row', { name: /^Answers/ })
    await expect(answersRow.getByRole('cell').nth(1)).toHaveText('2')
    await expect(answersRow.getByRole('cell').nth(2)).toHaveText('0')
    // Cancel restores nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    expect(await callApi<Answer[]>(server, 'listAnswers')).toEqual([])

    await page.getByTestId('restore-file').setInputFiles(zipPath)
    await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click()
    await expect(page.getByTestId('backup-restored')).toContainText('Restored 2 answers, 1 recordings and 1 imported banks')

    const after = await callApi<Answer[]>(server, 'listAnswers')
    expect(after).toEqual(before)
    expect(readFileSync(join(dataDir, 'audio', 'recorded-answer-1.t1.wav')).equals(audioBefore)).toBe(true)
    expect(readdirSync(join(dataDir, 'banks'))).toEqual(['my-bank.md'])
    const restoredLibrary = await callApi<{ banks: Array<{ file: string; source: string }> }>(server, 'getLibrary')
    expect(restoredLibrary.banks).toContainEqual(expect.objectContaining({ file: 'my-bank.md', source: 'imported' }))
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click()
    await expect(page.getByTestId('history-answer')).toHaveCount(2)
    await fresh.close()
  } finally {
    if (server) await stopProcess(server.child)
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(downloads, { recursive: true, force: true })
  }
})
