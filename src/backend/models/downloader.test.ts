import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CatalogueModel } from './catalogue'
import { MODEL_CATALOGUE, WHISPER_MODEL_BASE_URL, modelDownloadUrl } from './catalogue'
import { downloadModel, partPathOf } from './downloader'
import type { DownloadProgress } from './downloader'
import { GGML_MAGIC } from './model-files'
import { ModelManager } from './model-manager'

/** A stand-in model: the ggml magic and 768 KB of noise. */
const body = Buffer.concat([GGML_MAGIC, randomBytes(768 * 1024)])
const model: CatalogueModel = {
  id: 'test',
  file: 'ggml-test.bin',
  bytes: body.length,
  sha256: createHash('sha256').update(body).digest('hex'),
  approxMegabytes: 1,
  englishOnly: true,
  description: 'served from 127.0.0.1'
}

type Behaviour = 'normal' | 'cut-first-response' | 'slow' | 'ignore-range'

let server: Server
let baseUrl: string
let behaviour: Behaviour
let requests: Array<{ url: string; range: string | undefined }>
let modelsDir: string

function serve(req: IncomingMessage, res: ServerResponse): void {
  requests.push({ url: req.url ?? '', range: req.headers.range })
  if (req.url !== `/${model.file}`) {
    res.writeHead(404).end()
    return
  }
  const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
  const start = match && behaviour !== 'ignore-range' ? Number(match[1]) : 0
  if (start >= body.length) {
    res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end()
    return
  }
  const slice = body.subarray(start)
  res.writeHead(
    start > 0 ? 206 : 200,
    start > 0
      ? { 'content-length': slice.length, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` }
      : { 'content-length': slice.length }
  )
  if (behaviour === 'cut-first-response' && requests.length === 1) {
    // The connection drops after ~40%: headers promised the whole file.
    res.write(slice.subarray(0, 300 * 1024), () => res.socket?.destroy())
    return
  }
  if (behaviour === 'slow') {
    let at = 0
    const timer = setInterval(() => {
      if (res.destroyed || at >= slice.length) {
        clearInterval(timer)
        res.end()
        return
      }
      res.write(slice.subarray(at, at + 32 * 1024))
      at += 32 * 1024
    }, 20)
    res.on('close', () => clearInterval(timer))
    return
  }
  res.end(slice)
}

beforeEach(async () => {
  behaviour = 'normal'
  requests = []
  modelsDir = join(await mkdtemp(join(tmpdir(), 'mockroom-models-')), 'models')
  server = createServer(serve)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(join(modelsDir, '..'), { recursive: true, force: true })
})

describe('downloadModel', () => {
  it('downloads, verifies and installs a model, reporting progress up to 100%', async () => {
    const progress: DownloadProgress[] = []
    const installed = await downloadModel({ model, modelsDir, baseUrl, onProgress: (p) => progress.push(p) })
    expect(installed).toEqual({ file: model.file, path: join(modelsDir, model.file), bytes: body.length, catalogueId: 'test' })
    expect((await readFile(installed.path)).equals(body)).toBe(true)
    expect(await readdir(modelsDir)).toEqual([model.file])
    expect(progress.at(0)).toMatchObject({ receivedBytes: 0, totalBytes: body.length, percent: 0 })
    expect(progress.at(-1)).toMatchObject({ receivedBytes: body.length, percent: 100, resumedFromBytes: 0 })
    expect(requests).toEqual([{ url: `/${model.file}`, range: undefined }])
  })

  it('keeps the .part of an interrupted download and resumes it with a Range request', async () => {
    behaviour = 'cut-first-response'
    await expect(downloadModel({ model, modelsDir, baseUrl })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringMatching(/interrupted.*try again to resume/)
    })
    const partBytes = (await stat(partPathOf(modelsDir, model.file))).size
    expect(partBytes).toBeGreaterThan(0)
    expect(partBytes).toBeLessThan(body.length)

    const progress: DownloadProgress[] = []
    const installed = await downloadModel({ model, modelsDir, baseUrl, onProgress: (p) => progress.push(p) })
    expect(requests.at(-1)?.range).toBe(`bytes=${partBytes}-`)
    expect(progress[0]).toMatchObject({ receivedBytes: partBytes, resumedFromBytes: partBytes })
    expect((await readFile(installed.path)).equals(body)).toBe(true)
    await expect(stat(partPathOf(modelsDir, model.file))).rejects.toThrow()
  })

  it('starts over when the server ignores the Range header', async () => {
    behaviour = 'cut-first-response'
    await expect(downloadModel({ model, modelsDir, baseUrl })).rejects.toMatchObject({ code: 'DOWNLOAD_FAILED' })
    behaviour = 'ignore-range'
    const installed = await downloadModel({ model, modelsDir, baseUrl })
    expect((await readFile(installed.path)).equals(body)).toBe(true)
  })

  it('deletes the .part and fails clearly on a checksum mismatch', async () => {
    const wrong = { ...model, sha256: 'f'.repeat(64) }
    await expect(downloadModel({ model: wrong, modelsDir, baseUrl })).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      message: expect.stringMatching(/corrupt.*deleted.*again/)
    })
    expect(await readdir(modelsDir)).toEqual([])
  })

  it('restarts from zero when a stale .part does not match the file on the server', async () => {
    await rm(modelsDir, { recursive: true, force: true })
    await downloadModel({ model, modelsDir, baseUrl }).then((m) => rm(m.path))
    await writeFile(partPathOf(modelsDir, model.file), randomBytes(1000))
    // The resumed bytes are right but the prefix is garbage: the hash catches it.
    await expect(downloadModel({ model, modelsDir, baseUrl })).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' })
    expect(await readdir(modelsDir)).toEqual([])
    const installed = await downloadModel({ model, modelsDir, baseUrl })
    expect((await readFile(installed.path)).equals(body)).toBe(true)
  })

  it('cancels with an AbortSignal, keeping the .part for a later resume', async () => {
    behaviour = 'slow'
    const controller = new AbortController()
    const download = downloadModel({
      model,
      modelsDir,
      baseUrl,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.receivedBytes > 64 * 1024) controller.abort()
      }
    })
    await expect(download).rejects.toMatchObject({ code: 'CANCELLED' })
    const partBytes = (await stat(partPathOf(modelsDir, model.file))).size
    expect(partBytes).toBeGreaterThan(0)
    behaviour = 'normal'
    const installed = await downloadModel({ model, modelsDir, baseUrl })
    expect(requests.at(-1)?.range).toBe(`bytes=${partBytes}-`)
    expect((await readFile(installed.path)).equals(body)).toBe(true)
  })

  it('fails clearly on HTTP errors and refuses unverified models unless allowed', async () => {
    await expect(downloadModel({ model: { ...model, file: 'ggml-nope.bin' }, modelsDir, baseUrl })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringContaining('HTTP 404')
    })
    const unverified = { ...model, sha256: null, bytes: null }
    await expect(downloadModel({ model: unverified, modelsDir, baseUrl })).rejects.toMatchObject({ code: 'MODEL_UNVERIFIED' })
    const installed = await downloadModel({ model: unverified, modelsDir, baseUrl, allowUnverified: true })
    expect((await readFile(installed.path)).equals(body)).toBe(true)
  })
})

describe('ModelManager', () => {
  it('joins a second request for the same download and lists the result', async () => {
    behaviour = 'slow'
    const manager = new ModelManager({ dataDir: join(modelsDir, '..'), baseUrl })
    // The catalogue does not know the test model, so go through a real entry's file name.
    const entry = MODEL_CATALOGUE[0]!
    await expect(manager.download('no-such-model')).rejects.toMatchObject({ code: 'MODEL_MISSING' })
    const first = manager.download(entry.id)
    const second = manager.download(entry.file)
    expect(second).toBe(first)
    expect(manager.cancelDownload(entry.id)).toBe(true)
    await expect(first).rejects.toMatchObject({ code: expect.stringMatching(/CANCELLED|DOWNLOAD_FAILED/) })
    expect(await manager.listInstalled()).toEqual([])
  })
})

describe('catalogue', () => {
  it('points at the official download URL and has a sha256 for every verified model', () => {
    expect(modelDownloadUrl('ggml-tiny.en.bin')).toBe('https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-tiny.en.bin')
    expect(modelDownloadUrl('ggml-tiny.en.bin', 'http://127.0.0.1:9/models')).toBe('http://127.0.0.1:9/models/ggml-tiny.en.bin')
    expect(WHISPER_MODEL_BASE_URL.startsWith('https://huggingface.co/ggerganov/whisper.cpp/')).toBe(true)
    for (const entry of MODEL_CATALOGUE) {
      if (entry.sha256 !== null) expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(entry.file).toBe(`ggml-${entry.id}.bin`)
    }
    expect(MODEL_CATALOGUE.map((entry) => entry.id)).toEqual(['tiny.en', 'tiny.en-q8_0', 'tiny', 'base.en', 'small.en'])
  })
})
