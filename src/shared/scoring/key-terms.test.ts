import { describe, expect, it } from 'vitest'
import type { Question } from '../banks/types'
import { analyzeTranscript } from './analysis'
import { compileLexicon } from './compile'
import { defaultLexicon } from './default-lexicon'
import { matchKeyTerms } from './key-terms'
import { batchVsStreamingQuestion } from './test-fixtures'

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
    expect(result.missing).toEqual(['Kafka'])
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
})
