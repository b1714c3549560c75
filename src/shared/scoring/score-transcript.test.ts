import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultLexicon } from './default-lexicon'
import { parseLexicon } from './lexicon'
import { ScoreReportSchema } from './report-schema'
import { SCORING_WEIGHTS, SCORING_WEIGHTS_DOC, scoreTranscript, type ScoreInput } from './score-transcript'
import { batchVsStreamingQuestion, reasonedAnswer, sloganAnswer, systemDesignRubric } from './test-fixtures'

const base: Omit<ScoreInput, 'transcript'> = {
  question: batchVsStreamingQuestion,
  rubric: systemDesignRubric,
  lexicon: defaultLexicon
}

describe('scoreTranscript: batch vs streaming', () => {
  const reasoned = scoreTranscript({ ...base, transcript: reasonedAnswer, durationMs: 90_000, timeBoxMs: 120_000 })
  const slogan = scoreTranscript({ ...base, transcript: sloganAnswer, durationMs: 4_000, timeBoxMs: 120_000 })

  it('scores a reasoned answer far above a slogan', () => {
    expect(reasoned.overall).toBeGreaterThanOrEqual(75)
    expect(slogan.overall).toBeLessThanOrEqual(15)
    expect(reasoned.overall - slogan.overall).toBeGreaterThanOrEqual(30)
  })

  it('hears every listen-for criterion in the reasoned answer and flags nothing', () => {
    const listen = reasoned.criteria.filter((c) => c.kind === 'listen')
    expect(listen.map((c) => [c.id, c.met])).toEqual(listen.map((c) => [c.id, true]))
    expect(reasoned.criteria.filter((c) => c.flagged)).toEqual([])
    expect(reasoned.template.every((t) => t.met)).toBe(true)
    expect(reasoned.keyTerms.missing).toEqual([])
  })

  it('flags the slogan as tool-only and absolutist', () => {
    const flagged = slogan.criteria.filter((c) => c.flagged).map((c) => c.id)
    expect(flagged).toEqual(['tool-only-answers', 'absolutist-thinking'])
    expect(slogan.penalties.map((p) => p.points)).toEqual([SCORING_WEIGHTS.rejectPenalty, SCORING_WEIGHTS.rejectPenalty])
    expect(slogan.criteria.find((c) => c.id === 'tool-only-answers')!.evidence[0]).toEqual({
      quote: sloganAnswer,
      startChar: 0,
      endChar: sloganAnswer.length
    })
  })

  it('produces a report that satisfies its schema and quotes the transcript', () => {
    expect(ScoreReportSchema.parse(reasoned)).toEqual(reasoned)
    expect(ScoreReportSchema.parse(slogan)).toEqual(slogan)
    for (const criterion of reasoned.criteria) {
      for (const evidence of criterion.evidence) {
        expect(reasonedAnswer.slice(evidence.startChar, evidence.endChar)).toBe(evidence.quote)
      }
    }
  })

  it('explains each component and exposes its weights', () => {
    expect(reasoned.weights).toEqual(SCORING_WEIGHTS)
    expect(reasoned.explanation).toHaveLength(7)
    expect(reasoned.explanation.at(-1)).toMatch(new RegExp(`= ${reasoned.overall}/100`))
    expect(slogan.explanation.join('\n')).toMatch(/Tool-only answers −15/)
    const gained = reasoned.components.reduce((sum, c) => sum + c.points, 0)
    expect(Math.round(gained)).toBe(reasoned.overall)
    expect(reasoned.components.reduce((sum, c) => sum + c.effectiveWeight, 0)).toBeCloseTo(100, 5)
    expect(SCORING_WEIGHTS_DOC).toMatch(/Penalties/)
  })

  it('hands the weight of an empty component to the others', () => {
    const report = scoreTranscript({ ...base, question: { ...batchVsStreamingQuestion, keyTerms: [] }, transcript: reasonedAnswer })
    const keyTerms = report.components.find((c) => c.id === 'keyTerms')!
    expect(keyTerms).toMatchObject({ value: null, effectiveWeight: 0, points: 0 })
    expect(report.components.reduce((sum, c) => sum + c.effectiveWeight, 0)).toBeCloseTo(100, 5)
  })

  it('attaches word times to evidence when they are given', () => {
    const words = reasonedAnswer.split(' ').map((text, i) => ({ startMs: i * 400, endMs: i * 400 + 350, text }))
    const report = scoreTranscript({ ...base, transcript: reasonedAnswer, words })
    const firstEvidence = report.criteria[0]!.evidence[0]!
    expect(firstEvidence.startMs).toBe(0)
    expect(report.delivery.durationSource).toBe('words')
  })

  it('works with a lexicon parsed from plain data', () => {
    const copy = parseLexicon(JSON.parse(JSON.stringify(defaultLexicon)))
    expect(scoreTranscript({ ...base, lexicon: copy, transcript: reasonedAnswer })).toEqual(
      scoreTranscript({ ...base, transcript: reasonedAnswer })
    )
  })
})

