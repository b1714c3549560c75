import { describe, expect, it } from 'vitest'
import { readAnswerNotes } from './answer-notes'
import { answerClarifyingQuestion, YOUR_CALL, type ClarificationReply } from './clarify'

/**
 * Small answers in the layouts the banks use. The real seed banks are exercised in
 * tests/interviewer-seed-banks.test.ts; these pin each rule on its own.
 */

const netflixLike = {
  title: 'Design a pipeline for playback events',
  prompt: 'Design a pipeline for playback events. The users are geographically distributed.',
  answer: `End Goal :
  - Reduce customer churn : user base retention

Clarifying Questions :
- metrics : up for your decisioning.
- DAU
- MAU

- Active = user spent 1 view event ( for a few seconds ) in a session.
- Retention = MAU, stickiness ( DAU / MAU )

Facts & Dims :
- fct_view_events> Grain> per session, per user, view event

 Capacity Planning :
 - 100 million users
 - 10 million views/day

 Columnar storage
  - Parquet/ORC
  - bucketing = userId ( hash Bucket )
`
}

const dashboardLike = {
  title: 'Design real-time dashboard for operations team',
  prompt: 'Design real-time dashboard for operations team',
  answer: `\`\`\`
┌──────────────┐
│  DASHBOARD   │
└──────────────┘

LATENCY REQUIREMENTS:
• Truck location: < 30 seconds
• Delay alerts: < 1 minute

ARCHITECTURE:
[Scan Events] ──▶ [Kafka]
\`\`\`

**Key Design Decisions:**
1. **Flink over Spark Streaming:** Lower latency for real-time CEP

\`\`\`python
# Requirements: sub-second reads
HSET truck:T123 lat 47.6
\`\`\`
`
}

const regionsLike = {
  title: 'Multi-region data ingestion strategy',
  prompt: 'Multi-region data ingestion strategy',
  answer: `**Strategies:**

| Pattern | Description | Use Case |
|---------|-------------|----------|
| **Regional Processing** | Process locally, replicate results | GDPR compliance |

**Key Considerations:**
- **Data Residency:** EU data may need to stay in EU (GDPR)
- **Cross-Region Costs:** S3 replication is $0.02/GB
- **Consistency:** Eventual consistency across regions
`
}

const answered = (reply: ClarificationReply): string => {
  if (reply.kind !== 'answer') throw new Error(`expected an answer, got "${reply.text}" (nearest: ${JSON.stringify(reply.nearest)})`)
  return reply.text
}

describe('readAnswerNotes', () => {
  it('reads "Heading :" lines, bullets and a short line over a list as sections', () => {
    const notes = readAnswerNotes(netflixLike.answer)
    expect(notes.filter((n) => n.section === 'Clarifying Questions').map((n) => n.text)).toEqual([
      'metrics: up for your decisioning.',
      'DAU',
      'MAU',
      'Active = user spent 1 view event (for a few seconds) in a session.',
      'Retention = MAU, stickiness (DAU / MAU)'
    ])
    expect(notes.find((n) => n.text === 'Parquet/ORC')).toMatchObject({ section: 'Columnar storage', sectionKind: 'other' })
    expect(notes.find((n) => n.text === '100 million users')).toMatchObject({ section: 'Capacity Planning', sectionKind: 'clarify' })
    expect(notes.find((n) => n.text.startsWith('fct_view_events'))).toMatchObject({ sectionKind: 'other' })
  })

  it('takes requirement bullets out of a diagram fence but nothing from code or box art', () => {
    const notes = readAnswerNotes(dashboardLike.answer)
    expect(notes.filter((n) => n.sectionKind === 'clarify').map((n) => n.text)).toEqual(['Truck location: < 30 seconds', 'Delay alerts: < 1 minute'])
    expect(notes.some((n) => /HSET|Requirements: sub-second|DASHBOARD|Scan Events/.test(n.text))).toBe(false)
    expect(notes.find((n) => n.text.startsWith('Flink over'))).toMatchObject({ section: 'Key Design Decisions', sectionKind: 'other' })
  })

  it('reads table rows as notes and bold labels as part of the note', () => {
    const notes = readAnswerNotes(regionsLike.answer)
    expect(notes.map((n) => n.text)).toEqual([
      'Regional Processing — Process locally, replicate results — GDPR compliance',
      'Data Residency: EU data may need to stay in EU (GDPR)',
      'Cross-Region Costs: S3 replication is $0.02/GB',
      'Consistency: Eventual consistency across regions'
    ])
  })

  it('reads "**Requirements:** …" as a heading with its note', () => {
    const notes = readAnswerNotes('**Requirements:** 100K trucks, 10K active locations/min\n\n**Key Components:**\n1. **Kinesis:** Handles 100K+ events/sec')
    expect(notes.map((n) => [n.section, n.sectionKind, n.text])).toEqual([
      ['Requirements', 'clarify', '100K trucks, 10K active locations/min'],
      ['Key Components', 'other', 'Kinesis: Handles 100K+ events/sec']
    ])
  })

  it('returns no notes for a question without a model answer', () => {
    expect(readAnswerNotes(null)).toEqual([])
  })
})

