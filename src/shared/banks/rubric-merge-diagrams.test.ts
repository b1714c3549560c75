import { describe, expect, it } from 'vitest'
import { arrowChainsToMermaid, diagramFromCode } from './diagrams'
import { libraryOf, parseBank } from './parse-bank'

describe('rubrics', () => {
  const rubricBank = `# Rubric

## How Interviewers Evaluate These

**Applies to:** behavioral

**They listen for:**
- Ownership ("I decided", "I led")
- Numbers

**They reject:**
- Blame ("it was their fault")

## Interview Answer Template

\`\`\`
For [story]:
1. SITUATION: [Context]
2. RESULT: [Outcome]
\`\`\`
`
  it('reads criteria, quoted examples, applies-to and template from the bank text', () => {
    const parsed = parseBank(rubricBank, { bankId: 'r', file: 'r.md' })
    expect(parsed.questions).toEqual([])
    expect(parsed.bank.warnings).toEqual([])
    const [rubric] = parsed.rubrics
    expect(rubric).toMatchObject({ id: 'r:how-interviewers-evaluate-these', appliesTo: ['behavioral'] })
    expect(rubric!.listenFor.map((c) => [c.label, c.examples])).toEqual([
      ['Ownership', ['I decided', 'I led']],
      ['Numbers', []]
    ])
    expect(rubric!.reject[0]).toMatchObject({ label: 'Blame', examples: ['it was their fault'] })
    expect(rubric!.template.map((p) => [p.label, p.description])).toEqual([
      ['Situation', 'Context'],
      ['Result', 'Outcome']
    ])
  })

  it('scores behavioral questions with the behavioral rubric and others with the design one', () => {
    const rubric = parseBank(rubricBank, { bankId: 'r', file: 'r.md' })
    const design = parseBank(
      '## Design a feed\n\nFan-out.\n\n## How interviewers evaluate these\n\n**They listen for:**\n- Trade-offs\n',
      { bankId: 'd', file: 'd.md' }
    )
    const mixed = parseBank('## Tell me about a time you failed\n\nStory.\n\n## What is SQL?\n\nA language.\n', { bankId: 'm', file: 'm.md' })
    const lib = libraryOf([mixed, rubric, design])
    const rubricOf = (title: string) => lib.questions.find((q) => q.title === title)!.rubricId
    expect(rubricOf('Tell me about a time you failed')).toBe('r:how-interviewers-evaluate-these')
    expect(rubricOf('What is SQL?')).toBe('d:how-interviewers-evaluate-these')
    expect(rubricOf('Design a feed')).toBe('d:how-interviewers-evaluate-these')
  })
})

describe('merging duplicates', () => {
  it('keeps the fuller answer, lists the other source and does not depend on order', () => {
    const a = parseBank('## Q1: What is Kafka?\n\nA log.\n', { bankId: 'a', file: 'a.md' })
    const b = parseBank('## 3. What is Kafka?\n\nA distributed, partitioned, replicated log.\n', { bankId: 'b', file: 'b.md' })
    const ab = libraryOf([a, b]).questions
    const ba = libraryOf([b, a]).questions
    expect(ab).toHaveLength(1)
    expect(ab[0]!.bankId).toBe('b')
    expect(ab[0]!.alsoIn).toEqual([{ bankId: 'a', file: 'a.md', section: '', title: 'What is Kafka?' }])
    expect(ba).toEqual(ab)
  })
})

describe('diagrams', () => {
  it('keeps box-drawing art and converts arrow chains (→ and ->) to a Mermaid flowchart', () => {
    expect(diagramFromCode('', '┌───┐\n│ A │\n└───┘')).toEqual({ ascii: '┌───┐\n│ A │\n└───┘', mermaid: null })
    expect(arrowChainsToMermaid(['A -> B -> C', 'B → D'], 1)).toBe(
      'flowchart LR\n  n1["A"]\n  n2["B"]\n  n3["C"]\n  n4["D"]\n  n1 --> n2\n  n2 --> n3\n  n2 --> n4'
    )
    expect(diagramFromCode('python', 'a -> b')).toBeNull()
  })
})
