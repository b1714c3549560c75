import { describe, expect, it } from 'vitest'
import { defaultLexicon } from './default-lexicon'
import { defaultProfiles } from './default-profiles'
import type { ScoreReport } from './report-schema'
import { scoreTranscript } from './score-transcript'
import { behavioralQuestion, starRubric, starStory } from '../../../tests/fixtures/scoring-fixtures'

function story(transcript: string): ScoreReport & { star: NonNullable<ScoreReport['star']> } {
  const report = scoreTranscript({ transcript, question: behavioralQuestion, rubric: starRubric, lexicon: defaultLexicon, profiles: defaultProfiles })
  if (!report.star) throw new Error('a behavioral question is read as a story')
  return report as ScoreReport & { star: NonNullable<ScoreReport['star']> }
}

const flagged = (report: ScoreReport): string[] =>
  report.criteria
    .filter((c) => c.flagged)
    .map((c) => c.detector ?? c.id)
    .sort()

describe('STAR parts', () => {
  it.each([
    ['situation', 'At my last company our nightly load kept missing its deadline.'],
    ['task', 'My task was to get the load finished before seven.'],
    ['action', 'I rewrote the join and partitioned the table by date.'],
    ['result', 'As a result the load finished two hours earlier.']
  ] as const)('%s is recognised', (part, sentence) => {
    const report = story(sentence)
    expect(report.star[part].present).toBe(true)
    expect(report.star[part].score).toBeGreaterThan(0)
    expect(report.star[part].evidence[0]!.quote).toBe(sentence)
    expect(report.criteria.find((c) => c.id === part)!.met).toBe(true)
  })

  it('reads a whole story into its four parts', () => {
    const { star } = story(starStory)
    expect([star.situation.present, star.task.present, star.action.present, star.result.present]).toEqual([true, true, true, true])
    expect(star.quantifiedResult).toBe(true)
    expect(star.ownership).toMatchObject({ weCount: 0, ratio: 1 })
    expect(star.ownership.iCount).toBeGreaterThanOrEqual(2)
  })

  it('scores a result with numbers above one without', () => {
    const words = story('In the end I cut the load time of the orders table.').star.result
    const measured = story('In the end I cut the load time of the orders table by 40 percent.').star.result
    expect(measured.score).toBeGreaterThan(words.score)
  })

  it('does not count a vague outcome as a Result', () => {
    for (const vague of ['In the end it was fine.', 'Things were better after that.', 'Overall it went well and everyone was happy.']) {
      const { star } = story(`I rewrote the loader and I added a check. ${vague}`)
      expect(star.result.present).toBe(false)
      expect(star.vagueResults.map((e) => e.quote)).toEqual([vague])
    }
  })

  it('never counts a number in the Task for the Result', () => {
    const { star } = story('My goal was to cut the job from six hours to two hours. I rewrote the join. In the end the job was faster.')
    expect(star.task.present).toBe(true)
    expect(star.quantifiedResult).toBe(false)
  })

  it('takes "I would…" as an opinion, not an action', () => {
    expect(story('I would just move everything to Spark and partition it better.').star.action.present).toBe(false)
    expect(story('The table was partitioned by date.').star.action.present).toBe(false)
  })

  it('scores actions said with "I" above actions said with "we"', () => {
    const mine = story('I designed the schema and I automated the backfill.')
    const ours = story('We designed the schema and we automated the backfill.')
    expect(mine.star.action.score).toBeGreaterThan(ours.star.action.score)
    expect(ours.star.ownership.ratio).toBe(0)
  })
})

describe('reject: team-only', () => {
  it('flags a story whose actions are all "we" and whose own part is never said', () => {
    const report = story(
      'We had a Kafka pipeline writing tiny files to HDFS. We decided to add a compaction job, we moved the writes to hourly batches and we tuned the file size. In the end we went from three million files a day to twenty thousand.'
    )
    expect(flagged(report)).toEqual(['team-only'])
    expect(report.criteria.find((c) => c.detector === 'team-only')!.evidence.length).toBeGreaterThan(0)
  })

  it('does not flag a team story where the candidate says what was theirs', () => {
    const report = story(
      'We had a Kafka pipeline writing tiny files to HDFS. My part was the compaction job. We moved the writes to hourly batches and we tuned the file size. In the end we went from three million files a day to twenty thousand.'
    )
    expect(flagged(report)).toEqual([])
    expect(report.star.ownership.stated).toBe(true)
  })

  it('does not flag a story told with "I"', () => {
    expect(flagged(story(starStory))).not.toContain('team-only')
  })
})

describe('reject: results without numbers', () => {
  it('is judged on the Result part itself, not on numbers elsewhere', () => {
    const report = story(
      'Our pipeline ingested two hundred million events a day and took seven hours. My goal was to get it under two hours. I replaced the sort with a pre-aggregation. In the end the job was a lot faster and the team was happy.'
    )
    expect(flagged(report)).toEqual(['results-without-numbers'])
  })

  it('flags a concrete result without a measure', () => {
    expect(flagged(story('I converted the models to incremental builds. The runs became much shorter and the bill went down.'))).toEqual(['results-without-numbers'])
  })

  it('accepts spoken numbers in the result', () => {
    expect(flagged(story('I converted the models to incremental builds. As a result the runs went from forty minutes to six, and the bill dropped by a third.'))).toEqual([])
    expect(flagged(story('I rewrote the join. As a result the runtime fell by 60%.'))).toEqual([])
  })
})

describe('reject: rambling', () => {
  const context =
    'This was at my second job, a mid-size e-commerce company, and the platform was a mess when I joined. There were legacy pieces in Hadoop, in Airflow and in cron jobs nobody owned, and the business was growing fast, with marketing always asking for reports and finance keeping their own spreadsheets. There was a reorg too, our manager changed twice that year and priorities kept shifting. The orders pipeline was slow, it failed a lot, and the contractor who wrote it had left.'

  it('flags context that dominates with a vague or missing result', () => {
    expect(flagged(story(`${context} I looked at it for a while. In the end it was fine.`))).toEqual(['rambling', 'results-without-numbers'])
    expect(flagged(story(context))).toEqual(['rambling'])
  })

  it('does not flag a story with the same context and a real action and result', () => {
    const report = story(`${context} I rewrote the loader to read only new partitions and I added retries with backoff. As a result failures dropped from ten a week to one and the load finished three hours earlier.`)
    expect(flagged(report)).not.toContain('rambling')
  })

  it('does not call a short thin answer rambling', () => {
    expect(flagged(story('It was a complex migration. I handled it and it went well.'))).not.toContain('rambling')
  })
})
