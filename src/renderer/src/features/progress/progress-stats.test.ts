import { describe, expect, it } from 'vitest'
import type { AnswerRecord } from '../../../../shared/answers'
import { scoreTranscript } from '../../../../shared/scoring'
import { defaultLexicon } from '../../../../shared/scoring/default-lexicon'
import { defaultProfiles } from '../../../../shared/scoring/default-profiles'
import { batchVsStreamingQuestion, reasonedAnswer, sloganAnswer, systemDesignRubric } from '../../../../shared/scoring/test-fixtures'
import { chartCoordinates, progressOf, type ReportOf } from './progress-stats'

function answer(id: string, createdAt: string, text: string, status: AnswerRecord['status'] = 'ready'): AnswerRecord {
  return {
    id,
    sessionId: null,
    questionId: batchVsStreamingQuestion.id,
    createdAt,
    updatedAt: createdAt,
    source: 'typed',
    status,
    recovered: false,
    audioFile: null,
    durationMs: null,
    timeBoxMs: null,
    transcript: null,
    text,
    edited: false,
    error: null
  }
}

const reportOf: ReportOf = (a) =>
  a.text.trim()
    ? {
        title: batchVsStreamingQuestion.title,
        report: scoreTranscript({ transcript: a.text, question: batchVsStreamingQuestion, rubric: systemDesignRubric, lexicon: defaultLexicon, profiles: defaultProfiles })
      }
    : null

describe('progressOf', () => {
  const stats = progressOf(
    [
      answer('late', '2025-03-01T00:00:00Z', reasonedAnswer),
      answer('early', '2025-01-01T00:00:00Z', sloganAnswer),
      answer('busy', '2025-02-01T00:00:00Z', '', 'transcribing'),
      answer('empty', '2025-02-02T00:00:00Z', '  ')
    ],
    reportOf
  )

  it('puts scored answers in time order and counts the rest as unscored', () => {
    expect(stats.points.map((p) => p.answerId)).toEqual(['early', 'late'])
    expect(stats.points[0]!.overall).toBeLessThan(stats.points[1]!.overall)
    expect(stats.unscored).toBe(2)
  })

  it('gives each criterion its share of answers that met it (or showed the rejected pattern)', () => {
    const byLabel = Object.fromEntries(stats.criteria.map((c) => [c.label, [c.hits, c.total]]))
    expect(byLabel['Decision frameworks with trade-offs']).toEqual([1, 2])
    expect(byLabel['Tool-only answers']).toEqual([1, 2])
    expect(byLabel['Over-engineering']).toEqual([0, 2])
    expect(stats.criteria.findIndex((c) => c.kind === 'reject')).toBe(systemDesignRubric.listenFor.length)
  })

  it('is empty without answers', () => {
    expect(progressOf([], reportOf)).toEqual({ points: [], criteria: [], unscored: 0 })
  })
})

describe('chartCoordinates', () => {
  const box = { width: 120, height: 120, padLeft: 10, padRight: 10, padTop: 10, padBottom: 10 }
  it('spreads points across the width and maps 0–100 to bottom–top', () => {
    expect(chartCoordinates([{ overall: 0 }, { overall: 50 }, { overall: 100 }], box)).toEqual([
      { x: 10, y: 110 },
      { x: 60, y: 60 },
      { x: 110, y: 10 }
    ])
    expect(chartCoordinates([{ overall: 100 }], box)).toEqual([{ x: 60, y: 10 }])
  })
})
