import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../src/backend/banks/load-bank-files'
import type { BankLibrary, Question } from '../src/shared/banks/types'
import { answerClarifyingQuestion, assessmentFromReport, bankFollowUpsFor, chooseFollowUps, YOUR_CALL, type ClarificationReply } from '../src/shared/interviewer'
import { scoreTranscript } from '../src/shared/scoring'
import { defaultLexicon } from '../src/shared/scoring/default-lexicon'
import { defaultProfiles } from '../src/shared/scoring/default-profiles'

/**
 * The interviewer on the real seed banks, as the app loads them (mojibake repaired, duplicates
 * merged): the clarifying-question answers and follow-ups a candidate would actually get.
 */

let library: BankLibrary
// Parsing every seed bank takes a few seconds, more on a busy machine.
beforeAll(async () => {
  library = await loadBankLibrary({ builtInDir: join(__dirname, '..', 'question-banks') })
}, 60_000)

function question(titleStart: string): Question {
  const found = library.questions.find((q) => q.title.startsWith(titleStart))
  if (!found) throw new Error(`no seed question starts with "${titleStart}"`)
  return found
}

function reply(titleStart: string, asked: string): ClarificationReply {
  return answerClarifyingQuestion(question(titleStart), asked)
}

function answerText(titleStart: string, asked: string): string {
  const result = reply(titleStart, asked)
  if (result.kind !== 'answer') throw new Error(`"${asked}" got "${result.text}" (nearest: ${JSON.stringify(result.nearest)})`)
  return result.text
}

const netflix = 'I want you to design me an end-to-end solution'

describe('clarifying questions on the Netflix case', () => {
  it('answers "What metrics matter?" with the metrics bullets', () => {
    const result = reply(netflix, 'What metrics matter?')
    expect(result.kind).toBe('answer')
    if (result.kind !== 'answer') return
    expect(result.section).toBe('Clarifying Questions')
    const notes = result.notes.map((n) => n.text)
    expect(notes).toContain('DAU')
    expect(notes).toContain('MAU')
    expect(notes.some((n) => n.startsWith('Active = user spent 1 view event'))).toBe(true)
    expect(notes.some((n) => n.startsWith('Retention = MAU, stickiness'))).toBe(true)
    // Nothing from the fact tables or the storage notes.
    expect(notes.every((n) => !/fct_|Parquet/.test(n))).toBe(true)
  })

  it('answers scale, counts and definitions from the capacity and clarifying notes', () => {
    expect(answerText(netflix, 'How many users do we have?')).toMatch(/^100 million users\./)
    expect(answerText(netflix, 'How many views per day?')).toBe('10 million views/day (10 million typical DAU = 10% user base size is daily active ish).')
    expect(answerText(netflix, 'What is the data volume per day?')).toContain('5 G / day -> one year = 15TB / year')
    expect(answerText(netflix, 'How do you define an active user?')).toMatch(/^Active = user spent 1 view event/)
    expect(answerText(netflix, 'What is the business goal?')).toBe('Customer retention and user base growth.')
    expect(answerText(netflix, 'Are the users global?')).toMatch(/geographically-distributed/)
  })

  it.each([
    "What's your favourite colour?",
    'Should I use Kafka?',
    'What file format should I use?',
    'How should I handle late data?',
    'What is the budget?',
    'What is the data retention period?'
  ])(
    'says "Your call" to %j',
    (asked) => {
      expect(reply(netflix, asked)).toMatchObject({ kind: 'your-call', text: YOUR_CALL })
    }
  )
})

