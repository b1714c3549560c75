import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importWav } from './import-wav'
import { createWavHeader, decodeWav, encodeWhisperWav } from './wav-format'
import { repairUnfinishedWavs } from './wav-repair'
import { answerWavPath, createAnswerWavWriter } from './wav-writer'

let audioDir: string

beforeEach(async () => {
  audioDir = join(await mkdtemp(join(tmpdir(), 'mockroom-audio-')), 'audio')
})

afterEach(async () => {
  await rm(join(audioDir, '..'), { recursive: true, force: true })
})

/** One second of 16 kHz mono 16-bit PCM whose samples all equal `value`. */
function secondOf(value: number): Buffer {
  return Buffer.from(new Int16Array(16_000).fill(value).buffer)
}

function headerSizes(file: Buffer): { riff: number; data: number } {
  return { riff: file.readUInt32LE(4), data: file.readUInt32LE(40) }
}

describe('WavWriter', () => {
  it('keeps a valid WAV on disk after every chunk', async () => {
    const writer = await createAnswerWavWriter(audioDir, 'answer-1')
    expect(writer.path).toBe(join(audioDir, 'answer-1.wav'))
    expect(decodeWav(await readFile(writer.path)).durationMs).toBe(0)
    for (let second = 1; second <= 3; second++) {
      await writer.append(secondOf(second))
      const onDisk = await readFile(writer.path)
      expect(onDisk.length).toBe(44 + second * 32_000)
      expect(headerSizes(onDisk)).toEqual({ riff: 36 + second * 32_000, data: second * 32_000 })
      expect(decodeWav(onDisk).durationMs).toBe(second * 1000)
    }
    expect(await writer.close()).toEqual({ path: writer.path, dataBytes: 96_000, durationMs: 3000 })
    const samples = decodeWav(await readFile(writer.path)).data
    expect(samples.readInt16LE(0)).toBe(1)
    expect(samples.readInt16LE(95_998)).toBe(3)
  })

  it('writes chunks in order even when appends are not awaited', async () => {
    const writer = await createAnswerWavWriter(audioDir, 'a2')
    await Promise.all([1, 2, 3, 4].map((n) => writer.append(secondOf(n))))
    await writer.close()
    const data = decodeWav(await readFile(writer.path)).data
    expect([0, 1, 2, 3].map((n) => data.readInt16LE(n * 32_000))).toEqual([1, 2, 3, 4])
  })

  it('rejects half samples and answer ids that are not file names', async () => {
    const writer = await createAnswerWavWriter(audioDir, 'a3')
    await expect(writer.append(Buffer.alloc(3))).rejects.toMatchObject({ code: 'INVALID_AUDIO' })
    await writer.append(secondOf(5))
    await writer.close()
    expect(decodeWav(await readFile(writer.path)).durationMs).toBe(1000)
    for (const bad of ['../escape', 'a/b', '', '.hidden', 'x'.repeat(200)]) {
      expect(() => answerWavPath(audioDir, bad)).toThrow(/invalid answer id/)
    }
  })
})

describe('repairUnfinishedWavs', () => {
  it('fixes a file cut mid-chunk and a stale header, keeps whole samples, lists both', async () => {
    // Crash 1: killed while the third chunk was being written, 1001 bytes of it on disk.
    const cut = await createAnswerWavWriter(audioDir, 'cut')
    await cut.append(secondOf(1))
    await cut.append(secondOf(2))
    await cut.close()
    await writeFile(cut.path, Buffer.alloc(1001, 7), { flag: 'a' })

    // Crash 2: data written, header never updated (sizes still say 0 bytes).
    const stale = answerWavPath(audioDir, 'stale')
    await writeFile(stale, Buffer.concat([createWavHeader(0), secondOf(9)]))

    // A finished recording and a stray non-WAV file stay as they are.
    const fine = await createAnswerWavWriter(audioDir, 'fine')
    await fine.append(secondOf(3))
    await fine.close()
    await writeFile(join(audioDir, 'notes.wav'), 'not audio')
    const fineBefore = await readFile(fine.path)

    const recovered = await repairUnfinishedWavs(audioDir)
    expect(recovered).toEqual([
      { answerId: 'cut', path: cut.path, dataBytes: 65_000, durationMs: 2031, droppedBytes: 1 },
      { answerId: 'stale', path: stale, dataBytes: 32_000, durationMs: 1000, droppedBytes: 0 }
    ])

    const cutNow = await readFile(cut.path)
    expect(cutNow.length).toBe(44 + 65_000)
    expect(headerSizes(cutNow)).toEqual({ riff: 36 + 65_000, data: 65_000 })
    expect(cutNow.readInt16LE(44 + 64_998)).toBe(0x0707)
    expect(headerSizes(await readFile(stale))).toEqual({ riff: 36 + 32_000, data: 32_000 })
    expect(await readFile(fine.path)).toEqual(fineBefore)
    expect(await readFile(join(audioDir, 'notes.wav'), 'utf8')).toBe('not audio')

    // Repaired files are consistent: a second pass has nothing to do.
    expect(await repairUnfinishedWavs(audioDir)).toEqual([])
  })

  it('recovers a file truncated inside the header sizes of a longer recording', async () => {
    const writer = await createAnswerWavWriter(audioDir, 'long')
    for (let i = 0; i < 5; i++) await writer.append(secondOf(i))
    await writer.close()
    await truncate(writer.path, 44 + 2 * 32_000 + 17)
    const [repaired] = await repairUnfinishedWavs(audioDir)
    expect(repaired).toMatchObject({ answerId: 'long', durationMs: 2001, droppedBytes: 1 })
    expect((await stat(writer.path)).size).toBe(44 + 64_016)
  })

  it('returns nothing for a folder that does not exist yet', async () => {
    expect(await repairUnfinishedWavs(join(audioDir, 'nope'))).toEqual([])
  })
})

describe('importWav', () => {
  it('stores a 16 kHz mono WAV as is and converts other formats', async () => {
    const source = join(audioDir, '..', 'take one.wav')
    await writeFile(source, encodeWhisperWav(Int16Array.from({ length: 16_000 }, (_, i) => i % 100)))
    const plain = await importWav(audioDir, source, 'imp-1')
    expect(plain).toEqual({ path: join(audioDir, 'imp-1.wav'), durationMs: 1000, converted: false })
    expect(await readFile(plain.path)).toEqual(await readFile(source))

    const stereo = Buffer.alloc(44_100 * 4)
    const header = createWavHeader(stereo.length, { encoding: 'pcm', sampleRate: 44_100, channels: 2, bitsPerSample: 16 })
    await writeFile(source, Buffer.concat([header, stereo]))
    const converted = await importWav(audioDir, source, 'imp-2')
    expect(converted).toMatchObject({ durationMs: 1000, converted: true })
    expect(decodeWav(await readFile(converted.path)).layout).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 })
  })

  it('rejects a non-WAV file and leaves nothing behind', async () => {
    const source = join(audioDir, '..', 'fake.wav')
    await writeFile(source, 'plain text')
    await expect(importWav(audioDir, source, 'imp-3')).rejects.toMatchObject({ code: 'INVALID_AUDIO', message: expect.stringContaining('fake.wav') })
    await expect(stat(join(audioDir, 'imp-3.wav'))).rejects.toThrow()
    await expect(importWav(audioDir, join(audioDir, 'missing.wav'), 'imp-4')).rejects.toMatchObject({
      code: 'INVALID_AUDIO',
      message: expect.stringContaining('file not found')
    })
  })
})
