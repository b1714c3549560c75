import { describe, expect, it } from 'vitest'
import type { Question } from '../banks/types'
import { answerView, createAnswer } from '../answers'
import { attemptOf } from '../practice/answer-adapter'
import { scoreAttempt } from '../practice/score-adapter'
import { emptyDrillRecord, recordRun, type SqlDrillRecord } from '../sql/drill-record'
import type { CheckReport } from '../sql/compare-results'
import type { SqlResultSet } from '../sql/types'
import { correctnessAdvice } from './correctness'
import { defaultLexicon } from './default-lexicon'
import { defaultProfiles } from './default-profiles'
import { ScoreReportSchema, type ScoreReport } from './report-schema'
import { scoreAnswer, type ScorableAnswer } from './score-answer'
import { batchVsStreamingQuestion, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'

const distanceQuestion: Question = {
  ...batchVsStreamingQuestion,
  id: 'sql/distance-between-two-cities',
  title: 'Distance between two cities',
  prompt: 'Find the pairs of cities listed both ways (src to dest and dest to src).',
  kind: 'sql',
  answer: '```sql\nselect least(src, dest), greatest(src, dest) from dist group by 1, 2 having count(*) > 1\n```',
  keyTerms: ['least', 'greatest', 'group by', 'having', 'self join'],
  keyTermDetails: []
}
const library = { questions: [distanceQuestion], rubrics: [systemDesignRubric] }

const explanation =
  'I normalise each pair with least and greatest so both directions look the same, then group by the pair and keep the groups having count above one. ' +
  'A self join on src equals dest works too. I would check the result on the sample rows, and watch for duplicates and nulls.'
const typed: ScorableAnswer = { questionId: distanceQuestion.id, transcript: null, durationMs: null, timeBoxMs: null, text: explanation }

const now = '2026-11-30T10:00:00.000Z'
const result = (rows: number): SqlResultSet => ({
  columns: [
    { name: 'a', type: 'varchar', category: 'text' },
    { name: 'b', type: 'varchar', category: 'text' }
  ],
  rows: Array.from({ length: rows }, (_, i) => [`C${i}`, `D${i}`]),
  truncated: false
})
const check = (verdict: CheckReport['verdict'], missing: number, extra: number): CheckReport & { referenceRowCount: number } => ({
  verdict,
  summary: verdict === 'match' ? 'Same 2 rows as the reference.' : `${missing} missing, ${extra} extra`,
  missingRows: Array.from({ length: missing }, () => ['DEL', 'MUM']),
  extraRows: Array.from({ length: extra }, () => ['DEL', 'KOL']),
  columnCounts: { candidate: 2, reference: 2 },
  columnMapping: null,
  firstOrderDifference: null,
  referenceIndex: 0,
  referenceCount: 1,
  referenceRowCount: 2
})

/** A drill after these runs: each a row count and its check (null: Run without Check). */
function drill(...runs: Array<{ rows: number; check: ReturnType<typeof check> | null }>): SqlDrillRecord {
  return runs.reduce<SqlDrillRecord>(
    (record, run, i) => recordRun(record, `select ${i}`, { result: result(run.rows), error: null }, run.check, now),
    emptyDrillRecord('', true, now)
  )
}
const right = { rows: 2, check: check('match', 0, 0) }
const wrong = { rows: 1, check: check('wrong-rows', 1, 0) }

function report(answer: ScorableAnswer): ScoreReport {
  const scored = scoreAnswer(answer, library, defaultLexicon, defaultProfiles)
  if (!scored.ok) throw new Error(`not scored: ${scored.reason}`)
  return scored.report
}
const part = (r: ScoreReport, id: string) => r.components.find((c) => c.id === id)

describe('the SQL drill in the answer’s score', () => {
  const plain = report(typed)

  it('changes nothing for an answer without a drill', () => {
    expect(plain.correctness).toBeUndefined()
    expect(plain.components.map((c) => c.id)).not.toContain('correctness')
    expect(plain.components.reduce((sum, c) => sum + c.effectiveWeight, 0)).toBeCloseTo(100, 1)
  })

  it('gives a right query half the score and the explanation the other half, in its usual proportions', () => {
    const firstTry = report({ ...typed, sqlDrill: drill(right) })
    expect(firstTry.correctness).toMatchObject({ applicable: true, score: 100, verdict: 'match', runs: 1, matchedAtRun: 1 })
    expect(part(firstTry, 'correctness')).toMatchObject({ label: 'Query result', weight: 50, effectiveWeight: 50, value: 1, points: 50 })
    for (const component of plain.components) {
      expect(part(firstTry, component.id)!.effectiveWeight).toBeCloseTo(component.effectiveWeight / 2, 1)
      expect(part(firstTry, component.id)!.points).toBeCloseTo(component.points / 2, 1)
    }
    const explanationPoints = plain.components.reduce((sum, c) => sum + c.points, 0)
    const lost = plain.penalties.reduce((sum, p) => sum + p.points, 0)
    expect(firstTry.overall).toBe(Math.max(0, Math.round(50 + explanationPoints / 2 - lost)))
    expect(firstTry.explanation.join('\n')).toContain('Query result (SQL drill, 50 of 100): The result matched the reference on the first run → 50.0 of 50.0 pts')
    expect(ScoreReportSchema.parse(firstTry)).toEqual(firstTry)
  })

  it('scores a right and a wrong query differently for the same explanation, and says what the check found', () => {
    const good = report({ ...typed, sqlDrill: drill(right) })
    const bad = report({ ...typed, sqlDrill: drill(wrong) })
    expect(bad.correctness).toMatchObject({ score: 20, verdict: 'wrong-rows', matchedAtRun: null })
    expect(part(bad, 'correctness')).toMatchObject({ value: 0.2, points: 10 })
    expect(good.overall - bad.overall).toBeGreaterThanOrEqual(39)
    expect(bad.coaching[0]).toMatchObject({
      change: 'Fix the rows your query returns',
      points: 40,
      say: expect.stringContaining('Your query returned 1 row, the expected result has 2 (1 missing): check the WHERE filters')
    })
    expect(good.coaching.map((c) => c.change)).not.toContain('Fix the rows your query returns')
  })

  it('counts the runs it took: a match on run 3 is 80', () => {
    const third = report({ ...typed, sqlDrill: drill(wrong, { rows: 1, check: null }, right) })
    expect(third.correctness).toMatchObject({ score: 80, verdict: 'match', runs: 3, matchedAtRun: 3 })
    expect(part(third, 'correctness')!.points).toBe(40)
    expect(third.explanation.join('\n')).toContain('matched the reference on run 3')
    expect(third.coaching.map((c) => c.change)).toContain('Get the query right on the first run')
  })

  it('does not score a drill with no reference query: the explanation keeps its full weight', () => {
    const unchecked = report({ ...typed, sqlDrill: { ...drill({ rows: 1, check: null }), checkable: false } })
    expect(unchecked.correctness).toMatchObject({ applicable: false, score: null, verdict: 'no-reference' })
    expect(part(unchecked, 'correctness')).toMatchObject({ effectiveWeight: 0, value: null, points: 0 })
    expect(unchecked.overall).toBe(plain.overall)
    expect(unchecked.components.filter((c) => c.id !== 'correctness')).toEqual(plain.components)
  })

  it('is what practice scores too (cards and progress agree with the review)', () => {
    const stored = { ...createAnswer('a1', { sessionId: 's1', questionId: distanceQuestion.id }, now), sqlDrill: drill(wrong) }
    const take = { id: 't1', source: 'typed' as const, state: 'typed' as const, createdAt: now, updatedAt: now, recovered: false, audioFile: null, durationMs: null, transcript: null, text: explanation, edited: false, error: null }
    const answer = answerView({ ...stored, takes: [take], currentTakeId: 't1', lastTakeNumber: 1 })
    const scored = scoreAttempt(attemptOf(answer), library, defaultLexicon)
    expect(scored?.report.overall).toBe(report({ ...typed, sqlDrill: drill(wrong) }).overall)
    expect(scored?.report.correctness?.score).toBe(20)
  })
})

describe('correctnessAdvice', () => {
  it('names what the check found', () => {
    expect(correctnessAdvice(drill(right))).toBeNull()
    expect(correctnessAdvice(drill({ rows: 5, check: check('wrong-rows', 0, 3) }))?.say).toBe(
      'Your query returned 5 rows, the expected result has 2 (3 extra): check the join conditions (a join that multiplies rows) and the filters that should drop the extra ones.'
    )
    expect(correctnessAdvice(drill({ rows: 2, check: check('wrong-order', 0, 0) }))?.change).toBe('Sort the result as asked')
    expect(correctnessAdvice(drill({ rows: 2, check: null }))?.say).toContain('never pressed Check')
    expect(correctnessAdvice(emptyDrillRecord('', true, now))?.change).toBe('Run and check the query')
    const failed = recordRun(
      emptyDrillRecord('', true, now),
      'select nope',
      { result: null, error: { kind: 'sql', message: 'column "nope" does not exist', where: 'query', line: 1, column: 8, hint: null } },
      null,
      now
    )
    expect(correctnessAdvice(failed)?.say).toBe('Your last run failed on line 1: column "nope" does not exist. Fix it, run it again and press Check.')
  })
})
