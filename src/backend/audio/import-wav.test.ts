import { mkdtempSync, readdirSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IMPORT_LIMITS, importWav } from './import-wav'
import { createWavHeader } from './wav-format'

const dir = () => mkdtempSync(join(tmpdir(), 'mockroom-import-limits-'))

function wav(path: string, sampleRate: number, bitsPerSample: number, dataBytes: number): string {
  writeFileSync(path, Buffer.concat([createWavHeader(dataBytes, { encoding: 'pcm', sampleRate, channels: 1, bitsPerSample }), Buffer.alloc(dataBytes, 0x80)]))
  return path
}

describe('importWav limits, checked on the header before any conversion', () => {
  it('refuses the 12 MB 8-bit 1 kHz WAV that used to become 366 MiB', async () => {
    const root = dir()
    const source = wav(join(root, 'tiny-rate.wav'), 1000, 8, 12 * 1024 * 1024)
    await expect(importWav(join(root, 'audio'), source, 'a1')).rejects.toMatchObject({
      code: 'INVALID_AUDIO',
      message: expect.stringMatching(/1,000 Hz is not supported.*8 to 192 kHz/)
    })
    expect(readdirSync(root)).toEqual(['tiny-rate.wav'])
  })

  it('refuses a recording longer than the limit, saying how long it is', async () => {
    const root = dir()
    // 46 minutes of 8-bit 8 kHz mono: 22 MB in, it would be 88 MB once converted.
    const source = wav(join(root, 'long.wav'), 8000, 8, 46 * 60 * 8000)
    await expect(importWav(join(root, 'audio'), source, 'a2')).rejects.toMatchObject({
      code: 'INVALID_AUDIO',
      message: expect.stringContaining('the recording is 46 min long; imports are limited to 45 min')
    })
    expect(readdirSync(root)).toEqual(['long.wav'])
  })

  it('refuses a file over the size limit without reading it', async () => {
    const root = dir()
    const source = wav(join(root, 'huge.wav'), 16000, 16, 1000)
    truncateSync(source, IMPORT_LIMITS.maxFileBytes + 1) // sparse: costs no disk
    await expect(importWav(join(root, 'audio'), source, 'a3')).rejects.toMatchObject({
      code: 'INVALID_AUDIO',
      message: expect.stringContaining('imports are limited to 256 MB')
    })
  })

  it('accepts an ordinary recording at a low but usable rate', async () => {
    const root = dir()
    const source = wav(join(root, 'phone.wav'), 8000, 16, 8000 * 2 * 3)
    const imported = await importWav(join(root, 'audio'), source, 'a4')
    expect(imported).toMatchObject({ durationMs: 3000, converted: true })
  })
})
