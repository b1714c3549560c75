import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AnswerTransitionError,
  applyAnswerChange,
  createAnswer,
  currentTake,
  recordingTake,
  type AnswerChange,
  type AnswerChangeType
} from './answer-machine'
import type { StoredAnswer, Take, TakeState } from './answer-schema'
import { answerView, newestTypedTake } from './answer-view'
import { emptyDrillRecord } from '../sql/drill-record'

const at = '2026-11-22T10:00:00.000Z'
const later = '2026-11-22T10:05:00.000Z'
const transcript = { text: 'we used kafka', segments: [], words: [], durationMs: 3000, model: 'ggml-tiny.en.bin' }

/** An answer whose only take, t1, is in `state`, built by hand so these tests do not lean on the machine. */
function answerIn(state: TakeState): StoredAnswer {
  const typed = state === 'typed'
  const take: Take = {
    id: 't1',
    source: typed ? 'typed' : 'recorded',
    state,
    createdAt: at,
    updatedAt: at,
    recovered: false,
    audioFile: typed ? null : 'audio/a1.t1.wav',
    durationMs: typed ? null : state === 'recording' ? 0 : 3000,
    transcript: state === 'ready' ? transcript : null,
    text: state === 'ready' ? transcript.text : typed ? 'typed words' : '',
    edited: false,
    error: state === 'failed' ? { code: 'WHISPER_FAILED', message: 'boom' } : null
  }
  return { ...createAnswer('a1', { sessionId: 's1', questionId: 'q1', timeBoxMs: 60_000 }, at), takes: [take], currentTakeId: 't1', lastTakeNumber: 1 }
}

const states: TakeState[] = ['recording', 'transcribing', 'ready', 'failed', 'typed']

/** One example of each change, aimed at take t1 where it takes a take. */
const examples: Record<AnswerChangeType, AnswerChange> = {
  startRecording: { type: 'startRecording' },
  importAudio: { type: 'importAudio', durationMs: 2000 },
  partialText: { type: 'partialText', takeId: 't1', text: 'we used' },
  stopRecording: { type: 'stopRecording', takeId: 't1', durationMs: 4000, interrupted: false },
  transcribed: { type: 'transcribed', takeId: 't1', transcript },
  transcriptionFailed: { type: 'transcriptionFailed', takeId: 't1', error: { code: 'WHISPER_FAILED', message: 'boom' } },
  retranscribe: { type: 'retranscribe', takeId: 't1', durationMs: 3000 },
  type: { type: 'type', text: 'hello', takeId: 't1' },
  edit: { type: 'edit', takeId: 't1', text: 'we used Kafka' },
  restore: { type: 'restore', takeId: 't1' },
  deleteTake: { type: 'deleteTake', takeId: 't1' },
  quarantine: { type: 'quarantine', takeId: 't1', error: { code: 'AUDIO_DAMAGED', message: 'moved aside' } },
  sqlDrill: { type: 'sqlDrill', record: { ...emptyDrillRecord('select 1', true, at), runs: 1 } }
}

/** Which change is legal in which state of t1: written out, not derived from the machine. */
const legal: Record<AnswerChangeType, TakeState[]> = {
  startRecording: ['transcribing', 'ready', 'failed', 'typed'],
  importAudio: ['recording', 'transcribing', 'ready', 'failed', 'typed'],
  partialText: ['recording', 'transcribing'],
  stopRecording: ['recording'],
  transcribed: ['transcribing'],
  transcriptionFailed: ['transcribing'],
  retranscribe: ['ready', 'failed'],
  type: ['recording', 'transcribing', 'ready', 'failed', 'typed'],
  edit: ['transcribing', 'ready', 'failed', 'typed'],
  restore: ['recording', 'transcribing', 'ready', 'failed', 'typed'],
  deleteTake: ['transcribing', 'ready', 'failed', 'typed'],
  quarantine: ['recording', 'transcribing', 'ready', 'failed'],
  sqlDrill: ['recording', 'transcribing', 'ready', 'failed', 'typed']
}

