import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Question } from '@shared/banks/types'
import { threadText, YOUR_CALL } from '@shared/interviewer'
import { batchVsStreamingQuestion, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'
import { AnswersService } from '../answers'
import { EventHub } from '../events'
import { openStore } from '../storage/store'
import { InterviewerService } from './interviewer-service'

const playback: Question = {
  ...batchVsStreamingQuestion,
  id: 'sd/playback',
  title: 'Design a pipeline for playback events',
  prompt: 'Design a pipeline for playback events.',
  rubricId: systemDesignRubric.id,
  answer: ['Clarifying Questions :', '- metrics : up for your decisioning.', '- DAU', '- MAU', '', 'Capacity Planning :', '- 100 million users', '- 10 million views/day'].join('\n')
}

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-interviewer-'))
  const { store } = await openStore({ dataDir })
  const now = () => new Date('2026-11-30T12:00:00Z')
  const answers = new AnswersService(store, dataDir, new EventHub(), now)
  const questions = [playback]
  const interviewer = new InterviewerService(
    answers,
    {
      question: async (id) => questions.find((q) => q.id === id),
      following: async () => [],
      rubrics: async () => [systemDesignRubric]
    },
    now
  )
  return { answers, interviewer, store }
}

const owner = { answerId: 'a1', sessionId: 's1', questionId: playback.id }

describe('InterviewerService', () => {
  it('answers a clarifying question from the model answer and saves the exchange with the answer', async () => {
    const { interviewer, store } = await setup()
    const { clarification, answer } = await interviewer.clarify({ ...owner, asked: 'What metrics matter?' })
    expect(clarification).toMatchObject({ asked: 'What metrics matter?', kind: 'answer' })
    expect(clarification.reply).toMatch(/DAU/)
    // Before any take exists: the answer is created empty, with the exchange on it.
    expect(answer).toMatchObject({ id: 'a1', sessionId: 's1', state: 'empty', clarifications: [clarification] })
    const other = await interviewer.clarify({ ...owner, asked: 'Which cloud vendor do you prefer for the UI fonts?' })
    expect(other.clarification).toMatchObject({ kind: 'your-call', reply: YOUR_CALL, section: null })
    expect(store.read().answers[0]!.clarifications).toHaveLength(2)
  })

  it('chooses follow-ups once from the answer’s score, with the reason, and saves each reply as part of the answer', async () => {
    const { interviewer, answers } = await setup()
    await answers.saveTyped({ id: 'a1', sessionId: 's1', questionId: playback.id, text: 'I would put the events on Kafka and aggregate them with Spark into a warehouse table every hour for the dashboards.' })
    const asked = await interviewer.followUps('a1')
    expect(asked.followUps.length).toBeGreaterThanOrEqual(1)
    expect(asked.followUps.length).toBeLessThanOrEqual(2)
    for (const f of asked.followUps) expect(f.reason).toMatch(/^asked because /)
    expect(asked.followUps.map((f) => f.reason)).toContain('asked because no failure story was heard')
    // Asked once: a second call keeps the same ones.
    expect((await interviewer.followUps('a1')).followUps).toEqual(asked.followUps)
    const first = asked.followUps[0]!
    const replied = await interviewer.reply('a1', first.id, 'When the consumer falls behind, lag alerts fire and we scale out.')
    expect(replied.followUps[0]).toMatchObject({ reply: 'When the consumer falls behind, lag alerts fire and we scale out.', answeredAt: '2026-11-30T12:00:00.000Z' })
    expect(threadText(replied.text, replied.followUps)).toContain('lag alerts fire')
    await expect(interviewer.reply('a1', 'no-such', 'x')).rejects.toThrow(/no follow-up/)
  })

  it('asks nothing about an answer too short to follow up', async () => {
    const { interviewer, answers } = await setup()
    await answers.saveTyped({ id: 'a1', sessionId: 's1', questionId: playback.id, text: 'Kafka.' })
    expect((await interviewer.followUps('a1')).followUps).toEqual([])
  })
})
