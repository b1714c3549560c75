import { describe, expect, it } from 'vitest'
import { advancePhase, createTimer, finishTimer, pauseTimer, resumeTimer, startTimer } from '../session/timer'
import type { AnswerAssessment, AssessedCriterion } from './assessment'
import { phaseUsageFromTimer, practiseNext, summarizeSession, type SummaryAnswerInput } from './session-summary'

const designPhases = [
  { id: 'clarify', label: 'Clarify', durationMs: 300_000 },
  { id: 'answer', label: 'Design', durationMs: 2_100_000 }
]
const starPhases = [
  { id: 'think', label: 'Think', durationMs: 60_000 },
  { id: 'answer', label: 'Answer', durationMs: 180_000 }
]

const crit = (id: string, topic: AssessedCriterion['topic'], strength: number, source: AssessedCriterion['source'] = 'rubric'): AssessedCriterion => ({
  id,
  label: id,
  source,
  met: strength > 0,
  strength,
  topic
})

function design(overall: number, strengths: { tradeOff: number; failure: number; prevention: number; business: number }, missingTerms: string[] = []): AnswerAssessment {
  return {
    profile: 'system-design',
    style: 'design',
    criteria: [
      crit('decision-frameworks-with-trade-offs', 'trade-off', strengths.tradeOff),
      crit('real-failure-stories-and-lessons', 'failure', strengths.failure),
      crit('preventive-thinking', 'prevention', strengths.prevention),
      crit('business-alignment', 'business', strengths.business),
      crit('failure', 'failure', 0, 'template')
    ],
    flags: [],
    star: null,
    keyTermsMissing: missingTerms.map((term) => ({ term, weight: 1 })),
    keyTermsCovered: ['Kafka', 'Spark', 'S3'],
    wordCount: 300,
    overall
  }
}

const story: AnswerAssessment = {
  profile: 'behavioral',
  style: 'story',
  criteria: [],
  flags: [],
  star: { situation: true, task: true, action: true, result: true, quantifiedResult: false, ownershipRatio: 0.3 },
  keyTermsMissing: [],
  keyTermsCovered: [],
  wordCount: 200,
  overall: 55
}

const answers: SummaryAnswerInput[] = [
  {
    questionId: 'q1',
    title: 'Design a clickstream pipeline',
    kind: 'system-design',
    skipped: false,
    assessment: design(62, { tradeOff: 1, failure: 0, prevention: 0.7, business: 0 }, ['Kinesis']),
    followUps: [{ text: 'What happens when the consumer falls behind?', reason: 'asked because no failure story was heard', answered: true }],
    phaseUsage: [
      { phaseId: 'clarify', usedMs: 240_000 },
      { phaseId: 'answer', usedMs: 2_250_000 }
    ]
  },
  {
    questionId: 'q2',
    title: 'Design a CDC pipeline',
    kind: 'system-design',
    skipped: false,
    assessment: design(48, { tradeOff: 0.7, failure: 0, prevention: 0, business: 0 }, ['Debezium', 'Kinesis']),
    followUps: [],
    phaseUsage: [{ phaseId: 'answer', usedMs: 1_200_000 }]
  },
  {
    questionId: 'q3',
    title: 'Tell me about a conflict',
    kind: 'behavioral',
    skipped: false,
    assessment: story,
    followUps: [{ text: 'Can you put a number on that result?', reason: 'asked because the result had no number', answered: false }],
    phaseUsage: [
      { phaseId: 'think', usedMs: 30_000 },
      { phaseId: 'answer', usedMs: 170_000 }
    ]
  },
  { questionId: 'q4', title: 'Skipped one', kind: 'behavioral', skipped: true, assessment: null, followUps: [], phaseUsage: [] }
]

const items = [
  { questionId: 'q1', phases: designPhases },
  { questionId: 'q2', phases: designPhases },
  { questionId: 'q3', phases: starPhases },
  { questionId: 'q4', phases: starPhases },
  { questionId: 'q5', phases: starPhases }
]

