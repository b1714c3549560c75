import { describe, expect, it } from 'vitest'
import { fenceLanguage, readsAsProse } from './prose-fence'

describe('readsAsProse', () => {
  it('takes paragraphs in a bash fence for prose', () => {
    const answer = [
      'Apache Kafka is a distributed streaming platform that allows for publishing and subscribing.',
      "It's designed to handle high-throughput, fault-tolerant, and scalable data pipelines.",
      '',
      'Key characteristics of Kafka topics:',
      'Partitioning',
      'Durability'
    ].join('\n')
    expect(readsAsProse(answer)).toBe(true)
    expect(fenceLanguage('bash', answer)).toBe('')
  })

  it('keeps shell commands, Python and SQL as code', () => {
    expect(readsAsProse('kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 2')).toBe(false)
    expect(readsAsProse('# load the orders table into the warehouse every night\nsales = {"date_id": [1, 2, 3]}\nprint(sales)')).toBe(false)
    expect(readsAsProse('def top_customers(orders, n):\n    return sorted(orders, key=lambda o: o.total)[:n]')).toBe(false)
    expect(fenceLanguage('python', 'for row in rows:\n    total += row.amount')).toBe('python')
  })

  it('counts an empty fence as code', () => {
    expect(readsAsProse('')).toBe(false)
  })
})
