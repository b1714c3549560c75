import { extractKeyTerms } from '../banks/key-terms'
import type { Question, Rubric } from '../banks/types'

/**
 * Hand-built questions, rubrics and answers shared by the scorer's tests and benchmark. The
 * rubrics copy the built-in banks' "How Interviewers Evaluate These" and "Interview Answer
 * Template" sections the way the bank parser extracts them.
 */

export const batchVsStreamingQuestion: Question = {
  id: 'advanced-de-system-design/batch-vs-streaming/how-do-you-decide-batch-vs-streaming',
  bankId: 'advanced-de-system-design',
  sectionPath: ['Batch vs Streaming Design Decisions (Q1-5)'],
  section: 'Batch vs Streaming Design Decisions (Q1-5)',
  title: 'How do you decide batch vs streaming?',
  prompt: 'How do you decide batch vs streaming?',
  kind: 'system-design',
  answer: null,
  setupCode: [],
  keyTerms: ['batch', 'streaming', 'latency', 'Kafka', 'Spark', 'cost'],
  keyTermDetails: [],
  tips: [],
  diagrams: [],
  rubricId: 'advanced-de-system-design/rubric',
  alsoIn: []
}

const criterion = (id: string, label: string, examples: string[] = []) => ({ id, label, description: label, examples })

export const systemDesignRubric: Rubric = {
  id: 'advanced-de-system-design/rubric',
  bankId: 'advanced-de-system-design',
  title: 'How Interviewers Evaluate These',
  appliesTo: ['system-design', 'scenario'],
  listenFor: [
    criterion('decision-frameworks-with-trade-offs', 'Decision frameworks with trade-offs'),
    criterion('real-failure-stories-and-lessons', 'Real failure stories and lessons'),
    criterion('preventive-thinking', 'Preventive thinking'),
    criterion('business-alignment', 'Business alignment')
  ],
  reject: [
    criterion('tool-only-answers', 'Tool-only answers', ['just use Spark']),
    criterion('absolutist-thinking', 'Absolutist thinking', ['always use X']),
    criterion('over-engineering', 'Over-engineering')
  ],
  template: [
    { id: 'success', label: 'SUCCESS', description: 'Situation, action, result' },
    { id: 'failure', label: 'FAILURE', description: 'What went wrong, lesson learned' },
    { id: 'trade-off', label: 'TRADE-OFF', description: 'When I chose A over B, why' }
  ]
}

/** The built-in STAR rubric (question-banks/star-rubric.md) as the parser reads it. */
export const starRubric: Rubric = {
  id: 'star-rubric:how-interviewers-evaluate-these',
  bankId: 'star-rubric',
  title: 'STAR Rubric for Behavioral Answers — How Interviewers Evaluate These',
  appliesTo: ['behavioral'],
  listenFor: [
    { id: 'situation', label: 'Situation', description: 'Situation: the context, with its scale and constraints ("10 TB")', examples: ['10 TB'] },
    { id: 'task', label: 'Task', description: 'Task: the goal the candidate owned, stated as a target', examples: ['Reduce time for migration'] },
    { id: 'action', label: 'Action', description: 'Action: concrete steps the candidate took, in order', examples: ['Create partitions of 7 days'] },
    { id: 'result', label: 'Result', description: 'Result: a measured outcome and its impact', examples: ['completed in 240 mins'] }
  ],
  reject: [
    criterion('team-only-stories-that-hide-the-candidate-s-own-part', "Team-only stories that hide the candidate's own part", ['we did it']),
    criterion('results-without-numbers', 'Results without numbers', ['it went well']),
    criterion('rambling-context-with-no-action-or-result', 'Rambling context with no action or result')
  ],
  template: [
    { id: 'situation', label: 'Situation', description: 'Context, scale, constraints' },
    { id: 'task', label: 'Task', description: 'Your goal and what success meant' },
    { id: 'action', label: 'Action', description: 'The steps you took and why' },
    { id: 'result', label: 'Result', description: 'Measured outcome, impact, lesson' }
  ]
}

