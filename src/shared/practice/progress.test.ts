import { describe, expect, it } from 'vitest'
import { makeQuestion } from '../../../tests/fixtures/question-fixture'
import type { QuestionKind } from '../banks/types'
import { scoreTranscript } from '../scoring'
import { defaultLexicon } from '../scoring/default-lexicon'
import { defaultProfiles } from '../scoring/default-profiles'
import { batchVsStreamingQuestion, reasonedAnswer, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'
import { attemptOf } from './answer-adapter'
import { summarizeAttempt, type AttemptSummary } from './attempt-summary'
import { coverageByBank, criterionTrends, dailySeriesByKind, localDayKey, progressByKind, progressByWeek, starTrends, weekStartKey } from './progress'

/** Local dates, so days and weeks are the same in every time zone the tests run in. */
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).toISOString()

let n = 0
function summary(kind: QuestionKind, when: string, overall: number, extra: Partial<AttemptSummary> = {}): AttemptSummary {
  n += 1
  return {
    answerId: `a${n}`,
    questionId: `q-${kind}-${n}`,
    title: 'T',
    kind,
    bankId: 'bank',
    section: 'S',
    at: when,
    overall,
    wpm: null,
    fillersPerMinute: null,
    criteria: [],
    star: null,
    keyTerms: { covered: [], missing: [] },
    ...extra
  }
}

describe('day and week keys', () => {
  it('uses local days and Monday-based weeks', () => {
    expect(localDayKey(at(2025, 3, 3, 23))).toBe('2025-03-03')
    expect(weekStartKey(at(2025, 3, 9))).toBe('2025-03-03') // Sunday → its Monday
    expect(weekStartKey(at(2025, 3, 10))).toBe('2025-03-10')
    expect(weekStartKey(at(2025, 1, 1))).toBe('2024-12-30') // across a year
  })
})

describe('progress per kind', () => {
  const summaries = [
    summary('behavioral', at(2025, 3, 3), 40, { wpm: 120 }),
    summary('system-design', at(2025, 3, 3), 70),
    summary('behavioral', at(2025, 3, 3, 18), 50, { wpm: 140 }),
    summary('behavioral', at(2025, 3, 5), 80, { wpm: 150 })
  ]

  it('draws one series per kind over the days practised, each day its mean', () => {
    const daily = dailySeriesByKind(summaries, 'overall')
    expect(daily.days).toEqual(['2025-03-03', '2025-03-05'])
    expect(daily.series).toEqual([
      { kind: 'behavioral', values: [45, 80] },
      { kind: 'system-design', values: [70, null] }
    ])
  })

  it('leaves out kinds and days without a value for the metric (pace of typed answers)', () => {
    const pace = dailySeriesByKind(summaries, 'wpm')
    expect(pace.series.map((s) => s.kind)).toEqual(['behavioral'])
    expect(pace.series[0]!.values).toEqual([130, 150])
  })

  it('summarises each kind: attempts, mean, first, latest, and the change from the earlier half to the later', () => {
    expect(progressByKind(summaries)).toEqual([
      { kind: 'behavioral', attempts: 3, meanScore: 56.7, firstScore: 40, latestScore: 80, change: 40 },
      { kind: 'system-design', attempts: 1, meanScore: 70, firstScore: 70, latestScore: 70, change: null }
    ])
  })
})

describe('progress per week', () => {
  it('buckets by local week with mean score, pace and fillers per kind', () => {
    const weeks = progressByWeek([
      summary('behavioral', at(2025, 3, 3), 40, { wpm: 100, fillersPerMinute: 4 }),
      summary('sql', at(2025, 3, 9), 60),
      summary('behavioral', at(2025, 3, 10), 90, { fillersPerMinute: 1 })
    ])
    expect(weeks).toEqual([
      { week: '2025-03-03', attempts: 2, meanScore: 50, meanWpm: 100, meanFillersPerMinute: 4, byKind: { behavioral: 40, sql: 60 } },
      { week: '2025-03-10', attempts: 1, meanScore: 90, meanWpm: null, meanFillersPerMinute: 1, byKind: { behavioral: 90 } }
    ])
  })
})

