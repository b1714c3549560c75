import { describe, expect, it } from 'vitest'
import type { Rubric } from '../banks/types'
import type { Question } from '../banks/types'
import { defaultLexicon } from './default-lexicon'
import { defaultProfiles } from './default-profiles'
import type { CriterionResult } from './report-schema'
import { scoreTranscript } from './score-transcript'
import { batchVsStreamingQuestion, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'

function criteria(transcript: string, rubric: Rubric = systemDesignRubric, question: Question = batchVsStreamingQuestion): Record<string, CriterionResult> {
  const report = scoreTranscript({ transcript, question, rubric, lexicon: defaultLexicon, profiles: defaultProfiles })
  return Object.fromEntries(report.criteria.map((c) => [c.id, c]))
}

const neutral = 'We load the events into a table and the analysts query it later in the day.'

describe('listen-for criteria', () => {
  it.each([
    ['decision-frameworks-with-trade-offs', 'Batch is cheaper, but on the other hand streaming is fresher. I chose batch over streaming because the downside of stale data was small.'],
    ['real-failure-stories-and-lessons', 'Our first pipeline failed in production when a schema changed, and the lesson was to version every schema.'],
    ['preventive-thinking', 'I added monitoring and alerting on row counts and a data contract with validation at ingestion.'],
    ['business-alignment', 'The stakeholders cared about revenue reporting, and the SLA was nine in the morning for our customers.']
  ])('%s is heard when the answer shows it', (id, answer) => {
    const result = criteria(answer)[id]!
    expect(result.met).toBe(true)
    expect(result.flagged).toBe(false)
    expect(result.evidence.length).toBeGreaterThan(0)
    for (const evidence of result.evidence) {
      expect(answer.slice(evidence.startChar, evidence.endChar)).toBe(evidence.quote)
    }
  })

  it.each([
    'decision-frameworks-with-trade-offs',
    'real-failure-stories-and-lessons',
    'preventive-thinking',
    'business-alignment'
  ])('%s is not heard in a neutral description', (id) => {
    const result = criteria(neutral)[id]!
    expect(result.met).toBe(false)
    expect(result.strength).toBe(0)
    expect(result.evidence).toEqual([])
  })

  it('maps criteria to lexicon concepts by their label words', () => {
    const byId = criteria(neutral)
    expect(byId['decision-frameworks-with-trade-offs']!.concepts).toEqual(['trade-offs'])
    expect(byId['real-failure-stories-and-lessons']!.concepts).toEqual(['failure-stories'])
    expect(byId['preventive-thinking']!.concepts).toEqual(['prevention'])
    expect(byId['business-alignment']!.concepts).toContain('business-alignment')
  })

  it('two sentences on a point count more than one', () => {
    const once = criteria('The stakeholders wanted it.')['business-alignment']!
    const twice = criteria('The stakeholders wanted it. It protected revenue.')['business-alignment']!
    expect(twice.strength).toBeGreaterThan(once.strength)
  })

  it('a criterion no concept explains falls back to its own words', () => {
    const rubric: Rubric = {
      ...systemDesignRubric,
      id: 'custom',
      listenFor: [{ id: 'idempotency', label: 'Idempotent reprocessing', description: 'Talks about idempotent reruns and deduplication', examples: [] }],
      reject: [],
      template: []
    }
    expect(criteria('Every rerun is idempotent thanks to deduplication on the event id.', rubric)['idempotency']!.met).toBe(true)
    expect(criteria(neutral, rubric)['idempotency']!.met).toBe(false)
  })
})

describe('reject: tool-only', () => {
  it('flags a tool named with no reason', () => {
    const result = criteria('Just use Spark.')['tool-only-answers']!
    expect(result.flagged).toBe(true)
    expect(result.met).toBe(false)
    expect(result.evidence[0]!.quote).toBe('Just use Spark.')
    expect(criteria('Honestly I would just use Kafka here.')['tool-only-answers']!.flagged).toBe(true)
  })

  it('flags tools listed without reasons even with no slogan', () => {
    expect(criteria('We have Kafka. Then Flink. Then Snowflake and Airflow.')['tool-only-answers']!.flagged).toBe(true)
    expect(criteria('I would use Airflow for orchestration, Spark for processing, S3 for the lake and Redshift as the warehouse.')['tool-only-answers']!.flagged).toBe(true)
  })

  it('clears a tool whose reason sits in the same or the adjacent clause', () => {
    expect(criteria('I would use Spark because the team already runs it and the data is large.')['tool-only-answers']!.flagged).toBe(false)
    expect(criteria('We picked Kafka. The reason was replay: consumers can re-read a week of events.')['tool-only-answers']!.flagged).toBe(false)
    expect(criteria('Just use Spark, since it already holds the data and the team knows it.')['tool-only-answers']!.flagged).toBe(false)
    // The reason in the next clause, not the same one.
    expect(criteria('Kafka goes in front, it buffers the spikes when a region reconnects. Flink next, it handles late events properly.')['tool-only-answers']!.flagged).toBe(false)
  })

  it('does not read a design walkthrough that says what each part does as tool-only', () => {
    const walkthrough =
      'The truck events go into Kinesis, and a small Flink app processes them and updates a DynamoDB table with the latest status per truck. The dashboard reads from that table and shows delays in red. I would use DynamoDB because it gives single digit millisecond lookups by truck id.'
    expect(criteria(walkthrough)['tool-only-answers']!.flagged).toBe(false)
  })

  it('ignores the rubric example matched literally: "just use a cron job" is not a tool', () => {
    expect(criteria('For a report read once a day I would just use a cron job and a SQL query, because it is enough.')['tool-only-answers']!.flagged).toBe(false)
  })
})

describe('reject: absolutist', () => {
  it('flags absolutes said as a stance', () => {
    expect(criteria('Always use streaming. Batch is never the answer.')['absolutist-thinking']!.flagged).toBe(true)
    expect(criteria('Streaming is the only way.')['absolutist-thinking']!.flagged).toBe(true)
    expect(criteria('You should always pick consistency, every database should be CP.')['absolutist-thinking']!.flagged).toBe(true)
  })

  it('does not flag qualified, idiomatic or descriptive uses', () => {
    expect(criteria('I usually start with batch, and if latency matters we move to streaming.')['absolutist-thinking']!.flagged).toBe(false)
    expect(criteria('We run the job every day and check every partition.')['absolutist-thinking']!.flagged).toBe(false)
    expect(criteria('It is almost always cheaper to batch when the data is only read in the morning.')['absolutist-thinking']!.flagged).toBe(false)
    expect(criteria('Every truck sends an event every ten seconds, and the dashboard always shows the latest state from Redis.')['absolutist-thinking']!.flagged).toBe(false)
  })
})

describe('reject: over-engineering', () => {
  it('flags heavyweight components for a small, infrequent need', () => {
    const result = criteria('For the monthly report of a few hundred rows I would set up Kafka, Flink and Kubernetes with microservices.')['over-engineering']!
    expect(result.flagged).toBe(true)
    expect(result.evidence.length).toBeGreaterThan(0)
  })

  it('flags a streaming stack for a need the question itself calls small', () => {
    const daily = { ...batchVsStreamingQuestion, title: 'Design daily analytics pipeline', prompt: 'Design daily analytics pipeline' }
    const heavy = 'Every source publishes into Kafka, Flink jobs transform it on Kubernetes with a service mesh, and the results land in Cassandra.'
    expect(criteria(heavy, systemDesignRubric, daily)['over-engineering']!.flagged).toBe(true)
    expect(criteria(heavy)['over-engineering']!.flagged).toBe(false)
  })

  it('does not flag the same components argued against, a big need, or a split across a contrast', () => {
    expect(criteria('For a monthly report of a few hundred rows there is no need for Kafka or Flink; a scheduled SQL query is enough.')['over-engineering']!.flagged).toBe(false)
    expect(criteria('For fraud scoring on millions of events a second we run Kafka and Flink on Kubernetes.')['over-engineering']!.flagged).toBe(false)
    expect(criteria('Inventory counts went to Kafka and Flink because stores needed them within a minute, but the daily report stayed a nightly job.')['over-engineering']!.flagged).toBe(false)
    expect(criteria('I chose Flink over Spark Streaming for the alerts. History goes to S3 for the daily reports.')['over-engineering']!.flagged).toBe(false)
  })
})
