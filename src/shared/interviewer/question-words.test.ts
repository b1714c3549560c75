import { describe, expect, it } from 'vitest'
import { businessGoal, failureScenarioFor, optionsWeighed } from './question-words'

const q = (title: string, answer: string | null = null, prompt = title) => ({ title, prompt, answer })

describe('optionsWeighed', () => {
  it.each([
    ['How do you decide batch vs streaming?', 'batch', 'streaming'],
    ['Kafka vs SQS vs Pub/Sub', 'Kafka', 'SQS'],
    ['Data Lake vs Data Warehouse', 'Data Lake', 'Data Warehouse'],
    ['At-least-once vs Exactly-once trade-offs', 'At-least-once', 'Exactly-once'],
    ['Cost vs latency trade-offs', 'Cost', 'latency'],
    ['Process vs. Thread (Short Interview Answer)', 'Process', 'Thread'],
    ['What is the difference between Pandas and PySpark?', 'Pandas', 'PySpark'],
    ['Can you elaborate more on diff between kafka and kinesis', 'kafka', 'kinesis'],
    ['When is near-real-time batch better than streaming?', 'batch', 'streaming'],
    ['Producer vs Consumer schema ownership', 'Producer', 'Consumer'],
    ['Monolith vs Modular Monolith vs Microservices for Data Platforms', 'Monolith', 'Modular Monolith']
  ])('%s → %s / %s', (title, first, second) => {
    expect(optionsWeighed(q(title))).toEqual({ first, second })
  })

  it('falls back to a choice the model answer made in bold', () => {
    expect(optionsWeighed(q('Design real-time dashboard', '1. **Flink over Spark Streaming:** Lower latency'))).toEqual({
      first: 'Flink',
      second: 'Spark Streaming'
    })
  })

  it('finds nothing in a question that weighs nothing', () => {
    expect(optionsWeighed(q('Design daily analytics pipeline', 'Extract, transform, load.'))).toBeNull()
  })
})

describe('failureScenarioFor', () => {
  it('picks the failure the question is about, title words first', () => {
    expect(failureScenarioFor(q('Handle late-arriving data in batch systems')).id).toBe('late-data')
    expect(failureScenarioFor(q('Design re-runnable & idempotent batch pipelines')).id).toBe('duplicates')
    expect(failureScenarioFor(q('Multi-region data ingestion strategy')).id).toBe('region')
    expect(failureScenarioFor(q('Handle slow downstream systems', "# Slow down producer when consumer can't keep up")).when).toBe('the consumer falls behind')
  })

  it('knows when the question itself is the failure', () => {
    expect(failureScenarioFor(q('Streaming lag keeps increasing'))).toMatchObject({ id: 'consumer-lag', isTheQuestion: true })
    expect(failureScenarioFor(q('Design a streaming pipeline'))).toMatchObject({ id: 'consumer-lag', isTheQuestion: false })
  })

  it('falls back to a generic failure', () => {
    expect(failureScenarioFor(q('Tell me about yourself'))).toMatchObject({ id: 'generic', when: 'this breaks in production' })
  })
})

describe('businessGoal', () => {
  it('takes the goal as the model answer words it', () => {
    expect(businessGoal(q('Netflix', 'End Goal :\n  - Reduce customer churn : user base retention\n'))).toEqual({ text: 'reduce customer churn', isAction: true })
    expect(businessGoal(q('Netflix', 'Business Use Case :\n- Customer retention and user base growth\n'))).toEqual({
      text: 'customer retention and user base growth',
      isAction: false
    })
  })

  it('finds none without a goal or business section', () => {
    expect(businessGoal(q('Design', '**Key Components:**\n- Kafka'))).toBeNull()
    expect(businessGoal(q('Design', null))).toBeNull()
  })
})
