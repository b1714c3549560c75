import { describe, expect, it } from 'vitest'
import type { AnswerAssessment, AssessedCriterion } from './assessment'
import { chooseFollowUps, MAX_FOLLOW_UPS_PER_ANSWER, type FollowUpInput } from './follow-up-policy'

const criterion = (id: string, topic: AssessedCriterion['topic'], met: boolean, source: AssessedCriterion['source'] = 'rubric'): AssessedCriterion => ({
  id,
  label: id.replace(/-/g, ' '),
  source,
  met,
  strength: met ? 1 : 0,
  topic
})

/** The system-design bank's rubric and template, all heard unless a test says otherwise. */
function designAssessment(missing: readonly string[] = [], extra: Partial<AnswerAssessment> = {}): AnswerAssessment {
  const all: Array<[string, AssessedCriterion['topic'], AssessedCriterion['source']]> = [
    ['decision-frameworks-with-trade-offs', 'trade-off', 'rubric'],
    ['real-failure-stories-and-lessons', 'failure', 'rubric'],
    ['preventive-thinking', 'prevention', 'rubric'],
    ['business-alignment', 'business', 'rubric'],
    ['success', 'success', 'template'],
    ['failure', 'failure', 'template'],
    ['trade-off', 'trade-off', 'template']
  ]
  return {
    profile: 'system-design',
    style: 'design',
    criteria: all.map(([id, topic, source]) => criterion(id, topic, !missing.includes(id), source)),
    flags: [],
    star: null,
    keyTermsMissing: [],
    keyTermsCovered: ['Kafka'],
    wordCount: 180,
    overall: 60,
    ...extra
  }
}

function storyAssessment(star: Partial<NonNullable<AnswerAssessment['star']>> = {}, extra: Partial<AnswerAssessment> = {}): AnswerAssessment {
  const full = { situation: true, task: true, action: true, result: true, quantifiedResult: true, ownershipRatio: 0.9, ...star }
  return {
    profile: 'behavioral',
    style: 'story',
    criteria: (['situation', 'task', 'action', 'result'] as const).map((part) => criterion(part, part, full[part])),
    flags: [],
    star: full,
    keyTermsMissing: [],
    keyTermsCovered: [],
    wordCount: 240,
    overall: 70,
    ...extra
  }
}

const lagQuestion = {
  kind: 'scenario',
  title: 'Handle slow downstream systems',
  prompt: 'Handle slow downstream systems',
  answer: '```python\n# PATTERN 1: Backpressure\n# Slow down producer when consumer can\'t keep up\n```'
}
const netflixQuestion = {
  kind: 'system-design',
  title: 'Construct me a data pipeline for near-RT ingestion of Netflix IoT Data',
  prompt: 'Construct me a data pipeline for near-RT ingestion of Netflix IoT Data: click stream data or playback data.',
  answer: 'End Goal :\n  - Reduce customer churn : user base retention\n\nClarifying Questions :\n- DAU\n'
}
const versusQuestion = { kind: 'concept', title: 'How do you decide batch vs streaming?', prompt: 'How do you decide batch vs streaming?', answer: null }
const storyQuestion = { kind: 'behavioral', title: 'Tell me about a time you fixed a slow pipeline', prompt: 'Tell me about a time you fixed a slow pipeline', answer: null }

const choose = (input: FollowUpInput) => chooseFollowUps(input).map(({ rule, text, reason }) => ({ rule, text, reason }))