describe('answerClarifyingQuestion', () => {
  it('answers "what metrics matter?" with the metrics notes, category words pulling in their instances', () => {
    const reply = answerClarifyingQuestion(netflixLike, 'What metrics matter?')
    expect(answered(reply)).toBe(
      'metrics: up for your decisioning. DAU. MAU. Active = user spent 1 view event (for a few seconds) in a session. Retention = MAU, stickiness (DAU / MAU).'
    )
    expect(reply).toMatchObject({ section: 'Clarifying Questions', matched: ['metrics'], coverage: 1 })
  })

  it('answers a count only with a note that counts that thing', () => {
    expect(answered(answerClarifyingQuestion(netflixLike, 'How many users do we have?'))).toBe('100 million users.')
    expect(answered(answerClarifyingQuestion(netflixLike, 'How many views a day?'))).toBe('10 million views/day.')
    // The notes never count regions, though they mention them.
    expect(answerClarifyingQuestion(regionsLike, 'How many regions?').kind).toBe('your-call')
  })

  it('answers latency from the requirements in the diagram fence', () => {
    expect(answered(answerClarifyingQuestion(dashboardLike, 'What latency do we need?'))).toBe('Truck location: < 30 seconds. Delay alerts: < 1 minute.')
    expect(answered(answerClarifyingQuestion(dashboardLike, 'How fresh does the truck location have to be?'))).toBe('Truck location: < 30 seconds.')
  })

  it('answers a related word but keeps unrelated notes of the section out', () => {
    const strong = answerClarifyingQuestion(regionsLike, 'Do we need strong consistency across regions?')
    expect(answered(strong)).toBe('Consistency: Eventual consistency across regions.')
    expect(answered(answerClarifyingQuestion(regionsLike, 'Are there data residency requirements?'))).toBe('Data Residency: EU data may need to stay in EU (GDPR).')
  })

  it('repeats a sentence of the prompt other than the title when it answers', () => {
    expect(answered(answerClarifyingQuestion(netflixLike, 'Are the users global?'))).toBe('The users are geographically distributed.')
  })

  it.each([
    "What's your favourite colour?",
    'Should I use Kafka?',
    'Which file format should I store it in?',
    'How should I handle late data?',
    'Can I draw on the whiteboard first?',
    'What is the budget?',
    // Matches "Retention = …" on one word, but the question is about keeping data.
    'What is the retention period for the raw events?',
    'um okay so',
    ''
  ])('says "Your call" to %j', (asked) => {
    const reply = answerClarifyingQuestion(netflixLike, asked)
    expect(reply).toMatchObject({ kind: 'your-call', text: YOUR_CALL })
  })

  it('never hands out the design: a match in a non-requirements section is "your call"', () => {
    // "Parquet" and "bucketing" are in the notes, under the design's own headings.
    expect(answerClarifyingQuestion(netflixLike, 'Should I bucket by user id?').kind).toBe('your-call')
    expect(answerClarifyingQuestion(dashboardLike, 'Should I use Flink or Spark Streaming?').kind).toBe('your-call')
  })

  it('says "your call" for a question without a model answer, unless the prompt covers it', () => {
    const bare = { title: 'Design a clickstream pipeline', prompt: 'Design a clickstream pipeline. Traffic peaks at 50k events a second.', answer: null }
    expect(answered(answerClarifyingQuestion(bare, 'What is the peak throughput?'))).toBe('Traffic peaks at 50k events a second.')
    expect(answerClarifyingQuestion(bare, 'Which metrics matter?').kind).toBe('your-call')
  })

  it('is deterministic', () => {
    const first = answerClarifyingQuestion(netflixLike, 'What metrics matter?')
    for (let i = 0; i < 3; i++) expect(answerClarifyingQuestion(netflixLike, 'What metrics matter?')).toEqual(first)
  })
})