describe('criterion and STAR trends', () => {
  const crit = (label: string, met: boolean, kind: 'listen' | 'reject' = 'listen') => ({ key: `${kind}:${label.toLowerCase()}`, label, kind, met })
  const summaries = [
    summary('system-design', at(2025, 3, 3), 30, { criteria: [crit('Trade-offs', false), crit('Prevention', true), crit('Tool-only answers', false, 'reject')] }),
    summary('system-design', at(2025, 3, 4), 50, { criteria: [crit('Trade-offs', false), crit('Prevention', true), crit('Tool-only answers', true, 'reject')] }),
    summary('system-design', at(2025, 3, 11), 70, { criteria: [crit('Trade-offs', true), crit('Prevention', true), crit('Tool-only answers', true, 'reject')] }),
    summary('system-design', at(2025, 3, 12), 80, { criteria: [crit('Trade-offs', true), crit('Prevention', false), crit('Tool-only answers', true, 'reject')] })
  ]

  it('gives each criterion its met rate, earlier vs recent half and weekly values, weakest (recent) first', () => {
    const trends = criterionTrends(summaries)
    expect(trends.map((t) => [t.label, t.type, t.value, t.earlier, t.recent, t.change])).toEqual([
      ['Prevention', 'listen', 0.75, 1, 0.5, -0.5],
      ['Tool-only answers', 'reject', 0.75, 0.5, 1, 0.5],
      ['Trade-offs', 'listen', 0.5, 0, 1, 1]
    ])
    expect(trends[2]!.weekly).toEqual([
      { week: '2025-03-03', value: 0 },
      { week: '2025-03-10', value: 1 }
    ])
  })

  it('tracks STAR parts of story answers only, weakest first', () => {
    const star = (situation: number, task: number, action: number, result: number) => ({ situation, task, action, result })
    const trends = starTrends([
      summary('behavioral', at(2025, 3, 3), 40, { star: star(1, 0.5, 0.5, 0) }),
      summary('system-design', at(2025, 3, 3), 40),
      summary('behavioral', at(2025, 3, 4), 60, { star: star(1, 0.5, 1, 0.5) })
    ])
    expect(trends.map((t) => [t.label, t.value, t.attempts])).toEqual([
      ['Result', 0.25, 2],
      ['Task', 0.5, 2],
      ['Action', 0.75, 2],
      ['Situation', 1, 2]
    ])
    expect(starTrends([summary('sql', at(2025, 3, 3), 10)])).toEqual([])
  })
})

describe('coverage per bank and section', () => {
  it('counts practised questions over all and averages their latest scores', () => {
    const questions = [
      makeQuestion({ id: 'a1', bankId: 'a', sectionPath: ['One'] }),
      makeQuestion({ id: 'a2', bankId: 'a', sectionPath: ['One'] }),
      makeQuestion({ id: 'a3', bankId: 'a', sectionPath: ['Two'] }),
      makeQuestion({ id: 'b1', bankId: 'b', sectionPath: ['Only'] })
    ]
    const s = (questionId: string, when: string, overall: number) => ({ ...summary('concept', when, overall), questionId })
    const rows = coverageByBank(
      questions,
      [
        { id: 'a', title: 'Bank A' },
        { id: 'b', title: 'Bank B' },
        { id: 'rubric-only', title: 'Rubric' }
      ],
      [s('a1', at(2025, 3, 3), 20), s('a1', at(2025, 3, 4), 60), s('a3', at(2025, 3, 4), 90)]
    )
    expect(rows.map((r) => [r.title, r.practised, r.total, r.meanLatestScore])).toEqual([
      ['Bank A', 2, 3, 75],
      ['Bank B', 0, 1, null]
    ])
    expect(rows[0]!.sections.map((r) => [r.title, r.practised, r.total, r.meanLatestScore])).toEqual([
      ['One', 1, 2, 60],
      ['Two', 1, 1, 90]
    ])
  })
})

describe('summarizeAttempt', () => {
  it('reads score, criteria and key terms from the report, and no fillers rate for a typed answer', () => {
    const answer = {
      id: 'x',
      sessionId: null,
      questionId: batchVsStreamingQuestion.id,
      createdAt: at(2025, 3, 3),
      updatedAt: at(2025, 3, 3),
      takes: [],
      currentTakeId: null,
      lastTakeNumber: 0,
      clarifications: [],
      followUps: [],
      state: 'typed' as const,
      source: 'typed' as const,
      status: 'ready' as const,
      recovered: false,
      audioFile: null,
      durationMs: null,
      timeBoxMs: null,
      transcript: null,
      text: reasonedAnswer,
      edited: false,
      error: null
    }
    const report = scoreTranscript({ transcript: reasonedAnswer, question: batchVsStreamingQuestion, rubric: systemDesignRubric, lexicon: defaultLexicon, profiles: defaultProfiles })
    const result = summarizeAttempt(attemptOf(answer), batchVsStreamingQuestion, report)
    expect(result.overall).toBe(report.overall)
    expect(result.fillersPerMinute).toBeNull()
    expect(result.star).toBeNull()
    expect(result.criteria.find((c) => c.label === 'Decision frameworks with trade-offs')?.met).toBe(true)
    expect(result.keyTerms.covered.length + result.keyTerms.missing.length).toBe(batchVsStreamingQuestion.keyTerms.length)
  })
})