describe('chooseFollowUps: designs', () => {
  it('presses on a missing failure story in the model answer’s own words', () => {
    expect(choose({ question: lagQuestion, assessment: designAssessment(['real-failure-stories-and-lessons', 'failure']) })).toEqual([
      {
        rule: 'rubric-criterion',
        text: 'What happens when the consumer falls behind? Have you seen that in production, and what did you learn?',
        reason: 'asked because no failure story was heard'
      }
    ])
  })

  it('asks about prevention with the same failure in mind', () => {
    expect(choose({ question: lagQuestion, assessment: designAssessment(['preventive-thinking']) })).toEqual([
      {
        rule: 'rubric-criterion',
        text: 'How would you catch the consumer falling behind before anyone downstream notices, and stop it happening again?',
        reason: 'asked because nothing was said about preventing failures'
      }
    ])
  })

  it('asks for the business impact with the model answer’s goal', () => {
    expect(choose({ question: netflixQuestion, assessment: designAssessment(['business-alignment']) })).toEqual([
      { rule: 'rubric-criterion', text: 'How does your design help reduce customer churn?', reason: 'asked because the business impact was not mentioned' }
    ])
  })

  it('asks for the trade-off between the two options the question names', () => {
    expect(choose({ question: versusQuestion, assessment: designAssessment(['decision-frameworks-with-trade-offs', 'trade-off']) })).toEqual([
      {
        rule: 'rubric-criterion',
        text: 'When would you choose streaming over batch, and what would you give up?',
        reason: 'asked because no trade-off was heard'
      }
    ])
  })

  it('follows the rubric’s order and merges the template’s FAILURE into the rubric’s failure criterion', () => {
    const picked = chooseFollowUps({
      question: lagQuestion,
      assessment: designAssessment(['business-alignment', 'failure', 'real-failure-stories-and-lessons', 'decision-frameworks-with-trade-offs', 'trade-off'])
    })
    expect(picked.map((f) => f.id)).toEqual(['criterion:trade-off', 'criterion:failure'])
  })

  it('does not ask for a topic the template heard even though the rubric missed it', () => {
    expect(chooseFollowUps({ question: lagQuestion, assessment: designAssessment(['real-failure-stories-and-lessons']) })).toEqual([])
    expect(chooseFollowUps({ question: versusQuestion, assessment: designAssessment(['trade-off']) })).toEqual([])
  })

  it('asks nothing when every criterion was heard and nothing else is missing', () => {
    expect(chooseFollowUps({ question: lagQuestion, assessment: designAssessment() })).toEqual([])
  })

  it('quotes a tool-only answer back and asks why', () => {
    const assessment = designAssessment([], {
      flags: [{ id: 'tool-only-answers', label: 'Tool-only answers', kind: 'tool-only', quote: 'Just use Spark.' }]
    })
    expect(choose({ question: lagQuestion, assessment })).toEqual([
      {
        rule: 'reject-flag',
        text: 'You said “Just use Spark”. Why that tool, and what would a simpler option cost you?',
        reason: 'asked because the answer showed: tool-only answers'
      }
    ])
  })

  it('asks about an important missing key term, not a minor one', () => {
    const minor = designAssessment([], { keyTermsMissing: [{ term: 'ORC', weight: 0.5 }] })
    expect(chooseFollowUps({ question: netflixQuestion, assessment: minor })).toEqual([])
    const important = designAssessment([], { keyTermsMissing: [{ term: 'Kinesis', weight: 1 }, { term: 'ORC', weight: 0.5 }] })
    expect(choose({ question: netflixQuestion, assessment: important })).toEqual([
      { rule: 'key-term', text: 'Where would Kinesis fit into this?', reason: 'asked because Kinesis was not mentioned' }
    ])
  })

  it('leads with the bank’s own follow-up, then the biggest gap', () => {
    const picked = choose({
      question: { kind: 'concept', title: 'Please explain what Kinesis is and its role.', prompt: 'Please explain what Kinesis is and its role.', answer: null },
      assessment: designAssessment(['decision-frameworks-with-trade-offs', 'trade-off', 'real-failure-stories-and-lessons', 'failure']),
      bankFollowUps: ['Can you elaborate more on diff between kafka and kinesis?', 'Kafka vs. Kinesis: Producer-Consumer or Pub/Sub?']
    })
    expect(picked).toEqual([
      { rule: 'bank-follow-up', text: 'Can you elaborate more on diff between kafka and kinesis?', reason: "asked because the bank's interviewer asks this next" },
      {
        rule: 'rubric-criterion',
        text: 'What was the main trade-off in your answer? What did you give up, and why was it worth it?',
        reason: 'asked because no trade-off was heard'
      }
    ])
  })
})