describe('every transition, legal and illegal', () => {
  for (const [type, legalIn] of Object.entries(legal) as Array<[AnswerChangeType, TakeState[]]>) {
    for (const state of states) {
      const ok = legalIn.includes(state)
      it(`${type} on a take that is ${state}: ${ok ? 'applied' : 'refused with ILLEGAL_TRANSITION'}`, () => {
        const before = answerIn(state)
        const frozen = structuredClone(before)
        const run = () => applyAnswerChange(before, examples[type], later)
        if (ok) {
          const after = run()
          expect(after.updatedAt).toBe(later)
        } else {
          expect(run).toThrow(AnswerTransitionError)
          try {
            run()
          } catch (error) {
            expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', change: type, from: expect.any(String) })
          }
        }
        // Never a change in place, legal or not.
        expect(before).toEqual(frozen)
      })
    }
  }

  it('a change aimed at a take that does not exist is NOT_FOUND', () => {
    for (const type of ['partialText', 'stopRecording', 'transcribed', 'transcriptionFailed', 'retranscribe', 'edit', 'restore', 'deleteTake', 'quarantine'] as const) {
      const change = { ...examples[type], takeId: 't9' } as AnswerChange
      expect(() => applyAnswerChange(answerIn('ready'), change, later), type).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    }
  })

  it('a SQL drill is the answer’s, so saving it leaves every take as it was', () => {
    const before = answerIn('recording')
    const after = applyAnswerChange(before, examples.sqlDrill, later)
    expect(after.sqlDrill).toMatchObject({ query: 'select 1', runs: 1 })
    expect(after.takes).toEqual(before.takes)
    expect(after.currentTakeId).toBe(before.currentTakeId)
  })

  it('retranscribe needs audio', () => {
    const noAudio = answerIn('failed')
    noAudio.takes[0]!.audioFile = null
    expect(() => applyAnswerChange(noAudio, examples.retranscribe, later)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }))
    expect(() => applyAnswerChange(answerIn('ready'), { type: 'retranscribe', takeId: 't1', durationMs: 0 }, later)).toThrow(AnswerTransitionError)
  })
})

