import { describe, expect, it } from 'vitest'
import { extractKeyTerms, maxKeyTerms } from './key-terms'

const terms = (answer: string, title = 'A question', prompt = '') => extractKeyTerms({ title, prompt, answer })
const names = (answer: string, title?: string) => terms(answer, title).map((t) => t.term)

describe('extractKeyTerms', () => {
  it('never returns a heading or a template word', () => {
    const answer = [
      '## Key Decisions',
      '**Use Cases:**',
      '### Situation',
      'We partitioned the table by date so reruns overwrite one partition.',
      '**Trade-offs**',
      '- **Result**: faster',
      '#### Overview'
    ].join('\n')
    const found = names(answer)
    for (const heading of ['Key Decisions', 'Use Cases', 'Situation', 'Trade-offs', 'Result', 'Overview']) expect(found).not.toContain(heading)
    expect(found).toContain('partitioning')
  })

  it('keeps a technology named inside a heading when the answer uses it too, but not a heading on its own', () => {
    expect(names('### Kafka\nEvents are published to Kafka topics.')).toContain('Kafka')
    expect(names('### Watermarks\nLate events are merged.')).not.toContain('watermark')
  })

  it('finds technologies, concepts and SQL, each with its source', () => {
    const found = terms(
      [
        'Events land in **Kafka**, and a Flink job deduplicates them with a watermark.',
        '```sql',
        'SELECT customer_id, LAG(price) OVER (PARTITION BY customer_id ORDER BY ts) FROM prices',
        '```'
      ].join('\n')
    )
    const byTerm = Object.fromEntries(found.map((t) => [t.term, t.source]))
    expect(byTerm).toMatchObject({ Kafka: 'technology', Flink: 'technology', watermark: 'concept', deduplication: 'concept', LAG: 'sql', 'PARTITION BY': 'sql', 'window function': 'sql' })
  })

  it('takes defined terms from "**Term**: definition" lines and weighs them above a passing mention', () => {
    const found = terms(['- **Idempotency**: running a job twice gives the same output.', '- **Partition Overwrite**: replace the date partition.', 'We store it in S3.'].join('\n'))
    const idempotency = found.find((t) => t.term === 'idempotency')!
    const overwrite = found.find((t) => t.term === 'partition overwrite')!
    const s3 = found.find((t) => t.term === 'S3')!
    expect(idempotency.source).toBe('defined')
    expect(overwrite.source).toBe('defined')
    expect(idempotency.weight).toBeGreaterThan(s3.weight)
  })

  it('splits a decision label into the names it compares', () => {
    const found = names('1. **Flink over Spark Streaming:** lower latency for complex event processing')
    expect(found).toEqual(expect.arrayContaining(['Flink', 'Spark Streaming', 'complex event processing']))
    expect(found).not.toContain('Flink over Spark Streaming')
  })

  it('ignores code identifiers, advice labels and emphasised clauses', () => {
    const found = names(
      [
        '1. **UserPurchaseSequence CTE**: uses LEAD to find the next purchase',
        '2. **Final Calculation**: divide the counts',
        '- **Avoid UDFs**: they are slow',
        'You can only guarantee **two out of three** properties.'
      ].join('\n')
    )
    expect(found).toContain('CTE')
    for (const noise of ['UserPurchaseSequence CTE', 'Final Calculation', 'Avoid UDFs', 'two out of three']) expect(found).not.toContain(noise)
  })

  it('takes the dimensions a table compares from its bold row labels, never its header', () => {
    const found = names(['| Factor | Batch | Streaming |', '|---|---|---|', '| **Latency** | hours | seconds |', '| **Cost** | low | high |'].join('\n'))
    expect(found).toEqual(expect.arrayContaining(['latency', 'Cost']))
    expect(found).not.toContain('Factor')
  })

  it('does not read a technology in a code identifier as the model answer choosing it', () => {
    const found = names(['```python', 'load = RedshiftOperator(sql="COPY x FROM s3://b/")', 'df.write.parquet("/out")', '```'].join('\n'))
    expect(found).not.toContain('SQL')
    expect(found).not.toContain('Parquet')
  })

  it('gives a term named in the question a bonus, and reports question-only terms as such', () => {
    const found = terms('Use a consumer group per reader.', 'Kafka vs SQS vs Pub/Sub')
    expect(found.find((t) => t.term === 'Kafka')).toMatchObject({ source: 'question' })
    expect(found.find((t) => t.term === 'Pub/Sub')!.aliases).toContain('pubsub')
  })

  it('returns at most a dozen terms, heaviest first, and nothing for an empty answer', () => {
    const many = Array.from({ length: 30 }, (_, i) => `- **Term${String.fromCharCode(65 + (i % 26))}${i}X**: explained`).join('\n')
    const tech = 'Kafka Flink Spark Redis Airflow Dagster Snowflake BigQuery Redshift Trino Presto Iceberg Hudi Parquet Avro dbt'
    const found = terms(`${many}\n${tech}`)
    expect(found.length).toBeLessThanOrEqual(maxKeyTerms)
    const weights = found.map((t) => t.weight)
    expect(weights).toEqual([...weights].sort((a, b) => b - a))
    expect(extractKeyTerms({ title: 'Anything?', prompt: '', answer: null })).toEqual([])
  })

  it('is deterministic', () => {
    const answer = '**CAP Theorem**: pick two.\n- **Consistency (C)**: same data\n- **Availability (A)**: always answers\nCassandra is AP, HBase is CP.'
    expect(terms(answer)).toEqual(terms(answer))
  })
})
