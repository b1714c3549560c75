import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultLexicon } from './default-lexicon'
import { defaultProfiles } from './default-profiles'
import { parseLexicon } from './lexicon'
import { ScoreReportSchema } from './report-schema'
import { scoreTranscript, type ScoreInput } from './score-transcript'
import {
  batchVsStreamingQuestion,
  behavioralQuestion,
  conceptQuestion,
  dashboardQuestion,
  reasonedAnswer,
  sloganAnswer,
  starRubric,
  starStory,
  systemDesignRubric
} from '../../../tests/fixtures/scoring-fixtures'

const base: Omit<ScoreInput, 'transcript'> = {
  question: batchVsStreamingQuestion,
  rubric: systemDesignRubric,
  lexicon: defaultLexicon,
  profiles: defaultProfiles
}

/** Word times at a steady 150 WPM. */
const spokenWords = (text: string) => text.split(' ').map((word, i) => ({ startMs: i * 400, endMs: i * 400 + 330, text: word }))

describe('scoreTranscript: a design answer', () => {
  const reasoned = scoreTranscript({ ...base, transcript: reasonedAnswer, words: spokenWords(reasonedAnswer), timeBoxMs: 120_000 })
  const slogan = scoreTranscript({ ...base, transcript: sloganAnswer, words: spokenWords(sloganAnswer), timeBoxMs: 120_000 })

  it('is scored by the system-design profile, and says so', () => {
    expect(reasoned.profile).toEqual({ id: 'system-design', label: 'System design' })
    expect(reasoned.components.map((c) => c.id)).toEqual(['rubric', 'checklist', 'keyTerms', 'delivery'])
    expect(reasoned.explanation[0]).toBe('Profile: System design.')
  })

  it('has no STAR part at all', () => {
    expect(reasoned.star).toBeNull()
    expect(reasoned.components.some((c) => c.id === 'star' || c.id === 'ownership' || c.id === 'quantifiedResult')).toBe(false)
    expect(reasoned.criteria.some((c) => c.detector === 'team-only' || c.detector === 'rambling')).toBe(false)
  })

  it('scores a reasoned answer far above a slogan', () => {
    expect(reasoned.overall).toBeGreaterThanOrEqual(70)
    expect(reasoned.band).toBe('strong')
    expect(slogan.overall).toBeLessThanOrEqual(15)
    expect(slogan.band).toBe('weak')
  })

  it('hears every listen-for criterion in the reasoned answer and flags nothing', () => {
    const listen = reasoned.criteria.filter((c) => c.kind === 'listen')
    expect(listen.map((c) => [c.id, c.met])).toEqual(listen.map((c) => [c.id, true]))
    expect(reasoned.criteria.filter((c) => c.flagged)).toEqual([])
    expect(reasoned.keyTerms.missing).toEqual([])
  })

  it('flags the slogan as tool-only and absolutist, with its own words as evidence', () => {
    const flagged = slogan.criteria.filter((c) => c.flagged)
    expect(flagged.map((c) => [c.id, c.detector])).toEqual([
      ['tool-only-answers', 'tool-only'],
      ['absolutist-thinking', 'absolutist']
    ])
    const { each } = defaultProfiles.penalty
    expect(slogan.penalties.map((p) => p.points)).toEqual([each, each])
    expect(flagged[0]!.evidence[0]).toMatchObject({ quote: sloganAnswer, startChar: 0, endChar: sloganAnswer.length })
  })

  it('produces a report that satisfies its schema and quotes the transcript', () => {
    expect(ScoreReportSchema.parse(reasoned)).toEqual(reasoned)
    expect(ScoreReportSchema.parse(slogan)).toEqual(slogan)
    for (const criterion of reasoned.criteria) {
      for (const evidence of criterion.evidence) expect(reasonedAnswer.slice(evidence.startChar, evidence.endChar)).toBe(evidence.quote)
    }
  })

  it('adds up: components to 100 before penalties, points to the overall score', () => {
    expect(reasoned.explanation.at(-1)).toMatch(new RegExp(`= ${reasoned.overall}/100 \\(strong\\)`))
    expect(slogan.explanation.join('\n')).toMatch(/Tool-only answers −12/)
    expect(Math.round(reasoned.components.reduce((sum, c) => sum + c.points, 0))).toBe(reasoned.overall)
    expect(reasoned.components.reduce((sum, c) => sum + c.effectiveWeight, 0)).toBeCloseTo(100, 5)
  })

  it('hands the weight of a part with nothing to judge to the others', () => {
    const report = scoreTranscript({ ...base, question: { ...batchVsStreamingQuestion, keyTerms: [] }, transcript: reasonedAnswer })
    expect(report.components.find((c) => c.id === 'keyTerms')).toMatchObject({ value: null, effectiveWeight: 0, points: 0 })
    expect(report.components.reduce((sum, c) => sum + c.effectiveWeight, 0)).toBeCloseTo(100, 5)
  })

  it('gives a question with few key terms a smaller key-terms weight', () => {
    const two = scoreTranscript({ ...base, question: { ...batchVsStreamingQuestion, keyTerms: ['Kafka', 'Parquet'] }, transcript: reasonedAnswer })
    const six = scoreTranscript({ ...base, transcript: reasonedAnswer })
    expect(two.keyTerms.weightShare).toBe(0.5)
    expect(six.keyTerms.weightShare).toBe(1)
    const weightOf = (report: typeof two) => report.components.find((c) => c.id === 'keyTerms')!.effectiveWeight
    expect(weightOf(two)).toBeLessThan(weightOf(six) * 0.6)
    // Missing one of two terms costs a few points, not twenty.
    const without = scoreTranscript({ ...base, question: { ...batchVsStreamingQuestion, keyTerms: ['Kafka', 'Parquet'] }, transcript: reasonedAnswer.replace(/Kafka/g, 'a queue') })
    expect(two.overall - without.overall).toBeLessThanOrEqual(10)
  })

  it('attaches word times to evidence when they are given', () => {
    const firstEvidence = reasoned.criteria[0]!.evidence[0]!
    expect(firstEvidence.startMs).toBe(0)
    expect(reasoned.delivery.durationSource).toBe('words')
  })

  it('works with a lexicon parsed from plain data', () => {
    const copy = parseLexicon(JSON.parse(JSON.stringify(defaultLexicon)))
    expect(scoreTranscript({ ...base, lexicon: copy, transcript: reasonedAnswer })).toEqual(scoreTranscript({ ...base, transcript: reasonedAnswer }))
  })

  it('coaches three changes, the most valuable first, each with a line to say', () => {
    const report = scoreTranscript({ ...base, question: dashboardQuestion, transcript: 'Trucks send events to Kafka and a job writes the latest position into a table that the dashboard reads.' })
    expect(report.coaching).toHaveLength(3)
    const points = report.coaching.map((c) => c.points)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    for (const item of report.coaching) {
      expect(item.change.length).toBeGreaterThan(5)
      expect(item.say.length).toBeGreaterThan(20)
    }
  })
})

