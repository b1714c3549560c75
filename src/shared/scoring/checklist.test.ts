import { describe, expect, it } from 'vitest'
import type { Question } from '../banks/types'
import { defaultLexicon } from './default-lexicon'
import { defaultProfiles } from './default-profiles'
import { scoreTranscript } from './score-transcript'
import { batchVsStreamingQuestion, conceptQuestion, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'

function items(transcript: string, question: Question = { ...batchVsStreamingQuestion, title: 'Design a clickstream pipeline' }) {
  const report = scoreTranscript({ transcript, question, rubric: systemDesignRubric, lexicon: defaultLexicon, profiles: defaultProfiles })
  return Object.fromEntries((report.checklist?.items ?? []).map((item) => [item.id, item]))
}

describe('design checklist', () => {
  it.each([
    ['requirements', 'First I would clarify who consumes the data and what the SLA is.'],
    ['scale', 'Say fifty million events a day, about two thousand per second at peak.'],
    ['components', 'Clients publish to Kafka, Flink reads from Kafka and writes to S3, and Trino reads from S3 for the dashboard.'],
    ['data-model', 'The fact table is partitioned by date with one row per event.'],
    ['trade-offs', 'I chose Flink over Spark Streaming, at the cost of more operations.'],
    ['failure-handling', 'Jobs retry with backoff, reruns are idempotent, and we alert on consumer lag.']
  ])('hears %s', (id, sentence) => {
    const item = items(sentence)[id]!
    expect(item.met).toBe(true)
    expect(item.evidence[0]!.quote).toBe(sentence)
  })

  it('hears nothing in a restatement of the question', () => {
    const result = items('I would build a pipeline that shows the clicks on a dashboard for the team.')
    expect(Object.values(result).filter((item) => item.met)).toEqual([])
  })

  it('needs a number with a unit for scale, not the word', () => {
    expect(items('It has to scale to a large volume.').scale!.met).toBe(false)
    expect(items('Files land in S3 partitioned by hour.').scale!.met).toBe(false)
    expect(items('About two terabytes a day.').scale!.met).toBe(true)
  })

  it('needs several components joined by data flow for components and flow', () => {
    expect(items('Kafka is good.').components!.met).toBe(false)
  })

  it('gives a reason without an alternative partial credit for trade-offs', () => {
    const item = items('I would use DynamoDB because the lookups are by key.')['trade-offs']!
    expect(item.met).toBe(false)
    expect(item.strength).toBeGreaterThan(0)
    expect(item.strength).toBeLessThan(0.7)
  })
})

describe('correctness cues for concepts', () => {
  it('asks for a definition of "X vs Y", not of "How do you decide…"', () => {
    expect(Object.keys(items('Kafka keeps a log.', conceptQuestion))).toContain('definition')
    expect(Object.keys(items('It depends on latency.', { ...conceptQuestion, title: 'How do you decide batch vs streaming?' }))).not.toContain('definition')
  })
})