describe('what each transition does', () => {
  const fresh = () => createAnswer('a1', { sessionId: null, questionId: 'q1' }, at)

  it('starts a take that records into its own file and becomes current', () => {
    const answer = applyAnswerChange(fresh(), { type: 'startRecording' }, later)
    expect(answer.currentTakeId).toBe('t1')
    expect(currentTake(answer)).toMatchObject({ state: 'recording', source: 'recorded', audioFile: 'audio/a1.t1.wav', durationMs: 0 })
    expect(answerView(answer)).toMatchObject({ state: 'recording', status: 'recording', source: 'recorded' })
  })

  it('record again is a new take; the old one stays, and a deleted take number is never reused', () => {
    let answer = applyAnswerChange(answerIn('ready'), { type: 'startRecording' }, later)
    expect(answer.takes.map((t) => [t.id, t.state])).toEqual([
      ['t1', 'ready'],
      ['t2', 'recording']
    ])
    expect(answer.takes[0]).toMatchObject({ text: transcript.text, transcript })
    answer = applyAnswerChange(answer, { type: 'stopRecording', takeId: 't2', durationMs: 1000, interrupted: false }, later)
    answer = applyAnswerChange(answer, { type: 'deleteTake', takeId: 't2' }, later)
    expect(answer.currentTakeId).toBe('t1')
    answer = applyAnswerChange(answer, { type: 'startRecording' }, later)
    expect(answer.currentTakeId).toBe('t3')
    expect(currentTake(answer)?.audioFile).toBe('audio/a1.t3.wav')
  })

  it('stop: transcribing with its duration, or failed with NO_AUDIO when nothing arrived', () => {
    const stopped = applyAnswerChange(answerIn('recording'), { type: 'stopRecording', takeId: 't1', durationMs: 4200, interrupted: true }, later)
    expect(currentTake(stopped)).toMatchObject({ state: 'transcribing', durationMs: 4200, recovered: true })
    const empty = applyAnswerChange(answerIn('recording'), { type: 'stopRecording', takeId: 't1', durationMs: 0, interrupted: true }, later)
    expect(currentTake(empty)).toMatchObject({ state: 'failed', error: { code: 'NO_AUDIO', message: expect.stringMatching(/interrupted/) } })
  })

  it('a correction keeps the transcript, survives a late transcript, and restoring the original clears it', () => {
    let answer = applyAnswerChange(answerIn('transcribing'), { type: 'edit', takeId: 't1', text: 'my own words' }, later)
    answer = applyAnswerChange(answer, { type: 'transcribed', takeId: 't1', transcript }, later)
    expect(currentTake(answer)).toMatchObject({ state: 'ready', text: 'my own words', edited: true, transcript })
    expect(answerView(answer).state).toBe('corrected')
    answer = applyAnswerChange(answer, { type: 'edit', takeId: 't1', text: transcript.text }, later)
    expect(currentTake(answer)).toMatchObject({ edited: false, text: transcript.text })
    expect(answerView(answer).state).toBe('ready')
  })

  it('partial text never overwrites a correction', () => {
    const corrected = applyAnswerChange(answerIn('transcribing'), { type: 'edit', takeId: 't1', text: 'mine' }, later)
    const after = applyAnswerChange(corrected, { type: 'partialText', takeId: 't1', text: 'whisper' }, later)
    expect(currentTake(after)?.text).toBe('mine')
  })

  it('typing goes on in its own typed take, and starts a new one after a recording', () => {
    let answer = applyAnswerChange(answerIn('ready'), { type: 'type', text: 'first words' }, later)
    expect(answer.currentTakeId).toBe('t2')
    answer = applyAnswerChange(answer, { type: 'type', text: 'first words, more', takeId: 't2' }, later)
    expect(answer.takes).toHaveLength(2)
    expect(answerView(answer)).toMatchObject({ state: 'typed', status: 'ready', source: 'typed', text: 'first words, more' })
    // A typed take that was deleted meanwhile: the text becomes a new take rather than being lost.
    answer = applyAnswerChange(answer, { type: 'deleteTake', takeId: 't2' }, later)
    answer = applyAnswerChange(answer, { type: 'type', text: 'still mine', takeId: 't2' }, later)
    expect(currentTake(answer)).toMatchObject({ id: 't3', text: 'still mine' })
    expect(newestTypedTake(answer)?.id).toBe('t3')
  })

  it('text typed or a file imported while a take records does not take the recording’s place', () => {
    let answer = applyAnswerChange(answerIn('recording'), { type: 'type', text: 'a note' }, later)
    answer = applyAnswerChange(answer, { type: 'importAudio', durationMs: 1000 }, later)
    expect(answer.currentTakeId).toBe('t1')
    expect(answer.takes.map((t) => t.state)).toEqual(['recording', 'typed', 'transcribing'])
    expect(() => applyAnswerChange(answer, { type: 'restore', takeId: 't2' }, later)).toThrow(/still recording/)
  })

  it('deleting the current take makes the newest remaining one current; the last one leaves the answer empty', () => {
    let answer = applyAnswerChange(answerIn('ready'), { type: 'type', text: 'x' }, later)
    answer = applyAnswerChange(answer, { type: 'restore', takeId: 't1' }, later)
    answer = applyAnswerChange(answer, { type: 'deleteTake', takeId: 't1' }, later)
    expect(answer.currentTakeId).toBe('t2')
    answer = applyAnswerChange(answer, { type: 'deleteTake', takeId: 't2' }, later)
    expect(answer.currentTakeId).toBeNull()
    expect(answerView(answer)).toMatchObject({ state: 'empty', status: 'empty', source: null, text: '', audioFile: null })
  })

  it('quarantine keeps the take, failed, without the damaged file', () => {
    const answer = applyAnswerChange(answerIn('transcribing'), examples.quarantine, later)
    expect(currentTake(answer)).toMatchObject({ state: 'failed', audioFile: null, error: { code: 'AUDIO_DAMAGED' } })
  })
})