describe('scoreTranscript: profiles per kind', () => {
  it('scores a story with the behavioral profile: STAR, ownership and a quantified result', () => {
    const report = scoreTranscript({ ...base, question: behavioralQuestion, rubric: starRubric, transcript: starStory })
    expect(report.profile.id).toBe('behavioral')
    expect(report.components.map((c) => c.id)).toEqual(['rubric', 'star', 'ownership', 'quantifiedResult', 'delivery'])
    expect(report.checklist).toBeNull()
    expect(report.star?.quantifiedResult).toBe(true)
    expect(report.criteria.filter((c) => c.kind === 'reject').map((c) => c.detector)).toEqual(['team-only', 'results-without-numbers', 'rambling'])
    expect(report.criteria.filter((c) => c.flagged)).toEqual([])
    expect(report.band).toBe('strong')
  })

  it('never applies a design reject to a story, nor a STAR reject to a design', () => {
    const story = scoreTranscript({ ...base, question: behavioralQuestion, rubric: systemDesignRubric, transcript: 'We always use Spark. We just use Kafka.' })
    expect(story.criteria.filter((c) => c.kind === 'reject').map((c) => c.detector)).toEqual(['team-only', 'results-without-numbers', 'rambling'])
    const design = scoreTranscript({ ...base, rubric: starRubric, transcript: 'We built it and it went well.' })
    expect(design.criteria.filter((c) => c.kind === 'reject').map((c) => c.detector)).toEqual(['tool-only', 'absolutist', 'over-engineering'])
    // The STAR rubric's listen criteria (Situation…Result) do not score a design.
    expect(design.criteria.filter((c) => c.kind === 'listen')).toEqual([])
  })

  it('scores SQL, coding and concept answers on key terms, correctness cues and delivery', () => {
    const report = scoreTranscript({ ...base, question: conceptQuestion, transcript: reasonedAnswer })
    expect(report.profile.id).toBe('technical')
    expect(report.components.map((c) => c.id)).toEqual(['checklist', 'keyTerms', 'delivery'])
    expect(report.checklist?.label).toBe('Concept correctness cues')
    expect(report.criteria.filter((c) => c.kind === 'listen')).toEqual([])
    const sql = scoreTranscript({ ...base, question: { ...conceptQuestion, kind: 'sql' }, transcript: 'I would use ROW_NUMBER over a partition by customer id.' })
    expect(sql.checklist?.label).toBe('SQL correctness cues')
  })

  it('scores an incident scenario with its own checklist', () => {
    const report = scoreTranscript({ ...base, question: { ...batchVsStreamingQuestion, kind: 'scenario' }, transcript: 'First I would check the impact and tell the stakeholders.' })
    expect(report.profile.id).toBe('scenario')
    expect(report.checklist?.items.find((i) => i.id === 'impact')?.met).toBe(true)
    expect(report.checklist?.items.find((i) => i.id === 'communication')?.met).toBe(true)
  })
})

