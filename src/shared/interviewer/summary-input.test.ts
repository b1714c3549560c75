import { describe, expect, it } from 'vitest'
import { answerView, createAnswer } from '../answers'
import { batchVsStreamingQuestion, reasonedAnswer, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'
import { createSession } from '../session/session-schema'
import { summaryOfSession } from './summary-input'

const question = { ...batchVsStreamingQuestion, rubricId: systemDesignRubric.id }
const phases = [
  { id: 'clarify', label: 'Clarify', durationMs: 300_000 },
  { id: 'answer', label: 'Design', durationMs: 600_000 }
]

function record(id: string, text: string, replies: string[]) {
  const at = '2026-11-30T12:00:00.000Z'
  const stored = createAnswer(id, { sessionId: 's1', questionId: question.id }, at)
  const take = { id: 't1', source: 'typed' as const, state: 'typed' as const, createdAt: at, updatedAt: at, recovered: false, audioFile: null, durationMs: null, transcript: null, text, edited: false, error: null }
  const followUps = replies.map((reply, i) => ({ id: `f${i}`, rule: 'rubric-criterion' as const, text: 'What happens when it fails?', reason: 'asked because no failure story was heard', at, reply, answeredAt: reply ? at : null }))
  return answerView({ ...stored, takes: [take], currentTakeId: 't1', lastTakeNumber: 1, followUps })
}

describe('summaryOfSession', () => {
  const session = {
    ...createSession({ id: 's1', createdAt: '2026-11-30T11:00:00.000Z', type: 'system-design', items: [{ questionId: question.id, phases }, { questionId: 'q-never', phases }] }),
    answers: [{ questionId: question.id, answerId: 'a1', notes: '', skipped: false, phaseUsage: [{ phaseId: 'clarify', usedMs: 400_000 }, { phaseId: 'answer', usedMs: 200_000 }] }]
  }
  const library = { questions: [question], rubrics: [systemDesignRubric] }

  it('scores each answer with its follow-up replies, lists the follow-ups, and the time against each box', () => {
    const summary = summaryOfSession(session, [record('a1', reasonedAnswer, ['It broke once in production: the consumer fell behind and we lost an hour of alerts.'])], library)
    const [first, second] = summary.answers
    expect(first).toMatchObject({ status: 'answered', usedMs: 600_000, boxMs: 900_000 })
    expect(first!.phases[0]).toMatchObject({ label: 'Clarify', usedMs: 400_000, overMs: 100_000 })
    expect(first!.followUps).toEqual([{ text: 'What happens when it fails?', reason: 'asked because no failure story was heard', answered: true }])
    expect(second).toMatchObject({ status: 'not reached', score: null })
    const withoutReply = summaryOfSession(session, [record('a1', reasonedAnswer, [''])], library).answers[0]!
    // The reply is part of the answer: without it the score is not higher.
    expect(first!.score!).toBeGreaterThanOrEqual(withoutReply.score!)
    expect(withoutReply.followUps[0]!.answered).toBe(false)
    expect(summary.practiseNext.length).toBeLessThanOrEqual(3)
  })
})