type Step = AnswerChange

const takeIdArb = fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6')
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ type: 'startRecording' } as const),
  fc.record({ type: fc.constant('importAudio' as const), durationMs: fc.integer({ min: 1, max: 9000 }) }),
  fc.record({ type: fc.constant('partialText' as const), takeId: takeIdArb, text: fc.string({ maxLength: 5 }) }),
  fc.record({ type: fc.constant('stopRecording' as const), takeId: takeIdArb, durationMs: fc.integer({ min: 0, max: 9000 }), interrupted: fc.boolean() }),
  fc.record({ type: fc.constant('transcribed' as const), takeId: takeIdArb, transcript: fc.constant(transcript) }),
  fc.record({ type: fc.constant('transcriptionFailed' as const), takeId: takeIdArb, error: fc.constant({ code: 'X', message: 'x' }) }),
  fc.record({ type: fc.constant('retranscribe' as const), takeId: takeIdArb, durationMs: fc.integer({ min: 1, max: 9000 }) }),
  fc.record({ type: fc.constant('type' as const), text: fc.string({ maxLength: 5 }), takeId: fc.option(takeIdArb, { nil: undefined }) }),
  fc.record({ type: fc.constant('edit' as const), takeId: takeIdArb, text: fc.string({ maxLength: 5 }) }),
  fc.record({ type: fc.constant('restore' as const), takeId: takeIdArb }),
  fc.record({ type: fc.constant('deleteTake' as const), takeId: takeIdArb })
)

describe('any sequence of changes', () => {
  it('keeps the answer well formed and never loses text the candidate typed, unless they deleted its take', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let answer = createAnswer('a1', { sessionId: null, questionId: 'q1' }, at)
        /** The last text saved into each typed or corrected take, as the machine acknowledged it. */
        const saved = new Map<string, string>()
        for (const step of steps) {
          let next: StoredAnswer
          try {
            next = applyAnswerChange(answer, step, later)
          } catch (error) {
            expect(error).toBeInstanceOf(AnswerTransitionError)
            continue
          }
          if (step.type === 'type') {
            const target = step.takeId && answer.takes.some((t) => t.id === step.takeId && t.state === 'typed') ? step.takeId : `t${next.lastTakeNumber}`
            saved.set(target, step.text)
          }
          if (step.type === 'edit') {
            // Editing back to exactly what whisper heard is restoring the original, not a correction to keep.
            const take = next.takes.find((t) => t.id === step.takeId)!
            if (take.edited || take.state === 'typed') saved.set(step.takeId, step.text)
            else saved.delete(step.takeId)
          }
          if (step.type === 'deleteTake') saved.delete(step.takeId)
          answer = next

          const ids = answer.takes.map((t) => Number(t.id.slice(1)))
          expect(ids).toEqual([...ids].sort((a, b) => a - b))
          expect(new Set(ids).size).toBe(ids.length)
          expect(Math.max(0, ...ids)).toBeLessThanOrEqual(answer.lastTakeNumber)
          expect(answer.takes.filter((t) => t.state === 'recording').length).toBeLessThanOrEqual(1)
          expect(answer.currentTakeId === null).toBe(answer.takes.length === 0)
          if (answer.currentTakeId) expect(answer.takes.some((t) => t.id === answer.currentTakeId)).toBe(true)
          // A take still recording is the answer being given: nothing takes its place meanwhile.
          const open = recordingTake(answer)
          if (open) expect(answer.currentTakeId).toBe(open.id)
          for (const [takeId, text] of saved) {
            expect(answer.takes.find((t) => t.id === takeId)?.text, `take ${takeId}`).toBe(text)
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})