describe('clarifying questions on the system-design bank', () => {
  it('scale and latency: the truck tracking dashboard', () => {
    expect(answerText('Real-Time Truck Tracking Dashboard', 'How many trucks are there?')).toBe('100K trucks, 10K active locations/min.')
    expect(answerText('Real-Time Truck Tracking Dashboard', 'What scale should I plan for?')).toBe('100K trucks, 10K active locations/min.')
    expect(answerText('Real-Time Truck Tracking Dashboard', 'How fast do delay alerts need to fire?')).toBe('Delay alerts within 1 minute.')
    expect(reply('Real-Time Truck Tracking Dashboard', 'Should I use Kinesis or Kafka?').kind).toBe('your-call')
  })

  it('latency from the requirements inside the diagram: Q88', () => {
    expect(answerText('Design real-time dashboard for operations team', 'What latency do we need?')).toBe(
      'Truck location: < 30 seconds. Delay alerts: < 1 minute. Aggregate metrics: < 5 minutes.'
    )
    expect(answerText('Design real-time dashboard for operations team', 'How fresh does the truck location need to be?')).toBe('Truck location: < 30 seconds.')
    expect(reply('Design real-time dashboard for operations team', 'How many users use the dashboard?').kind).toBe('your-call')
  })

  it('consistency, residency and cost: multi-region ingestion', () => {
    expect(answerText('Multi-region data ingestion strategy', 'Do we need strong consistency across regions?')).toBe(
      'Consistency: Eventual consistency across regions.'
    )
    expect(answerText('Multi-region data ingestion strategy', 'Are there data residency requirements?')).toBe('Data Residency: EU data may need to stay in EU (GDPR).')
    expect(answerText('Multi-region data ingestion strategy', 'How much does cross-region replication cost?')).toBe(
      'Cross-Region Costs: S3 replication is $0.02/GB.'
    )
    expect(reply('Multi-region data ingestion strategy', 'How many regions?').kind).toBe('your-call')
  })

  it('data volume: the backfill scenario', () => {
    expect(answerText('Bug Backfill While Live Data Flowing', 'How much history do we need to reprocess?')).toBe(
      'Found bug in shipping cost calculation. Need to reprocess 6 months while new data continues.'
    )
  })

  it('stays quiet on questions no bank answers: at most 0.5% of unrelated questions get an answer', () => {
    const unrelated = [
      "What's your favourite colour?",
      'Can I use a calculator?',
      'Is lunch included?',
      'Who won the football game last night?',
      'Should I write it in Java?',
      'Can we take a short break?',
      "What's the weather like today?",
      'Do you like pizza?',
      'How was your weekend?',
      'Can I draw on the whiteboard?',
      'Should I start with the database schema?',
      'Is it okay if I think out loud?',
      'Can you repeat the question?'
    ]
    let answered = 0
    for (const q of library.questions) for (const asked of unrelated) if (answerClarifyingQuestion(q, asked).kind === 'answer') answered++
    expect(answered / (library.questions.length * unrelated.length)).toBeLessThanOrEqual(0.005)
  })
})

describe('follow-ups on the seed banks', () => {
  it('takes the mock interview’s own next question as the follow-up to "what is Kinesis"', () => {
    const kinesis = question('Please explain what Kinesis is')
    expect(bankFollowUpsFor(kinesis.id, library.questions)[0]).toBe('Can you elaborate more on diff between kafka and kinesis?')
    const rubric = library.rubrics.find((r) => r.id === kinesis.rubricId)!
    const report = scoreTranscript({
      transcript: 'Kinesis is a managed streaming service from AWS. You write records to shards and consumers read them, a bit like Kafka.',
      question: kinesis,
      rubric,
      lexicon: defaultLexicon,
      profiles: defaultProfiles
    })
    const [first] = chooseFollowUps({
      question: kinesis,
      assessment: assessmentFromReport(report, kinesis),
      bankFollowUps: bankFollowUpsFor(kinesis.id, library.questions)
    })
    expect(first).toMatchObject({ rule: 'bank-follow-up', text: 'Can you elaborate more on diff between kafka and kinesis?' })
  })

  it('presses a Netflix design with no failure story on the consumer falling behind', () => {
    const q = question(netflix)
    const rubric = library.rubrics.find((r) => r.id === q.rubricId)!
    const report = scoreTranscript({
      transcript:
        'I would ingest the click stream into Kafka, process it with Spark streaming because we need near real time numbers, and write Parquet partitioned by hour. ' +
        'I chose streaming over hourly batch since the business wants to react to churn quickly, at the cost of more operations work.',
      question: q,
      rubric,
      lexicon: defaultLexicon,
      profiles: defaultProfiles
    })
    const followUps = chooseFollowUps({ question: q, assessment: assessmentFromReport(report, q) })
    expect(followUps[0]).toEqual({
      id: 'criterion:failure',
      rule: 'rubric-criterion',
      text: 'What happens when the consumer falls behind? Have you seen that in production, and what did you learn?',
      reason: 'asked because no failure story was heard'
    })
  })
})