describe('summarizeSession', () => {
  const summary = summarizeSession({ items, answers })

  it('lists every planned question with its score, follow-ups and status', () => {
    expect(summary.answers.map((a) => [a.questionId, a.status, a.score, a.followUps.length])).toEqual([
      ['q1', 'answered', 62, 1],
      ['q2', 'answered', 48, 0],
      ['q3', 'answered', 55, 1],
      ['q4', 'skipped', null, 0],
      ['q5', 'not reached', null, 0]
    ])
    expect(summary.answers[0]!.followUps[0]).toEqual(answers[0]!.followUps[0])
  })

  it('sets the time used against each time box, with the overrun', () => {
    expect(summary.answers[0]!.phases).toEqual([
      { phaseId: 'clarify', label: 'Clarify', boxMs: 300_000, usedMs: 240_000, overMs: 0 },
      { phaseId: 'answer', label: 'Design', boxMs: 2_100_000, usedMs: 2_250_000, overMs: 150_000 }
    ])
    // A phase with no recorded time (clarify skipped by a setting, say) is unknown, not zero.
    expect(summary.answers[1]!.phases[0]).toMatchObject({ phaseId: 'clarify', usedMs: null, overMs: 0 })
    expect(summary.answers[4]!.usedMs).toBeNull()
    expect(summary.totals).toEqual({
      boxMs: 2 * 2_400_000 + 3 * 240_000,
      usedMs: 240_000 + 2_250_000 + 1_200_000 + 200_000,
      answered: 3,
      skipped: 1,
      averageScore: 55
    })
  })

  it('names the three weakest skills across answers, worst first', () => {
    expect(summary.practiseNext.map((p) => [p.id, p.missedIn, p.of, p.averageStrength])).toEqual([
      ['criterion:failure', 2, 2, 0],
      ['criterion:business', 2, 2, 0],
      ['criterion:prevention', 1, 2, 0.35]
    ])
    expect(summary.practiseNext[0]).toMatchObject({ label: 'Failure stories', questionIds: ['q1', 'q2'] })
  })
})

describe('practiseNext', () => {
  it('reaches into STAR for stories and suggests the missing terms by name', () => {
    const items = practiseNext([answers[2]!, { ...answers[1]!, assessment: design(80, { tradeOff: 1, failure: 1, prevention: 1, business: 1 }, ['Debezium', 'Flink', 'Iceberg', 'Avro', 'CDC']) }])
    // Deficits: no number in 1 of 1 (1.0), 5 of 8 terms missing (0.625), "I" in 30% of I/we (0.4).
    expect(items.map((p) => p.id)).toEqual(['star:number', 'key-terms', 'star:ownership'])
    expect(items[1]!.advice).toBe('Work the expected terms into your answers where they fit: Avro, CDC, Debezium, Flink.')
  })

  it('suggests nothing that was done well, and nothing without scored answers', () => {
    expect(practiseNext([{ ...answers[0]!, assessment: design(90, { tradeOff: 1, failure: 1, prevention: 1, business: 1 }) }]).map((p) => p.id)).toEqual([])
    expect(practiseNext([answers[3]!])).toEqual([])
  })

  it('is deterministic', () => {
    expect(practiseNext(answers)).toEqual(practiseNext([...answers]))
  })
})

describe('phaseUsageFromTimer', () => {
  const t0 = 1_000_000

  it('splits a finished timer into its phases, pauses excluded, overtime included', () => {
    let timer = startTimer(createTimer({ phases: starPhases }, t0), t0)
    timer = advancePhase(timer, t0 + 20_000) // thought for 20 s, then answered
    timer = pauseTimer(timer, t0 + 50_000)
    timer = resumeTimer(timer, t0 + 80_000) // 30 s paused
    timer = finishTimer(timer, t0 + 230_000)
    expect(phaseUsageFromTimer(timer, t0 + 999_999)).toEqual([
      { phaseId: 'think', usedMs: 20_000 },
      { phaseId: 'answer', usedMs: 180_000 }
    ])
  })

  it('counts a phase that ran its full length and one still running', () => {
    const timer = startTimer(createTimer({ phases: starPhases }, t0), t0)
    expect(phaseUsageFromTimer(timer, t0 + 90_000)).toEqual([
      { phaseId: 'think', usedMs: 60_000 },
      { phaseId: 'answer', usedMs: 30_000 }
    ])
    expect(phaseUsageFromTimer(timer, t0 + 10_000)).toEqual([{ phaseId: 'think', usedMs: 10_000 }])
  })

  it('has nothing for a timer that never started', () => {
    expect(phaseUsageFromTimer(createTimer({ phases: starPhases }, t0), t0 + 5000)).toEqual([])
  })
})