describe('chooseFollowUps: stories', () => {
  it('asks for the result before anything else', () => {
    expect(choose({ question: storyQuestion, assessment: storyAssessment({ result: false, quantifiedResult: false, task: false }) })[0]).toEqual({
      rule: 'star-part',
      text: 'How did it turn out? What changed because of what you did?',
      reason: 'asked because the story had no result'
    })
  })

  it('asks for a number when the result had none', () => {
    expect(choose({ question: storyQuestion, assessment: storyAssessment({ quantifiedResult: false }) })).toEqual([
      { rule: 'star-number', text: 'Can you put a number on that result? Time, money or errors saved?', reason: 'asked because the result had no number' }
    ])
  })

  it('asks for the candidate’s own part in a "we" story', () => {
    expect(choose({ question: storyQuestion, assessment: storyAssessment({ ownershipRatio: 0.2 }) })).toEqual([
      { rule: 'star-ownership', text: 'You said “we” a lot. What was your own part in it?', reason: 'asked because the story said “we” more than “I”' }
    ])
  })

  it('counts a STAR part heard by the rubric even when the STAR analysis missed it', () => {
    const assessment = storyAssessment({ action: false })
    assessment.criteria = assessment.criteria.map((c) => (c.topic === 'action' ? { ...c, met: true, strength: 0.7 } : c))
    expect(chooseFollowUps({ question: storyQuestion, assessment })).toEqual([])
  })
})

describe('chooseFollowUps: limits and order', () => {
  const everythingMissing = designAssessment(
    ['decision-frameworks-with-trade-offs', 'real-failure-stories-and-lessons', 'preventive-thinking', 'business-alignment', 'success', 'failure', 'trade-off'],
    {
      flags: [{ id: 'absolutist-thinking', label: 'Absolutist thinking', kind: 'absolutist', quote: 'always stream everything' }],
      keyTermsMissing: [{ term: 'Kafka', weight: 1 }]
    }
  )

  it('never returns more than two, and never more than two in one answer', () => {
    expect(chooseFollowUps({ question: lagQuestion, assessment: everythingMissing })).toHaveLength(MAX_FOLLOW_UPS_PER_ANSWER)
    const first = chooseFollowUps({ question: lagQuestion, assessment: everythingMissing })[0]!
    expect(chooseFollowUps({ question: lagQuestion, assessment: everythingMissing, asked: [first] })).toHaveLength(1)
    const two = chooseFollowUps({ question: lagQuestion, assessment: everythingMissing })
    expect(chooseFollowUps({ question: lagQuestion, assessment: everythingMissing, asked: two })).toEqual([])
  })

  it('never repeats a follow-up asked earlier in the same answer, by id or by words', () => {
    const [first] = chooseFollowUps({ question: lagQuestion, assessment: everythingMissing })
    const next = chooseFollowUps({ question: lagQuestion, assessment: everythingMissing, asked: [first!] })
    expect(next[0]!.id).not.toBe(first!.id)
    expect(next[0]!.text).not.toBe(first!.text)
    const sameWords = chooseFollowUps({ question: lagQuestion, assessment: everythingMissing, asked: [{ id: 'elsewhere', text: first!.text }] })
    expect(sameWords.map((f) => f.text)).not.toContain(first!.text)
  })

  it('gives the same follow-ups in the same order every time', () => {
    const runs = Array.from({ length: 3 }, () => chooseFollowUps({ question: lagQuestion, assessment: everythingMissing, bankFollowUps: ['Why Kafka?'] }))
    expect(runs[1]).toEqual(runs[0])
    expect(runs[2]).toEqual(runs[0])
    expect(runs[0]!.map((f) => f.id)).toEqual(['bank:why-kafka', 'criterion:trade-off'])
  })

  it('asks nothing after an answer too short to follow up', () => {
    expect(chooseFollowUps({ question: lagQuestion, assessment: { ...everythingMissing, wordCount: 5 } })).toEqual([])
  })
})
