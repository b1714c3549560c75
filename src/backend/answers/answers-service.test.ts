import { mkdtempSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AnswersService } from './answers-service'
import { EventHub } from '../events'
import { openStore } from '../storage/store'
import { emptyDrillRecord } from '@shared/sql/drill-record'

async function service() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-answers-'))
  const { store } = await openStore({ dataDir })
  const events = new EventHub()
  const seen: string[] = []
  events.subscribe((name) => seen.push(name))
  return { answers: new AnswersService(store, dataDir, events, () => new Date('2026-11-22T10:00:00Z')), seen, dataDir, store }
}

const transcript = { text: 'we used kafka', segments: [], words: [], durationMs: 2000, model: 'ggml-tiny.en.bin' }

describe('AnswersService', () => {
  it('saves a typed answer as a take and announces it', async () => {
    const { answers, seen } = await service()
    const saved = await answers.saveTyped({ id: 'a1', sessionId: null, questionId: 'q1', text: 'My answer' })
    expect(saved).toMatchObject({ id: 'a1', source: 'typed', state: 'typed', status: 'ready', text: 'My answer', edited: false, currentTakeId: 't1' })
    const more = await answers.saveTyped({ id: 'a1', takeId: 't1', sessionId: null, questionId: 'q1', text: 'My answer, longer' })
    expect(more.takes).toHaveLength(1)
    expect(seen.filter((name) => name === 'answer')).toHaveLength(2)
  })

  it('keeps the recording and its transcript when the candidate corrects it or types instead', async () => {
    const { answers } = await service()
    await answers.ensure('r1', { sessionId: null, questionId: 'q1' })
    await answers.patch('r1', { type: 'startRecording' })
    await answers.patch('r1', { type: 'stopRecording', takeId: 't1', durationMs: 2000, interrupted: false })
    await answers.patch('r1', { type: 'transcribed', takeId: 't1', transcript })
    const corrected = await answers.updateText('r1', 'we used Kafka and Flink')
    expect(corrected).toMatchObject({ state: 'corrected', source: 'recorded', edited: true, transcript, audioFile: 'audio/r1.t1.wav' })
    const typed = await answers.saveTyped({ id: 'r1', sessionId: null, questionId: 'q1', text: 'typed instead' })
    expect(typed).toMatchObject({ state: 'typed', currentTakeId: 't2' })
    expect(typed.takes[0]).toMatchObject({ text: 'we used Kafka and Flink', transcript, audioFile: 'audio/r1.t1.wav' })
    const restored = await answers.restoreTake('r1', 't1')
    expect(restored).toMatchObject({ state: 'corrected', text: 'we used Kafka and Flink' })
  })

  it('refuses an illegal transition with its code and leaves the stored answer as it was', async () => {
    const { answers, store } = await service()
    await answers.saveTyped({ id: 'a1', sessionId: null, questionId: 'q1', text: 'kept' })
    const before = structuredClone(store.read().answers)
    await expect(answers.patch('a1', { type: 'stopRecording', takeId: 't1', durationMs: 1000, interrupted: false })).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION'
    })
    await expect(answers.patch('nope', { type: 'startRecording' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(store.read().answers).toEqual(before)
  })

  it('will not let an answer id change question', async () => {
    const { answers } = await service()
    await answers.ensure('a1', { sessionId: 's1', questionId: 'q1' })
    await expect(answers.ensure('a1', { sessionId: 's1', questionId: 'q2' })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('deletes a take with its audio, and a session’s answers with theirs', async () => {
    const { answers, dataDir } = await service()
    mkdirSync(join(dataDir, 'audio'))
    for (const id of ['a', 'b']) {
      await answers.ensure(id, { sessionId: 's1', questionId: 'q1' })
      await answers.patch(id, { type: 'startRecording' })
      writeFileSync(join(dataDir, 'audio', `${id}.t1.wav`), 'x')
      await answers.patch(id, { type: 'stopRecording', takeId: 't1', durationMs: 1000, interrupted: false })
    }
    await answers.saveTyped({ id: 'c', sessionId: 's2', questionId: 'q1', text: 'other session' })
    await answers.patch('a', { type: 'transcriptionFailed', takeId: 't1', error: { code: 'X', message: 'x' } })
    const left = await answers.deleteTake('a', 't1')
    expect(left).toMatchObject({ state: 'empty', takes: [] })
    expect(existsSync(join(dataDir, 'audio', 'a.t1.wav'))).toBe(false)
    expect(await answers.removeForSession('s1')).toBe(2)
    expect(existsSync(join(dataDir, 'audio', 'b.t1.wav'))).toBe(false)
    expect(answers.list({}).map((a) => a.id)).toEqual(['c'])
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

describe('AnswersService SQL drills', () => {
  it('keeps the drill with the answer, creating the answer when the query ran before anything was said', async () => {
    const { answers, seen } = await service()
    const record = { ...emptyDrillRecord('select 1', true, '2026-11-22T10:00:00.000Z'), runs: 1, firstMatchAtRun: 1 }
    const saved = await answers.saveSqlDrill('d1', { sessionId: 's1', questionId: 'q1' }, record)
    expect(saved).toMatchObject({ id: 'd1', sessionId: 's1', questionId: 'q1', state: 'empty', sqlDrill: record })
    expect(seen).toContain('answer')
    // The explanation typed later joins the same answer; the drill stays.
    const typed = await answers.saveTyped({ id: 'd1', sessionId: 's1', questionId: 'q1', text: 'I group by the pair' })
    expect(typed).toMatchObject({ text: 'I group by the pair', sqlDrill: record })
    const next = { ...record, query: 'select 2', runs: 2 }
    expect((await answers.saveSqlDrill('d1', { sessionId: 's1', questionId: 'q1' }, next)).sqlDrill).toEqual(next)
    await expect(answers.saveSqlDrill('d1', { sessionId: 's1', questionId: 'other' }, next)).rejects.toMatchObject({ code: 'CONFLICT' })
  })
})
