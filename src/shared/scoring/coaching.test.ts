import { describe, expect, it } from 'vitest'
import { defaultLexicon } from './default-lexicon'
import { defaultProfiles } from './default-profiles'
import { scoreTranscript } from './score-transcript'
import { behavioralQuestion, dashboardQuestion, starRubric, starStory, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'

const score = (transcript: string, question = dashboardQuestion, rubric = systemDesignRubric) =>
  scoreTranscript({ transcript, question, rubric, lexicon: defaultLexicon, profiles: defaultProfiles })

describe('coaching: "Next time"', () => {
  it('gives the three changes worth the most points, best first', () => {
    const report = score('Trucks send events to Kafka and Flink processes them and writes the state to Redis for the dashboard.')
    expect(report.coaching).toHaveLength(3)
    const points = report.coaching.map((c) => c.points)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    expect(points.every((p) => p > 0)).toBe(true)
  })

  it("says the trade-off in the model answer's own words", () => {
    const report = score('Trucks send events to Kafka, a stream processor keeps the latest state, and the dashboard reads it. If a job fails it restarts from a checkpoint and we alert on lag.')
    const tradeOff = report.coaching.find((c) => c.change === 'Name the trade-off')
    expect(tradeOff?.say).toMatch(/^I chose Flink over Spark Streaming because of lower latency for real-time CEP/)
  })

  it('turns a flagged pattern into the line that avoids it', () => {
    const report = score('You should always use Kafka and Flink for anything real time, because they scale.')
    const absolutist = report.coaching.find((c) => c.change.startsWith('Add the condition'))
    expect(absolutist?.say).toMatch(/^You should usually use Kafka and Flink for anything real time, because they scale, unless/)
  })

  it("rewrites a team-only story's own sentence with \"I\"", () => {
    const report = score(
      'We had a nightly job that took six hours on four terabytes. We profiled it, we rewrote the join and we added a date partition. In the end we went from six hours to forty minutes.',
      behavioralQuestion,
      starRubric
    )
    const own = report.coaching.find((c) => c.change === 'Say what you did, with "I"')
    expect(own?.say).toMatch(/^My part: I profiled it, I rewrote the join and I added a date partition/)
  })

  it('asks for a number in place of a vague result, quoting it', () => {
    const report = score('At my last job the nightly load was slow. I rewrote the join and partitioned the table. In the end things were better.', behavioralQuestion, starRubric)
    expect(report.coaching[0]!.say).toMatch(/^Instead of "In the end things were better", say: "As a result, … went from … to …/)
  })

  it('has little to say about a complete answer', () => {
    const report = score(starStory, behavioralQuestion, starRubric)
    expect(report.coaching.reduce((sum, c) => sum + c.points, 0)).toBeLessThan(15)
  })
})
