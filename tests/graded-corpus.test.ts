import { beforeAll, describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../src/backend/banks/load-bank-files'
import type { BankLibrary } from '../src/shared/banks/types'
import { corpusFigures, formatResults, loadGradedCorpus, scoreCorpus, type GradedResult } from './graded-corpus'

/**
 * The graded corpus (tests/fixtures/graded): answers the team wrote and graded as a fair
 * interviewer would, scored by the app's scorer against the built-in banks. CI prints the
 * figures; the thresholds are the acceptance criteria of scoring v2.
 */

const root = new URL('..', import.meta.url).pathname
let results: GradedResult[]

beforeAll(async () => {
  const library: BankLibrary = await loadBankLibrary({ builtInDir: `${root}question-banks` })
  results = scoreCorpus(loadGradedCorpus(), library)
  console.log(`\nGraded corpus\n${formatResults(results, corpusFigures(results))}\n`)
  // Parsing the banks and scoring every answer: seconds on a busy machine.
}, 120_000)

describe('graded corpus', () => {
  it('holds at least 20 behavioral, 20 system-design and 20 SQL/concept answers of every delivery kind', () => {
    const count = (file: string) => results.filter((r) => r.answer.file === file).length
    expect(count('behavioral.md')).toBeGreaterThanOrEqual(20)
    expect(count('system-design.md')).toBeGreaterThanOrEqual(20)
    expect(count('technical.md')).toBeGreaterThanOrEqual(20)
    const kinds = new Set(results.map((r) => r.answer.delivery.kind))
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['corrected', 'spoken', 'typed']))
    for (const flag of ['team-only', 'results-without-numbers', 'rambling', 'tool-only', 'absolutist', 'over-engineering']) {
      expect(results.some((r) => r.answer.flags.includes(flag))).toBe(true)
    }
  })

  it('puts at least 85 % of the answers in their band', () => {
    expect(corpusFigures(results).bandAccuracy).toBeGreaterThanOrEqual(0.85)
  })

  it('scores every strong answer above every weak answer to the same question', () => {
    const figures = corpusFigures(results)
    expect(figures.orderingViolations).toEqual([])
    expect(figures.questionsWithBoth).toBeGreaterThanOrEqual(10)
  })

  it('raises exactly the expected flags in at least 90 % of the answers', () => {
    expect(corpusFigures(results).flagPrecision).toBeGreaterThanOrEqual(0.9)
  })

  it('never measures delivery for a typed answer', () => {
    for (const r of results.filter((r) => r.answer.delivery.kind === 'typed')) expect(r.report.delivery.measured).toBe(false)
  })
})