export const behavioralQuestion: Question = {
  ...batchVsStreamingQuestion,
  id: 'behavioral/inefficiency',
  bankId: 'behavioral',
  title: 'Tell me about a time you saw an inefficiency in a data pipeline. How did you solve it?',
  prompt: 'Tell me about a time you saw an inefficiency in a data pipeline. How did you solve it?',
  kind: 'behavioral',
  keyTerms: [],
  rubricId: starRubric.id
}

const dashboardAnswer = [
  'LATENCY REQUIREMENTS: truck location < 30 seconds, delay alerts < 1 minute.',
  '',
  '```',
  '[Scan Events] → Kafka → Flink (CEP) → Redis (State) → Grafana (Live)',
  '```',
  '',
  '**Key Design Decisions:**',
  '1. **Flink over Spark Streaming:** Lower latency for real-time CEP (Complex Event Processing)',
  '2. **Redis for state:** Sub-millisecond reads for dashboard',
  '3. **Push vs Pull:** Pull from Redis (simple), push via WebSocket for critical alerts'
].join('\n')

/** A design question with a model answer, as parsed from the system-design bank (key terms included). */
export const dashboardQuestion: Question = {
  ...batchVsStreamingQuestion,
  id: 'system-design/real-time-dashboard',
  title: 'Design real-time dashboard for operations team',
  prompt: 'Design real-time dashboard for operations team',
  kind: 'system-design',
  answer: dashboardAnswer,
  ...(() => {
    const terms = extractKeyTerms({ title: 'Design real-time dashboard for operations team', prompt: '', answer: dashboardAnswer })
    return { keyTerms: terms.map((t) => t.term), keyTermDetails: terms }
  })()
}

/** A concept question of the technical profile. */
export const conceptQuestion: Question = {
  ...batchVsStreamingQuestion,
  id: 'concept/kafka-vs-sqs',
  title: 'Kafka vs SQS vs Pub/Sub',
  prompt: 'Kafka vs SQS vs Pub/Sub',
  kind: 'concept',
  keyTerms: ['Kafka', 'SQS', 'Pub/Sub', 'ordering', 'retention', 'replay'],
  keyTermDetails: []
}

export const reasonedAnswer = [
  'It depends on the latency the business actually needs and what it is worth to them.',
  'Batch is simpler and cheaper, while streaming gives fresher data at the cost of more operational complexity.',
  'At my last company the fraud team needed alerts within seconds, so I chose streaming with Kafka over hourly batch because a delayed alert meant lost revenue.',
  'For the finance reporting, on the other hand, we kept nightly batch jobs in Spark, since the stakeholders only looked at it in the morning and batch cost a fraction of the cluster.',
  'One thing went wrong early on: late events broke our windowed aggregates and the numbers were off for a week.',
  'The lesson I learned was to plan for late data from day one.',
  'In the post-mortem I added monitoring on event lag, alerting when the watermark fell behind, and a data contract with validation on the producer side to prevent bad records.',
  'As a result we cut the detection time from four hours to under two minutes and saved about 30 percent of the compute cost.',
  'So my framework is: start from the SLA and the cost of stale data, and pick streaming only when the latency justifies the extra cost.'
].join(' ')

export const sloganAnswer = 'Just use Spark, always stream everything.'

/** A complete STAR story: context with scale, an owned goal, steps with "I", a measured result. */
export const starStory = [
  'At my last company our nightly Spark job that built the orders fact table had grown to six hours on four terabytes.',
  'My goal was to get it under two hours without adding hardware.',
  'I profiled the job and found a join that shuffled the whole table, so I rewrote it to read only the new date partition and I broadcast the small dimension.',
  'I also added a row count check that alerts when the incremental load misses data.',
  'As a result the runtime dropped from six hours to forty minutes and the cluster cost fell by sixty percent.'
].join(' ')

/** A long, plausible answer for timing: the reasoned answer and some filler talk, repeated to `words` words. */
export function longTranscript(words: number): string {
  const base = `${reasonedAnswer} Um, you know, I think the main thing, uh, is basically to keep it simple when the need is small.`
  const baseWords = base.split(/\s+/)
  const out: string[] = []
  while (out.length < words) out.push(...baseWords)
  return out.slice(0, words).join(' ')
}
