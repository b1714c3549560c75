import { describe, expect, it } from 'vitest'
import { classifyKind, type KindSignals } from './classify-kind'
import type { QuestionKind } from './types'

const noSignals = (): KindSignals => ({ codeChars: new Map(), proseChars: 0, starParts: 0, hasSqlSetup: false })

/** [title, sections (outermost first; the bank title comes first in the parser), expected kind] */
const table: Array<[string, string[], QuestionKind]> = [
  // Behavioral: stories, asked in the candidate's own past.
  ['Tell me about a time you failed.', [], 'behavioral'],
  ['Tell me about yourself.', [], 'behavioral'],
  ['Describe a situation where you had to meet a tight deadline.', [], 'behavioral'],
  ['Give me an example of a time you influenced without authority.', [], 'behavioral'],
  ['Walk me through your resume.', [], 'behavioral'],
  ['Have you ever disagreed with your manager?', [], 'behavioral'],
  ['How did you handle a conflict in your team?', [], 'behavioral'],
  ['What is your greatest weakness?', [], 'behavioral'],
  ['Why do you want to work here?', [], 'behavioral'],
  ['Where do you see yourself in five years?', [], 'behavioral'],
  ['How do you handle criticism?', [], 'behavioral'],
  ['How do you handle a low performer on your team?', ['Leadership'], 'behavioral'],
  ['A project you are proud of', ['Behavioral'], 'behavioral'],
  ['Describe a time when you took the initiative on a data quality problem.', [], 'behavioral'],
  ['What would your colleagues say about you?', [], 'behavioral'],
  // System design: build or design something.
  ['Design a URL shortener', [], 'system-design'],
  ['Design an end-to-end logistics analytics system', [], 'system-design'],
  ['How would you design a clickstream pipeline for 1M events a second?', [], 'system-design'],
  ['Build a near-real-time fraud scoring pipeline', [], 'system-design'],
  ['Propose an architecture for a lakehouse migration', [], 'system-design'],
  ['What architecture would you choose for CDC from Postgres?', [], 'system-design'],
  ['Case study: a ride-sharing data platform', [], 'system-design'],
  ['Netflix system design', [], 'system-design'],
  ['How do you decide batch vs streaming?', ['System Design Interview Questions'], 'system-design'],
  // Scenario: something is failing, or what would you do.
  ['Streaming lag keeps increasing. What do you check?', [], 'scenario'],
  ['Your nightly job misses its SLA. What do you do?', [], 'scenario'],
  ['What would you do if a source system sends duplicate data?', [], 'scenario'],
  ['How would you debug a Spark job that suddenly runs slow?', [], 'scenario'],
  ['Downstream BI reports wrong numbers', [], 'scenario'],
  ['Suppose the schema of an upstream table changes without notice.', [], 'scenario'],
  ['Schema change breaks pipeline', [], 'scenario'],
  ['Write a post-mortem for a data incident', [], 'scenario'],
  ['Dashboards do not match the finance numbers', ['Failure scenarios'], 'scenario'],
  // SQL: queries and SQL constructs.
  ['Write a query to find the second highest salary.', [], 'sql'],
  ['Write a SQL query to find duplicate emails.', [], 'sql'],
  ['SQL for Merge SCD2 Type', [], 'sql'],
  ['What is the difference between a LEFT JOIN and an INNER JOIN?', [], 'sql'],
  ['Explain window functions with an example', [], 'sql'],
  ['Pivot without using pivot function', [], 'sql'],
  ['Apply lag function without using lag function', [], 'sql'],
  ['Find users who were active in January', ['SQL'], 'sql'],
  ['What does GROUP BY do with NULL values?', [], 'sql'],
  ['Second highest salary', ['SQL practice'], 'sql'],
  // Coding: programs and algorithms.
  ['Write a Python function to flatten a nested list', [], 'coding'],
  ['Implement an LRU cache', [], 'coding'],
  ['Reverse a linked list', [], 'coding'],
  ['Sort in Python', [], 'coding'],
  ['Two Sum', [], 'coding'],
  ['What is the time complexity of quicksort?', [], 'coding'],
  ['Use awk to divide the file between even and odd number of lines', [], 'coding'],
  ['Merge overlapping intervals', ['Python'], 'coding'],
  ['Longest substring without repeating characters', ['Coding practice'], 'coding'],
  ['Iterate over a dictionary and delete items safely', [], 'coding'],
  ['Write a bash script that retries a command', [], 'coding'],
  // Product: metrics and product sense.
  ['How Uber can enhance their app?', [], 'product'],
  ['What metrics would you track for a new checkout feature?', [], 'product'],
  ['How would you measure the success of a recommendations feature?', [], 'product'],
  ['Engagement dropped 10% week over week; which metrics do you look at first?', ['Product sense'], 'product'],
  // Concept: everything that asks to explain.
  ['How do we select the depth of the trees?', [], 'concept'],
  ['What is a sort key in Redshift?', [], 'concept'],
  ['What is a window of time in Flink used for?', [], 'concept'],
  ['What is supervised machine learning?', [], 'concept'],
  ['Explain the CAP theorem', [], 'concept'],
  ['What is a slowly changing dimension?', [], 'concept'],
  ['Difference between range and xrange.', [], 'concept'],
  ['What is an activation function?', [], 'concept'],
  ['How does Kafka guarantee ordering?', [], 'concept'],
  ['Data Lake vs Data Warehouse', [], 'concept'],
  ['What is the function of a Hive metastore?', [], 'concept'],
  ['Why do we sort data before writing Parquet files?', [], 'concept'],
  ['Coding Standards for Data Pipelines', ['SDLC – Coding Standards'], 'concept'],
  ['What is idempotency?', ['Data Engineering Interview Questions'], 'concept']
]

describe('classifyKind', () => {
  it('has a table of at least 60 titles', () => {
    expect(table.length).toBeGreaterThanOrEqual(60)
  })

  it.each(table)('%s → %s', (title, sections, kind) => {
    expect(classifyKind(title, title, sections, noSignals())).toBe(kind)
  })

  it('uses the answer’s code when the words say nothing', () => {
    const sql = noSignals()
    sql.codeChars.set('sql', 400)
    sql.proseChars = 100
    expect(classifyKind('Total value for a seller on a day', 'Total value for a seller on a day', [], sql)).toBe('sql')
    const python = noSignals()
    python.codeChars.set('python', 300)
    python.proseChars = 50
    expect(classifyKind('Flatten the records', 'Flatten the records', [], python)).toBe('coding')
    const setup = noSignals()
    setup.hasSqlSetup = true
    expect(classifyKind('Three consecutive seats', 'Three consecutive seats', [], setup)).toBe('sql')
  })

  it('lets STAR labels in the answer make a story behavioral', () => {
    const star = noSignals()
    star.starParts = 4
    expect(classifyKind('Complex Problem', 'Complex Problem', [], star)).toBe('behavioral')
  })
})