describe('scoreTranscript: edge cases', () => {
  it.each(['', '   ', 'Um, uh, you know.'])('scores %j without failing', (transcript) => {
    const report = scoreTranscript({ ...base, transcript, durationMs: 10_000 })
    expect(ScoreReportSchema.parse(report)).toEqual(report)
    expect(report.overall).toBe(0)
  })

  it('judges "nearby" within sentence-sized pieces of unpunctuated speech', () => {
    const reason = 'because the data is huge and the team already knows it'
    const padding = Array.from({ length: 60 }, () => 'and then the data goes to the warehouse').join(' ')
    const transcript = `we would use Spark ${reason} ${padding} and finally we use Kafka and Flink and Airflow and Snowflake`
    const report = scoreTranscript({ ...base, transcript })
    const toolOnly = report.criteria.find((c) => c.id === 'tool-only-answers')!
    expect(toolOnly.flagged).toBe(true)
    const quoted = toolOnly.evidence.map((e) => e.quote).join(' ')
    expect(quoted).toMatch(/Flink/)
    expect(quoted).not.toMatch(/Spark/)
    for (const evidence of toolOnly.evidence) expect(evidence.quote.length).toBeLessThan(transcript.length / 4)
  })
})

const sentencePool = reasonedAnswer.split(/(?<=\.)\s+/)
const fillers = ['um', 'uh', 'um,', 'uh,', 'you know,', 'basically,', 'erm']

describe('scoreTranscript: properties', () => {
  const answerArb = fc.subarray(sentencePool, { minLength: 1 }).map((sentences) => sentences.join(' '))

  it('never raises the score when fillers are added', () => {
    fc.assert(
      fc.property(
        answerArb,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...fillers)), { minLength: 1, maxLength: 12 }),
        fc.option(fc.integer({ min: 5_000, max: 180_000 }), { nil: undefined }),
        (answer, insertions, durationMs) => {
          const words = answer.split(' ')
          for (const [position, filler] of insertions) words.splice(position % (words.length + 1), 0, filler)
          const before = scoreTranscript({ ...base, transcript: answer, durationMs, timeBoxMs: 120_000 })
          const after = scoreTranscript({ ...base, transcript: words.join(' '), durationMs, timeBoxMs: 120_000 })
          expect(after.delivery.fillerCount).toBeGreaterThan(before.delivery.fillerCount)
          expect(after.overall).toBeLessThanOrEqual(before.overall)
        }
      ),
      { numRuns: 150 }
    )
  })

  it('does not change key-term coverage when sentences are reordered', () => {
    const question = { ...batchVsStreamingQuestion, keyTerms: [...batchVsStreamingQuestion.keyTerms, 'Parquet', 'SCD2', 'Airflow', 'ETL', 'Flink'] }
    const pool = [...sentencePool, 'We stored park a files.', 'The S C D two table is rebuilt by air flow.', 'A small E T L job.']
    fc.assert(
      fc.property(
        fc
          .shuffledSubarray(pool, { minLength: 1 })
          .chain((sentences) =>
            fc.tuple(fc.constant(sentences), fc.shuffledSubarray(sentences, { minLength: sentences.length }))
          ),
        ([sentences, shuffled]) => {
        const covered = (text: string) =>
          scoreTranscript({ ...base, question, transcript: text }).keyTerms.covered.map((hit) => hit.term).sort()
        expect(covered(shuffled.join(' '))).toEqual(covered(sentences.join(' ')))
        }
      ),
      { numRuns: 100 }
    )
  })

  it('gives the same report for the same input', () => {
    fc.assert(
      fc.property(answerArb, fc.option(fc.integer({ min: 1_000, max: 300_000 }), { nil: undefined }), (answer, durationMs) => {
        const input = { ...base, transcript: answer, durationMs, timeBoxMs: 120_000 }
        expect(scoreTranscript(input)).toEqual(scoreTranscript({ ...input }))
        expect(JSON.parse(JSON.stringify(scoreTranscript(input)))).toEqual(scoreTranscript(input))
      }),
      { numRuns: 60 }
    )
  })
})
