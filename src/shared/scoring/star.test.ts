import { describe, expect, it } from 'vitest'
import { defaultLexicon } from './default-lexicon'
import { scoreTranscript } from './score-transcript'
import { batchVsStreamingQuestion, starRubric } from './test-fixtures'

function star(transcript: string) {
  return scoreTranscript({ transcript, question: batchVsStreamingQuestion, rubric: starRubric, lexicon: defaultLexicon })
}

const neutral = 'Pipelines move data from sources to a warehouse.'

describe('STAR parts', () => {
  it.each([
    ['situation', 'At my last company our nightly load kept missing its deadline.'],
    ['task', 'My task was to get the load finished before seven.'],
    ['action', 'I rewrote the join and partitioned the table by date.'],
    ['result', 'As a result the load finished two hours earlier.']
  ] as const)('%s is detected from its cues', (part, sentence) => {
    const report = star(sentence)
    expect(report.star[part].present).toBe(true)
    expect(report.star[part].score).toBeGreaterThan(0)
    expect(report.star[part].evidence[0]!.quote).toBe(sentence)
    expect(report.template.find((t) => t.id === part)!.met).toBe(true)
  })

  it.each(['situation', 'task', 'action', 'result'] as const)('%s is absent from a neutral statement', (part) => {
    const report = star(neutral)
    expect(report.star[part]).toEqual({ present: false, score: 0, evidence: [] })
    expect(report.template.find((t) => t.id === part)!.met).toBe(false)
  })

  it('scores a result with numbers above a vague one', () => {
    const vague = star('In the end it improved things.').star.result
    const measured = star('In the end it improved load time by 40 percent.').star.result
    const percent = star('As a result costs dropped 35%.').star
    expect(measured.score).toBeGreaterThan(vague.score)
    expect(percent.quantifiedResult).toBe(true)
  })

  it('scores actions said with "I" above actions said with "we"', () => {
    const mine = star('I designed the schema and I automated the backfill.')
    const ours = star('We designed the schema and we automated the backfill.')
    expect(mine.star.action.score).toBeGreaterThan(ours.star.action.score)
    expect(mine.star.ownership).toEqual({ iCount: 2, weCount: 0, ratio: 1 })
    expect(ours.star.ownership.ratio).toBe(0)
  })

  it('needs a subject for an action verb', () => {
    expect(star('The table was partitioned by date.').star.action.present).toBe(false)
  })
})
