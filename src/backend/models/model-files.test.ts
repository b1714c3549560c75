import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GGML_MAGIC, hasGgmlMagic, importLocalModel, listInstalledModels } from './model-files'

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
  it('copies a ggml file into the models folder under a safe name', async () => {
    const picked = join(root, 'My Model (v2).bin')
    await writeFile(picked, fakeModel())
    const installed = await importLocalModel(modelsDir, picked)
    expect(installed).toMatchObject({ file: 'My_Model_v2_.bin', bytes: 104, catalogueId: null })
    expect(await readFile(installed.path)).toEqual(fakeModel())
    expect(await hasGgmlMagic(installed.path)).toBe(true)
  })

  it('rejects a file without the ggml magic and a missing file', async () => {
    const picked = join(root, 'model.bin')
    await writeFile(picked, 'GGUF is not what this whisper.cpp reads')
    await expect(importLocalModel(modelsDir, picked)).rejects.toMatchObject({ code: 'MODEL_INVALID' })
    await expect(importLocalModel(modelsDir, join(root, 'nope.bin'))).rejects.toMatchObject({ code: 'MODEL_MISSING' })
    expect(await listInstalledModels(modelsDir)).toEqual([])
  })
})
