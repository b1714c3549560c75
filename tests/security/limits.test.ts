import { mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWavHeader } from '../../src/backend/audio/wav-format'
import { whisperModelFixture } from '../fixtures/whisper-model'
import { assertAlive, startSecurityServer, type SecurityServer } from './harness'

/**
 * Amplification and caller's-fault errors from issue 10, replayed on the real server:
 * 10 MB strings in every free-text field, a WAV that converts to hundreds of megabytes, a
 * sparse 2 GiB "model", an index past the plan, a path too long, a long bank name.
 */
let server: SecurityServer
let sessionId: string
let questionId: string
let itemCount: number
const TEN_MB = 'x'.repeat(10 * 1024 * 1024)

beforeAll(async () => {
  server = await startSecurityServer()
  const created = await server.call<{ id: string; items: Array<{ questionId: string }> }>('createSession', { type: 'behavioral', count: 2, order: 'as-listed' })
  if (!created.ok) throw new Error(created.error.message)
  sessionId = created.value.id
  questionId = created.value.items[0]!.questionId
  itemCount = created.value.items.length
}, 60_000)
afterAll(() => server.close())

const filesIn = (folder: string): string[] => {
  try {
    return readdirSync(join(server.dataDir, folder))
  } catch {
    return []
  }
}
const dbBytes = () => statSync(join(server.dataDir, 'db.json')).size
const now = new Date().toISOString()

describe('oversize fields are refused with VALIDATION and never reach db.json', () => {
  const cases: Array<[string, () => [string, unknown]]> = [
    ['notes', () => ['saveSessionItem', { sessionId, questionId, notes: TEN_MB }]],
    ['a STAR part', () => ['saveSessionItem', { sessionId, questionId, starScaffold: { situation: '', task: '', action: TEN_MB, result: '' } }]],
    ['a Mermaid diagram', () => ['saveSessionItem', { sessionId, questionId, mermaid: { source: TEN_MB, updatedAt: now } }]],
    ['a whiteboard scene', () => ['saveSessionItem', { sessionId, questionId, whiteboard: { sceneJson: TEN_MB, updatedAt: now } }]],
    ['a whiteboard picture', () => ['saveSessionItem', { sessionId, questionId, whiteboard: { sceneJson: '{}', svg: TEN_MB, updatedAt: now } }]],
    ['the microphone id', () => ['updateSettings', { microphoneId: TEN_MB }]],
    ['the model path in settings', () => ['updateSettings', { modelPath: TEN_MB }]],
    ['a session id', () => ['getSession', { id: TEN_MB }]],
    ['a session id in an update', () => ['updateSession', { id: TEN_MB, currentIndex: 0 }]],
    ['a session id on a typed answer', () => ['saveTypedAnswer', { sessionId: TEN_MB, questionId, text: 'x' }]],
    ['a question id', () => ['saveSessionItem', { sessionId, questionId: TEN_MB, notes: 'x' }]],
    ['an answer filter', () => ['listAnswers', { questionId: TEN_MB }]],
    ['a list of banks', () => ['createSession', { type: 'behavioral', count: 1, order: 'random', bankIds: Array.from({ length: 5000 }, (_, i) => `b${i}`) }]],
    ['a model path to import', () => ['importModel', { path: `/${'p'.repeat(5000)}` }]]
  ]

  it.each(cases)('%s', async (_name, build) => {
    const before = dbBytes()
    const [method, input] = build()
    const result = await server.call(method, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(dbBytes()).toBe(before)
  })

  it('real-sized content is accepted', async () => {
    const scene = JSON.stringify({
      type: 'excalidraw',
      elements: Array.from({ length: 800 }, (_, i) => ({ id: `el-${i}`, type: 'rectangle', x: i, y: i, width: 120, height: 60, strokeColor: '#1e1e1e', seed: i, version: 3, text: 'Kafka → Flink → Iceberg' }))
    })
    expect(scene.length).toBeGreaterThan(100_000)
    const saved = await server.call('saveSessionItem', {
      sessionId,
      questionId,
      notes: 'n'.repeat(50_000),
      mermaid: { source: `flowchart LR\n${Array.from({ length: 500 }, (_, i) => `  a${i}[Step ${i}] --> a${i + 1}`).join('\n')}`, updatedAt: now },
      whiteboard: { sceneJson: scene, svg: `<svg>${'<rect/>'.repeat(50_000)}</svg>`, updatedAt: now }
    })
    expect(saved).toMatchObject({ ok: true })
    await assertAlive(server)
  })
})

describe("the caller's mistakes are not INTERNAL errors", () => {
  it('updateSession with an index past the plan is VALIDATION; the end of the plan is fine', async () => {
    const past = await server.call('updateSession', { id: sessionId, currentIndex: itemCount + 1 })
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('past the end of this session') } })
    expect(await server.call('updateSession', { id: sessionId, currentIndex: itemCount })).toMatchObject({ ok: true })
  })

  it('a model path with a name too long for the file system is VALIDATION', async () => {
    const result = await server.call('importModel', { path: `/${'x'.repeat(300)}/model.bin` })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('a bank with a valid 252-character name imports', async () => {
    const name = `${'b'.repeat(249)}.md`
    const text = '# Bank\n\n## Section\n\n### Q1: What is a data contract?\n\nAn agreement between producers and consumers.\n'
    const result = await server.call<{ imported: Array<{ file: string }>; errors: unknown[] }>('importBanks', { files: [{ name, base64: Buffer.from(text).toString('base64') }] })
    expect(result).toMatchObject({ ok: true, value: { errors: [] } })
    expect(result.ok && result.value.imported.map((entry) => entry.file)).toEqual([name])
    expect(readdirSync(join(server.dataDir, 'banks'))).toEqual([name])
  })
})

describe('amplification', () => {
  it('a small 8-bit 1 kHz WAV promising hours is refused before conversion', async () => {
    const dataBytes = 8 * 1024 * 1024 // 2.3 hours at 1 kHz; 270 MB once converted
    const wav = Buffer.concat([createWavHeader(dataBytes, { encoding: 'pcm', sampleRate: 1000, channels: 1, bitsPerSample: 8 }), Buffer.alloc(dataBytes, 0x80)])
    const result = await server.call('importAnswerAudio', { answerId: 'amplified', sessionId: null, questionId: 'q', fileName: 'tiny.wav', base64: wav.toString('base64') })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_AUDIO', message: expect.stringContaining('1,000 Hz is not supported') } })
    expect(filesIn('audio').filter((name) => name.startsWith('amplified'))).toEqual([])
  })

  it('a sparse 2 GiB "model" is refused on its header, and nothing is copied', async () => {
    const picked = join(server.dataDir, 'picked')
    mkdirSync(picked, { recursive: true })
    for (const [name, bytes] of [['magic-only.bin', Buffer.from('lmgg', 'latin1')], ['real-header.bin', whisperModelFixture()]] as const) {
      const path = join(picked, name)
      writeFileSync(path, bytes)
      truncateSync(path, 2 * 1024 ** 3)
      const result = await server.call('importModel', { path })
      expect(result).toMatchObject({ ok: false, error: { code: 'MODEL_INVALID' } })
    }
    expect(filesIn('models')).toEqual([])
  })
})
