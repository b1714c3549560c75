import type { Question, Rubric } from '../banks/types'

/**
 * Hand-built question, rubric and answers shared by the scorer's tests and benchmark. The
 * rubric copies the "How Interviewers Evaluate These" and "Interview Answer Template" sections
 * of the system-design bank, the way the bank parser extracts them.
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

export const starRubric: Rubric = {
  id: 'built-in/star',
  bankId: 'built-in',
  title: 'STAR',
  appliesTo: ['behavioral'],
  listenFor: [],
  reject: [],
  template: [
    { id: 'situation', label: 'Situation', description: 'The context of the story' },
    { id: 'task', label: 'Task', description: 'What you had to achieve' },
    { id: 'action', label: 'Action', description: 'What you did' },
    { id: 'result', label: 'Result', description: 'The outcome, with numbers' }
  ]
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

/** A long, plausible answer for timing: the reasoned answer and some filler talk, repeated to `words` words. */
export function longTranscript(words: number): string {
  const base = `${reasonedAnswer} Um, you know, I think the main thing, uh, is basically to keep it simple when the need is small.`
  const baseWords = base.split(/\s+/)
  const out: string[] = []
  while (out.length < words) out.push(...baseWords)
  return out.slice(0, words).join(' ')
}
