/**
 * The layouts the importer understands, as data: the import preview names the one it found,
 * and when a file holds no questions it lists them all with a short example of each.
 */

export const bankLayoutIds = [
  'headings',
  'numbered-headings',
  'single-question',
  'bold-questions',
  'bold-numbered',
  'question-answer-pairs',
  'question-list',
  'bold-list',
  'question-table',
  'details',
  'loose-notes'
] as const
export type BankLayoutId = (typeof bankLayoutIds)[number]

export interface BankLayoutInfo {
  id: BankLayoutId
  name: string
  /** Three lines of markdown in this layout. */
  example: string
}

export const bankLayouts: readonly BankLayoutInfo[] = [
  { id: 'headings', name: 'A heading per question', example: '## What is a data lake?\n\nRaw files on object storage, read with a schema on read.' },
  { id: 'numbered-headings', name: 'Numbered question headings', example: '### Q1: What is change data capture?\n\nStreaming the changes of a source table from its log.' },
  { id: 'single-question', name: 'One question per file', example: '# Design a clickstream pipeline\n#### Scenario\nA site sends 50k events a second …' },
  { id: 'bold-questions', name: 'Bold questions with answers below', example: '**What is a fact table? [Easy]**\n\nThe table of measurements, keyed by its dimensions.' },
  { id: 'bold-numbered', name: 'Bold numbers before each prompt', example: "**1)** The number of active ads.\n\n`SELECT count(*) FROM ads WHERE status = 'active'`" },
  { id: 'question-answer-pairs', name: 'Q: and A: pairs', example: 'Q: What is a surrogate key?\nA: A key the warehouse makes up,\nindependent of the source.' },
  { id: 'question-list', name: 'A list of questions under a heading', example: '## Behavioral\n1. Tell me about a time you failed.\n2. Describe a conflict with a colleague.' },
  { id: 'bold-list', name: 'A list of bold questions with answers', example: '1. **What is SCD type 2?**\n   A new row per change,\n   with valid-from and valid-to dates.' },
  { id: 'question-table', name: 'A table with a Question column', example: '| Question | Answer |\n|---|---|\n| What is a DAG? | A graph of tasks without cycles. |' },
  { id: 'details', name: 'Answers folded in <details>', example: '<details><summary>What is idempotency?</summary>\nRunning a job twice gives the same result.\n</details>' },
  { id: 'loose-notes', name: 'Notes with questions as sentences', example: 'Case Study: design a near-real-time pipeline for IoT data.\n\nCapacity planning first …' }
]

export function layoutName(id: BankLayoutId): string {
  return bankLayouts.find((l) => l.id === id)?.name ?? id
}
