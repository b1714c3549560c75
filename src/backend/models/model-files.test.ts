import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { whisperModelFixture } from '../../../tests/fixtures/whisper-model'
import { GGML_MAGIC, MAX_MODEL_BYTES, hasGgmlMagic, importLocalModel, listInstalledModels } from './model-files'

let root: string
let modelsDir: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mockroom-model-files-'))
  modelsDir = join(root, 'models')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const fakeModel = (): Buffer => Buffer.concat([GGML_MAGIC, Buffer.alloc(100, 1)])

describe('listInstalledModels', () => {
  it('lists ggml .bin files, catalogue models first, ignoring .part and foreign files', async () => {
    await mkdir(modelsDir)
    await writeFile(join(modelsDir, 'my-own.bin'), fakeModel())
    await writeFile(join(modelsDir, 'ggml-base.en.bin'), fakeModel())
    await writeFile(join(modelsDir, 'ggml-tiny.en.bin'), fakeModel())
    await writeFile(join(modelsDir, 'ggml-small.en.bin.part'), fakeModel())
    await writeFile(join(modelsDir, 'readme.bin'), 'text, not a model')
    const models = await listInstalledModels(modelsDir)
    expect(models.map((m) => [m.file, m.catalogueId])).toEqual([
      ['ggml-tiny.en.bin', 'tiny.en'],
      ['ggml-base.en.bin', 'base.en'],
      ['my-own.bin', null]
    ])
    expect(models[0]).toMatchObject({ path: join(modelsDir, 'ggml-tiny.en.bin'), bytes: 104 })
  })

  it('returns nothing when the folder does not exist', async () => {
    expect(await listInstalledModels(modelsDir)).toEqual([])
  })
})

describe('importLocalModel', () => {
  const model = whisperModelFixture({ tail: 4096 })

  it('copies a whisper model into the models folder under a safe name', async () => {
    const picked = join(root, 'My Model (v2).bin')
    await writeFile(picked, model)
    const installed = await importLocalModel(modelsDir, picked)
    expect(installed).toMatchObject({ file: 'My_Model_v2_.bin', bytes: model.length, catalogueId: null })
    expect(await readFile(installed.path)).toEqual(model)
    expect(await hasGgmlMagic(installed.path)).toBe(true)
    expect(await readdir(modelsDir)).toEqual(['My_Model_v2_.bin'])
  })

  it('rejects a file without the ggml magic, a file that only starts like a model, and a missing file', async () => {
    const picked = join(root, 'model.bin')
    await writeFile(picked, 'GGUF is not what this whisper.cpp reads')
    await expect(importLocalModel(modelsDir, picked)).rejects.toMatchObject({ code: 'MODEL_INVALID' })
    await writeFile(picked, fakeModel())
    await expect(importLocalModel(modelsDir, picked)).rejects.toMatchObject({ code: 'MODEL_INVALID', message: expect.stringContaining('hyper-parameters') })
    await expect(importLocalModel(modelsDir, join(root, 'nope.bin'))).rejects.toMatchObject({ code: 'MODEL_MISSING' })
    await expect(importLocalModel(modelsDir, root)).rejects.toMatchObject({ code: 'MODEL_MISSING' })
    expect(await listInstalledModels(modelsDir)).toEqual([])
  })

  it('checks a 2 GiB sparse file on its header, without copying it', async () => {
    const picked = join(root, 'sparse.bin')
    await writeFile(picked, Buffer.concat([GGML_MAGIC, Buffer.alloc(60)]))
    await truncate(picked, 2 * 1024 ** 3)
    await expect(importLocalModel(modelsDir, picked)).rejects.toMatchObject({ code: 'MODEL_INVALID' })
    // A real header followed by 2 GiB of holes is refused too, still before any copy.
    await writeFile(picked, model)
    await truncate(picked, 2 * 1024 ** 3)
    await expect(importLocalModel(modelsDir, picked)).rejects.toMatchObject({ code: 'MODEL_INVALID', message: expect.stringContaining('sparse') })
    await expect(readdir(modelsDir)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a file over the size cap before reading it', async () => {
    const picked = join(root, 'huge.bin')
    await writeFile(picked, model)
    await truncate(picked, MAX_MODEL_BYTES + 1)
    await expect(importLocalModel(modelsDir, picked)).rejects.toMatchObject({ code: 'MODEL_INVALID', message: expect.stringContaining('at most 4 GB') })
  })

  it('imports a model whose name is as long as the file system allows', async () => {
    const picked = join(root, `${'m'.repeat(251)}.bin`)
    await writeFile(picked, model)
    const installed = await importLocalModel(modelsDir, picked)
    expect(installed.file.length).toBeLessThanOrEqual(200)
    expect(installed.file.endsWith('.bin')).toBe(true)
    expect(await readdir(modelsDir)).toEqual([installed.file])
  })

  it('answers a path too long for the system as the caller’s mistake', async () => {
    await expect(importLocalModel(modelsDir, `/${'x'.repeat(300)}/model.bin`)).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})
