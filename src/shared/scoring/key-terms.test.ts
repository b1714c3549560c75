import { describe, expect, it } from 'vitest'
import type { KeyTerm, Question } from '../banks/types'
import { analyzeTranscript } from './analysis'
import { compileLexicon } from './compile'
import { defaultLexicon } from './default-lexicon'
import { matchKeyTerms } from './key-terms'
import { batchVsStreamingQuestion } from '../../../tests/fixtures/scoring-fixtures'

function coverage(transcript: string, keyTerms: string[]) {
  const lexicon = compileLexicon(defaultLexicon)
  const question: Question = { ...batchVsStreamingQuestion, keyTerms }
  return matchKeyTerms(analyzeTranscript(transcript, lexicon, undefined), lexicon, question)
}

function heard(transcript: string, keyTerms: string[]): Record<string, string> {
  return Object.fromEntries(coverage(transcript, keyTerms).covered.map((hit) => [hit.term, hit.heard]))
}

describe('key-term coverage', () => {
  it('finds exact, stemmed and multi-word terms, and lists the rest as missing', () => {
    const result = coverage('We stream events and handle late data with slowly changing dimensions.', [
      'streaming',
      'slowly changing dimension',
      'Kafka'
    ])
    expect(result.covered.map((hit) => [hit.term, hit.heard, hit.how])).toEqual([
      ['streaming', 'stream', 'stem'],
      ['slowly changing dimension', 'slowly changing dimensions', 'stem']
    ])
    expect(result.missing).toEqual([{ term: 'Kafka', source: 'listed', weight: 1 }])
    expect(result.ratio).toBeCloseTo(2 / 3, 3)
  })

  it('counts acronyms said letter by letter', () => {
    expect(heard('We used an S C D two table and a classic E T L job.', ['SCD2', 'ETL'])).toEqual({
      SCD2: 'S C D two',
      ETL: 'E T L'
    })
  })

  it('counts jargon split into words', () => {
    const result = coverage('The DAG runs in air flow every night.', ['Airflow'])
    expect(result.covered).toMatchObject([{ term: 'Airflow', heard: 'air flow', how: 'compound' }])
  })

  it('counts misheard jargon that sounds and is spelled alike', () => {
    const result = coverage('We write the output as park a files on S3.', ['Parquet'])
    expect(result.covered).toMatchObject([{ term: 'Parquet', heard: 'park a', how: 'fuzzy' }])
    expect(heard('We ingest through Cafka topics.', ['Kafka'])).toEqual({ Kafka: 'Cafka' })
  })

  it('never lets short or everyday words fuzzy-match a term', () => {
    const result = coverage('I like the park. We parked the idea, put it in a packet and a pocket, and had a spark of insight.', [
      'Parquet',
      'Kafka',
      'Spark'
    ])
    expect(result.covered.map((hit) => hit.term)).toEqual(['Spark'])
    expect(result.covered[0]!.how).toBe('exact')
    expect(coverage('it is like a table', ['Delta Lake', 'Hive', 'ETL', 'Kafka']).covered).toEqual([])
  })

  it('accepts terms with a parenthesised acronym', () => {
    expect(heard('We rely on CDC from the source database.', ['Change Data Capture (CDC)'])).toEqual({
      'Change Data Capture (CDC)': 'CDC'
    })
  })

  it('reports character offsets that quote the transcript', () => {
    const text = 'Then, um, we moved to park a files.'
    const [hit] = coverage(text, ['Parquet']).covered
    expect(text.slice(hit!.startChar, hit!.endChar)).toBe(hit!.heard)
  })

  it('weighs terms: a defined concept counts more than a tool named once in a diagram', () => {
    const lexicon = compileLexicon(defaultLexicon)
    const details: KeyTerm[] = [
      { term: 'change data capture', aliases: ['CDC'], source: 'defined', weight: 2 },
      { term: 'Parquet', aliases: [], source: 'technology', weight: 0.5 }
    ]
    const question: Question = { ...batchVsStreamingQuestion, keyTerms: details.map((d) => d.term), keyTermDetails: details }
    const score = (text: string) => matchKeyTerms(analyzeTranscript(text, lexicon, undefined), lexicon, question)
    expect(score('We read the CDC stream.').ratio).toBe(0.8)
    expect(score('We write Parquet.').ratio).toBe(0.2)
    const hit = score('We read the CDC stream.').covered[0]!
    expect(hit).toMatchObject({ term: 'change data capture', source: 'defined', weight: 2, how: 'alias', heard: 'CDC' })
  })

  it('reads a parsed term\'s slash as part of its name, not as two terms', () => {
    const lexicon = compileLexicon(defaultLexicon)
    const details: KeyTerm[] = [{ term: 'Pub/Sub', aliases: ['pub sub'], source: 'technology', weight: 1 }]
    const question: Question = { ...batchVsStreamingQuestion, keyTerms: ['Pub/Sub'], keyTermDetails: details }
    const score = (text: string) => matchKeyTerms(analyzeTranscript(text, lexicon, undefined), lexicon, question).covered.length
    expect(score('We subscribe to a sub topic.')).toBe(0)
    expect(score('Google Pub Sub fans it out.')).toBe(1)
  })

  it('gives a question with few terms a smaller share of the key-terms weight', () => {
    expect(coverage('Kafka', ['Kafka']).weightShare).toBe(0.25)
    expect(coverage('Kafka', ['Kafka', 'Flink', 'Spark', 'Redis']).weightShare).toBe(1)
  })

  it('counts full coverage at the heaviest few terms, not at every name', () => {
    const terms = ['Kafka', 'Flink', 'Spark', 'Redis', 'Grafana', 'S3', 'Parquet', 'Airflow', 'dbt', 'Trino']
    expect(coverage('Kafka Flink Spark Redis Grafana S3', terms).ratio).toBe(1)
    expect(coverage('Kafka Flink Spark', terms).ratio).toBe(0.5)
  })
})

