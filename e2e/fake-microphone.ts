import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { expect, startWebServer, stopProcess, test, type WebServerProcess } from './fixtures'

/**
 * Chromium with a fake microphone that plays a WAV espeak-ng speaks at test time (looped), for
 * the specs that record. Every request the page makes must stay on 127.0.0.1.
 */
export function speechWav(dir: string, sentence: string = 'Kafka partitions are replicated across brokers, so a consumer group can scale out and survive a broker failure.'): string {
  const spoken = join(dir, 'spoken.wav')
  const mic = join(dir, 'mic-48k.wav')
  execFileSync('espeak-ng', ['-w', spoken, sentence])
  // Half a second of silence after the sentence, so the loop has pauses like speech does.
  execFileSync('sox', [spoken, '-r', '48000', '-c', '1', '-b', '16', mic, 'pad', '0', '0.5'])
  return mic
}

export async function launchWithMicrophone(micWav: string): Promise<{ browser: Browser; page: Page; foreign: string[] }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${micWav}`,
      '--autoplay-policy=no-user-gesture-required'
    ]
  })
  const context = await browser.newContext()
  const page = await context.newPage()
  const foreign: string[] = []
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreign.push(request.url())
  })
  return { browser, page, foreign }
}

/** Reads the canonical header the backend writes. */
export function wavInfo(path: string) {
  const bytes = readFileSync(path)
  const channels = bytes.readUInt16LE(22)
  const sampleRate = bytes.readUInt32LE(24)
  const bits = bytes.readUInt16LE(34)
  const dataBytes = bytes.readUInt32LE(40)
  return { channels, sampleRate, bits, dataBytes, fileBytes: bytes.length, durationMs: (dataBytes / 2 / sampleRate) * 1000 }
}

/** How much audio the backend acknowledged for the take being recorded (the recorder shows it). */
export async function acknowledgedMs(page: Page): Promise<number> {
  return Number((await page.getByTestId('elapsed').getAttribute('data-acknowledged-ms')) ?? 0)
}

/** A web server with the test model installed, and Chromium whose microphone speaks a sentence. */
export interface MicrophoneRig {
  scratch: string
  dataDir: string
  micWav: string
  server: WebServerProcess
  browser: Browser
  page: Page
  foreign: string[]
}

/**
 * The set-up every recording spec shares, registered as its beforeEach/afterEach: a scratch
 * folder, a data folder with whisper.cpp's test model in it, the web server, and Chromium with
 * the fake microphone. After each test, no request may have left 127.0.0.1. On CI a missing
 * WHISPER_TEST_MODEL fails the tests (they must run there); elsewhere it skips them. The
 * returned object is filled in before each test.
 */
export function useMicrophoneRig(name: string, sentence?: string): MicrophoneRig {
  const testModel = process.env.WHISPER_TEST_MODEL
  const modelMissing = !testModel || !existsSync(testModel)
  test.skip(modelMissing && process.env.CI !== 'true', 'WHISPER_TEST_MODEL is not set (point it at for-tests-ggml-tiny.en.bin)')
  const rig = {} as MicrophoneRig

  test.beforeEach(async () => {
    if (modelMissing || !testModel) throw new Error(`WHISPER_TEST_MODEL is missing (${testModel ?? 'not set'}): CI must run the ${name} tests`)
    rig.scratch = mkdtempSync(join(tmpdir(), `mockroom-${name}-e2e-`))
    rig.dataDir = join(rig.scratch, 'data')
    mkdirSync(join(rig.dataDir, 'models'), { recursive: true })
    copyFileSync(testModel, join(rig.dataDir, 'models', basename(testModel)))
    rig.micWav = speechWav(rig.scratch, sentence)
    rig.server = await startWebServer(rig.dataDir)
    Object.assign(rig, await launchWithMicrophone(rig.micWav))
  })

  test.afterEach(async () => {
    await rig.browser?.close()
    await stopProcess(rig.server.child)
    rmSync(rig.scratch, { recursive: true, force: true })
    expect(rig.foreign, 'requests that left 127.0.0.1').toEqual([])
  })
  return rig
}
