import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AnswersService } from './answers-service'
import { EventHub } from './events'
import { openStore } from './storage/store'

async function service() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-answers-'))
  const { store } = await openStore({ dataDir })
  const events = new EventHub()
  const seen: string[] = []
  events.subscribe((name) => seen.push(name))
  return { answers: new AnswersService(store, dataDir, events, () => new Date('2026-11-22T10:00:00Z')), seen }
}

const transcript = { text: 'we used kafka', segments: [], words: [], durationMs: 2000, model: 'ggml-tiny.en.bin' }

describe('AnswersService', () => {
  it('saves a typed answer and announces it', async () => {
    const { answers, seen } = await service()
    const saved = await answers.saveTyped({ id: 'a1', sessionId: null, questionId: 'q1', text: 'My answer' })
    expect(saved).toMatchObject({ id: 'a1', source: 'typed', status: 'ready', text: 'My answer', edited: false })
    expect(seen).toEqual(['answer'])
  })

  it('keeps the original transcript when a recorded answer is corrected, typed over or restored', async () => {
    const { answers } = await service()
    await answers.upsert('r1', { sessionId: null, questionId: 'q1', source: 'recorded', transcript, text: transcript.text, audioFile: 'audio/r1.wav' })
    const corrected = await answers.updateText('r1', 'we used Kafka and Flink')
    expect(corrected).toMatchObject({ source: 'recorded', edited: true, transcript, audioFile: 'audio/r1.wav' })
    const typedOver = await answers.saveTyped({ id: 'r1', sessionId: null, questionId: 'q1', text: 'typed instead' })
    expect(typedOver).toMatchObject({ source: 'recorded', text: 'typed instead', edited: true, transcript, audioFile: 'audio/r1.wav' })
    const restored = await answers.updateText('r1', transcript.text)
    expect(restored.edited).toBe(false)
  })

  it('lists newest first and filters by session and question', async () => {
    const { answers } = await service()
    await answers.saveTyped({ id: 'a', sessionId: 's1', questionId: 'q1', text: '1' })
    await answers.saveTyped({ id: 'b', sessionId: 's2', questionId: 'q2', text: '2' })
    expect(answers.list({ sessionId: 's2' }).map((a) => a.id)).toEqual(['b'])
    expect(answers.list({ questionId: 'q1' }).map((a) => a.id)).toEqual(['a'])
    await answers.remove('a')
    expect(() => answers.get('a')).toThrow(/No answer/)
  })
})