describe('scoreTranscript: edge cases', () => {
  it.each(['', '   ', 'Um, uh, you know.'])('scores %j without failing', (transcript) => {
    const report = scoreTranscript({ ...base, transcript, durationMs: 10_000 })
    expect(ScoreReportSchema.parse(report)).toEqual(report)
    expect(report.overall).toBe(0)
  })

  it('judges "nearby" within clauses of unpunctuated speech', () => {
    const reason = 'because the data is huge and the team already knows it'
    const padding = Array.from({ length: 60 }, () => 'and then the data goes to the warehouse').join(' ')
    const transcript = `we would use Spark ${reason} ${padding} and finally we use Kafka and Flink and Airflow and Snowflake`
    const report = scoreTranscript({ ...base, transcript })
    const toolOnly = report.criteria.find((c) => c.id === 'tool-only-answers')!
    // One reasoned choice in a long answer: not tool-only, even with a list at the end.
    expect(toolOnly.flagged).toBe(false)
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
      { numRuns: 120 }
    )
  })

  it('does not change key-term coverage when sentences are reordered', () => {
    const question = { ...batchVsStreamingQuestion, keyTerms: [...batchVsStreamingQuestion.keyTerms, 'Parquet', 'SCD2', 'Airflow', 'ETL', 'Flink'] }
    const pool = [...sentencePool, 'We stored park a files.', 'The S C D two table is rebuilt by air flow.', 'A small E T L job.']
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pool, { minLength: 1 }).chain((sentences) => fc.tuple(fc.constant(sentences), fc.shuffledSubarray(sentences, { minLength: sentences.length }))),
        ([sentences, shuffled]) => {
          const covered = (text: string) => scoreTranscript({ ...base, question, transcript: text }).keyTerms.covered.map((hit) => hit.term).sort()
          expect(covered(shuffled.join(' '))).toEqual(covered(sentences.join(' ')))
        }
      ),
      { numRuns: 80 }
    )
  })

  it('gives the same report for the same input', () => {
    fc.assert(
      fc.property(answerArb, fc.option(fc.integer({ min: 1_000, max: 300_000 }), { nil: undefined }), (answer, durationMs) => {
        const input = { ...base, transcript: answer, durationMs, timeBoxMs: 120_000 }
        expect(scoreTranscript(input)).toEqual(scoreTranscript({ ...input }))
        expect(JSON.parse(JSON.stringify(scoreTranscript(input)))).toEqual(scoreTranscript(input))
      }),
      { numRuns: 50 }
    )
  })
})
