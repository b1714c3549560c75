import { describe, expect, it } from 'vitest'
import { scoreTranscript } from '../scoring'
import { defaultLexicon } from '../scoring/default-lexicon'
import { defaultProfiles } from '../scoring/default-profiles'
import { batchVsStreamingQuestion, reasonedAnswer, sloganAnswer, starRubric, systemDesignRubric } from '../../../tests/fixtures/scoring-fixtures'
import { assessmentFromReport, keyTermWeight, topicOf } from './assessment'
import { chooseFollowUps } from './follow-up-policy'

const score = (transcript: string, rubric = systemDesignRubric, question = batchVsStreamingQuestion) =>
  scoreTranscript({ transcript, question, rubric, lexicon: defaultLexicon, profiles: defaultProfiles })

describe('assessmentFromReport', () => {
  it('carries the rubric and the profile checklist results over with their topics, in the rubric’s order', () => {
    const report = score(reasonedAnswer)
    const assessment = assessmentFromReport(report, batchVsStreamingQuestion)
    const checklist = report.checklist?.items ?? []
    expect(checklist.length).toBeGreaterThan(0)
    expect(assessment.criteria.map((c) => [c.source, c.id, c.topic, c.met])).toEqual([
      ['rubric', 'decision-frameworks-with-trade-offs', 'trade-off', true],
      ['rubric', 'real-failure-stories-and-lessons', 'failure', true],
      ['rubric', 'preventive-thinking', 'prevention', true],
      ['rubric', 'business-alignment', 'business', true],
      ...checklist.map((item) => ['template', item.id, topicOf(item.label), item.met])
    ])
    expect(assessment.criteria.find((c) => c.id === 'requirements')?.topic).toBe('clarifying')
    expect(assessment).toMatchObject({ profile: 'system-design', style: 'design', star: null, flags: [] })
    expect(assessment.wordCount).toBeGreaterThan(100)
  })

  it('counts the words of the answer as it stands: a correction over a recording whisper heard little of', () => {
    const report = score(reasonedAnswer)
    // Whisper heard nothing; the candidate typed the answer in as a correction.
    const heardNothing = { ...report, delivery: { ...report.delivery, wordCount: 0 } }
    expect(assessmentFromReport(heardNothing, batchVsStreamingQuestion).wordCount).toBe(0)
    const corrected = assessmentFromReport(heardNothing, batchVsStreamingQuestion, 'system-design', reasonedAnswer)
    expect(corrected.wordCount).toBe(reasonedAnswer.split(/\s+/).filter(Boolean).length)
    expect(chooseFollowUps({ question: batchVsStreamingQuestion, assessment: corrected }).length).toBeGreaterThan(0)
  })

  it('turns rejected patterns into flags with the words that showed them', () => {
    const assessment = assessmentFromReport(score(sloganAnswer), batchVsStreamingQuestion)
    expect(assessment.flags.map((f) => f.kind)).toEqual(['tool-only', 'absolutist'])
    expect(assessment.flags[0]!.quote).toMatch(/Spark/)
    expect(assessment.keyTermsMissing.map((t) => t.term)).toEqual(['batch', 'latency', 'Kafka', 'cost'])
  })

  it('weighs missing key terms the question names above the others, keeping the bank’s order within a weight', () => {
    const assessment = assessmentFromReport(score('Kafka and Spark, nothing else said about it at all here.'), batchVsStreamingQuestion)
    expect(assessment.keyTermsMissing).toEqual([
      { term: 'batch', weight: 1 },
      { term: 'streaming', weight: 1 },
      { term: 'latency', weight: 0.5 },
      { term: 'cost', weight: 0.5 }
    ])
    expect(assessment.keyTermsCovered).toEqual(['Kafka', 'Spark'])
  })

  it('reads stories through STAR', () => {
    const story = { ...batchVsStreamingQuestion, kind: 'behavioral' as const, keyTerms: [] }
    const report = score('We had a slow nightly job. We rewrote the job in Spark and we tuned its partitions. It went well.', starRubric, story)
    const assessment = assessmentFromReport(report, story)
    expect(assessment.style).toBe('story')
    expect(assessment.star).toMatchObject({ quantifiedResult: false, ownershipRatio: 0 })
  })

  it('feeds the policy end to end: the slogan is quoted back', () => {
    const assessment = assessmentFromReport(score(`${sloganAnswer} It is fast and everyone uses it for everything today.`), batchVsStreamingQuestion)
    const followUps = chooseFollowUps({ question: batchVsStreamingQuestion, assessment })
    expect(followUps.map((f) => f.rule)).toEqual(['rubric-criterion', 'rubric-criterion'])
    expect(followUps[0]!.text).toBe('When would you choose streaming over batch, and what would you give up?')
  })
})

describe('topicOf and keyTermWeight', () => {
  it('prefers the lexicon concept, else reads the label', () => {
    expect(topicOf('Whatever', ['failure-stories'])).toBe('failure')
    expect(topicOf('Preventive thinking')).toBe('prevention')
    expect(topicOf('Business alignment')).toBe('business')
    expect(topicOf('Decision frameworks with trade-offs')).toBe('trade-off')
    expect(topicOf('Mentions the weather')).toBe('other')
  })

  it('gives weight 1 to a term the question itself names', () => {
    expect(keyTermWeight('Streaming', { title: 'How do you decide batch vs streaming?', prompt: '' })).toBe(1)
    expect(keyTermWeight('Kafka', { title: 'How do you decide batch vs streaming?', prompt: '' })).toBe(0.5)
  })
})
