import { describe, expect, it } from 'vitest'
import { parseBank } from './parse-bank'
import { QuestionSchema } from './types'

const parse = (text: string, bankId = 'fixture') => parseBank(text, { bankId, file: `${bankId}.md` })
const titles = (text: string): string[] => parse(text).questions.map((q) => q.title)

describe('parseBank layouts', () => {
  it('reads headings as questions at the depth that holds them, folding deeper headings', () => {
    const bank = parse(`# My Bank

## SQL

### What is a window function?

A function over a frame of rows. **ROW_NUMBER** is one.

#### Example

\`\`\`sql
select row_number() over (order by id) from t;
\`\`\`

### Explain a LEFT JOIN

Keeps every row of the left table.
`)
    expect(bank.questions.map((q) => [q.title, q.section])).toEqual([
      ['What is a window function?', 'SQL'],
      ['Explain a LEFT JOIN', 'SQL']
    ])
    expect(bank.questions[0]!.answer).toContain('#### Example')
    expect(bank.questions[0]!.keyTerms).toContain('ROW_NUMBER')
    expect(bank.bank.title).toBe('My Bank')
    for (const q of bank.questions) QuestionSchema.parse(q)
  })

  it('does not take a # line inside a code fence for a heading', () => {
    expect(
      titles(`## Q1: First

\`\`\`python
# Not a question
## Nor this
\`\`\`

## Q2: Second
`)
    ).toEqual(['First', 'Second'])
  })

  it('accepts headings written without a space after the hashes', () => {
    const bank = parse('# Mock\n\n##Q1. What is Kafka?\nA log.\n\n##Q2. **What is Kinesis?**\nA stream.\n')
    expect(bank.questions.map((q) => q.title)).toEqual(['What is Kafka?', 'What is Kinesis?'])
    expect(bank.bank.warnings[0]).toMatch(/without a space/)
  })

  it('continues a numbered question over unnumbered headings at its depth', () => {
    expect(titles('## Q1. Explain CAP\n\nText.\n\n## Explanation:\n\nMore.\n\n## Q2. Explain ACID\n\nText.\n')).toEqual([
      'Explain CAP',
      'Explain ACID'
    ])
  })

  it('treats range headings and groups of bold questions as sections', () => {
    const bank = parse(`## Q1: Heading question

Answer one.

## Storage (Q2-3)

**Q2: Why object storage?**
- cheap
- durable

**Q3: Hot partitions**
Spread the keys.
`)
    expect(bank.questions.map((q) => [q.title, q.section])).toEqual([
      ['Heading question', ''],
      ['Why object storage?', 'Storage (Q2-3)'],
      ['Hot partitions', 'Storage (Q2-3)']
    ])
    expect(bank.questions[1]!.answer).toContain('- durable')
  })

  it('reads numbered lists of bold questions with indented answers', () => {
    const bank = parse(`# Python

1. **What is a generator?**

   A function that yields values lazily.

2. **What does \`zip\` do?**

   Pairs items of several iterables.
`)
    expect(bank.questions.map((q) => [q.title, q.answer])).toEqual([
      ['What is a generator?', 'A function that yields values lazily.'],
      ['What does zip do?', 'Pairs items of several iterables.']
    ])
  })

  it('reads Q: / A: pairs', () => {
    const bank = parse(`# Notes

Q: What is idempotency?
A: Running twice gives the same result as once.

Q: What is a watermark?

A: A bound on how late events may arrive.

It lets windows close.
`)
    expect(bank.questions.map((q) => q.title)).toEqual(['What is idempotency?', 'What is a watermark?'])
    expect(bank.questions[0]!.answer).toBe('Running twice gives the same result as once.')
    expect(bank.questions[1]!.answer).toBe('A bound on how late events may arrive.\n\nIt lets windows close.')
  })

  it('reads two-column Question | Answer tables', () => {
    const bank = parse(`# Quick fire

| Question | Answer |
|----------|--------|
| What is HDFS? | A distributed file system for **Hadoop** |
| Why Parquet? | Columnar, compressed |
`)
    expect(bank.questions.map((q) => [q.title, q.answer])).toEqual([
      ['What is HDFS?', 'A distributed file system for **Hadoop**'],
      ['Why Parquet?', 'Columnar, compressed']
    ])
    expect(bank.questions[0]!.keyTerms).toContain('Hadoop')
  })

  it('reads <details> whose summary is the question', () => {
    const bank = parse(`# FAQ

<details>
<summary>What is a DAG?</summary>

A directed acyclic graph of tasks.

</details>

<details><summary>Why use Airflow?</summary>Scheduling with retries.</details>
`)
    expect(bank.questions.map((q) => [q.title, q.answer])).toEqual([
      ['What is a DAG?', 'A directed acyclic graph of tasks.'],
      ['Why use Airflow?', 'Scheduling with retries.']
    ])
  })

  it('separates setup code and prose before a <details> answer from the answer', () => {
    const bank = parse(`# SQL

## Top sellers

\`\`\`sql
create table sales (id number);
insert into sales values (1);
\`\`\`
### Rank sellers by revenue

<details>
<summary>Answer</summary>

\`\`\`sql
select * from sales;
\`\`\`
</details>

## Columns only

Seller_id | Start_Date | Price
`)
    const [top, columns] = bank.questions
    expect(top!.setupCode).toEqual([{ lang: 'sql', code: 'create table sales (id number);\ninsert into sales values (1);' }])
    expect(top!.prompt).toBe('Top sellers\n\nRank sellers by revenue')
    expect(top!.answer).toBe('```sql\nselect * from sales;\n```')
    expect(top!.kind).toBe('sql')
    expect(columns!.answer).toBeNull()
    expect(columns!.setupCode[0]!.code).toContain('Seller_id')
  })

  it('finds questions in loose notes without headings', () => {
    const bank = parse(`Tell me about a time you fixed a slow pipeline. What did you change?

Profiled it; the join was skewed.

Design Questions :
Case Study : Design a clickstream pipeline for a streaming service.
  It must scale.

Ingest with Kafka, aggregate with Flink.
`)
    expect(bank.questions.map((q) => [q.kind, q.section])).toEqual([
      ['behavioral', ''],
      ['system-design', 'Design Questions']
    ])
    expect(bank.questions[1]!.answer).toBe('Ingest with Kafka, aggregate with Flink.')
  })

  it('extracts interview tips and arrow-chain diagrams', () => {
    const bank = parse(`## Q1: Explain ordering in Kafka

Ordering holds per partition: Producer → Partition → Consumer.

### Interview Tip
Mention keys decide the partition.

## Q2: Next

Text.
`)
    const q = bank.questions[0]!
    expect(q.tips).toEqual(['Mention keys decide the partition.'])
    expect(q.diagrams[0]!.mermaid).toBe(
      'flowchart LR\n  n1["Ordering holds per partition: Producer"]\n  n2["Partition"]\n  n3["Consumer"]\n  n1 --> n2\n  n2 --> n3'
    )
  })

  it('skips navigation headings and reports a bank without questions', () => {
    const toc = parse('# Bank\n\n## Table of Contents\n\n- [A](#a)\n\n## What is A?\n\nA.\n\n## What is B?\n\nB.\n')
    expect(toc.questions.map((q) => q.title)).toEqual(['What is A?', 'What is B?'])
    expect(toc.bank.warnings.some((w) => w.includes('Table of Contents'))).toBe(true)
    const empty = parse('Just some prose, nothing asked.\n')
    expect(empty.questions).toEqual([])
    expect(empty.bank.warnings).toContain('no questions found')
  })

  it('recovers from a stray fence that would swallow numbered questions', () => {
    const bank = parse('### Q1: One\n\n1. item\n```\n\n---\n\n### Q2: Two\n\n**Plan:**\n```\nA → B\n```\n\n### Q3: Three\n\nText.\n')
    expect(bank.questions.map((q) => q.title)).toEqual(['One', 'Two', 'Three'])
    expect(bank.questions[1]!.diagrams).toHaveLength(1)
  })

  it('gives ids from bank, section and title that survive edits elsewhere and reordering', () => {
    const a = parse('## Part A\n\n### What is X?\n\nX.\n\n### What is Y?\n\nY.\n', 'b')
    const b = parse('## Part A\n\n### What is Y?\n\nY, revised.\n\nMore.\n\n### What is X?\n\nX.\n', 'b')
    const id = (bank: typeof a, title: string) => bank.questions.find((q) => q.title === title)!.id
    expect(id(b, 'What is X?')).toBe(id(a, 'What is X?'))
    expect(id(b, 'What is Y?')).toBe(id(a, 'What is Y?'))
    expect(id(a, 'What is X?')).toMatch(/^b:what-is-x-/)
  })
})
