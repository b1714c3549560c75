import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { QuestionSchema, RubricSchema, type BankLibrary } from '@shared/banks/types'
import { loadBankFiles, loadBankLibrary } from './load-bank-files'

const dir = join(__dirname, '..', '..', '..', 'question-banks')
const files = {
  sql: join(dir, 'sql-python-data-modeling.md'),
  notes: join(dir, 'behavioral-and-netflix-case.md'),
  design: join(dir, 'system-design-question-bank.md'),
  mock: join(dir, 'mock-interview-transcript.md'),
  condensed: join(dir, 'system-design-condensed.md'),
  star: join(dir, 'star-rubric.md')
}
const seedFiles = [files.sql, files.notes, files.design, files.mock, files.condensed]

let cached: BankLibrary | null = null
async function library(): Promise<BankLibrary> {
  cached ??= await loadBankLibrary({ builtInDir: dir })
  return cached
}

describe('built-in banks', () => {
  it('finds the expected number of questions per file before merging', async () => {
    const lib = await library()
    const count = (file: string): number | undefined => lib.banks.find((b) => file.endsWith(b.file))?.questionCount
    expect(count(files.sql)).toBe(38)
    expect(count(files.notes)).toBe(2)
    expect(count(files.design)).toBe(142)
    expect(count(files.mock)).toBe(13)
    expect(count(files.condensed)).toBe(18)
    expect(lib.errors).toEqual([])
  })

  it('merges to 195 unique questions, every condensed one into its twin in the large bank', async () => {
    const all = await library()
    // The seed banks alone (the behavioral bank is ours, not a seed); one of the 195 is the STAR
    // rubric's worked example, kept in the library (same id) but never drawn by a session.
    const lib = { ...all, questions: all.questions.filter((q) => q.bankId !== 'behavioral-data-engineering') }
    expect(lib.questions).toHaveLength(195)
    expect(lib.questions.some((q) => q.bankId === 'system-design-condensed')).toBe(false)
    const twins = lib.questions.filter((q) => q.alsoIn.some((s) => s.bankId === 'system-design-condensed'))
    expect(twins).toHaveLength(18)
    for (const twin of twins) expect(twin.bankId).toBe('system-design-question-bank')
    expect(new Set(lib.questions.map((q) => q.id)).size).toBe(195)
  })

  it('produces schema-valid questions and rubrics, each question scored by a loaded rubric', async () => {
    const lib = await library()
    const rubricIds = new Set(lib.rubrics.map((r) => r.id))
    for (const q of lib.questions) {
      expect(QuestionSchema.parse(q)).toEqual(q)
      expect(rubricIds.has(q.rubricId)).toBe(true)
    }
    for (const r of lib.rubrics) RubricSchema.parse(r)
  })

  it('leaves no mojibake and no false titles', async () => {
    const lib = await library()
    for (const q of lib.questions) {
      for (const text of [q.title, q.answer ?? '', q.prompt]) expect(text).not.toMatch(/â€|Ã|ðŸ|ï¸|ğŸ/)
      expect(['Incident: [Title]', 'Feature definitions (Feast)', 'Explanation:', 'Explanation']).not.toContain(q.title)
      expect(q.title).not.toMatch(/\(Q\d+-\d+\)$/)
    }
  })

  it('reads the large bank rubric: 4 listen-for, 3 reject with examples, and the answer template', async () => {
    const lib = await library()
    const rubric = lib.rubrics.find((r) => r.bankId === 'system-design-question-bank')!
    expect(rubric.listenFor.map((c) => c.label)).toEqual([
      'Decision frameworks with trade-offs',
      'Real failure stories and lessons',
      'Preventive thinking',
      'Business alignment'
    ])
    expect(rubric.reject.map((c) => [c.label, c.examples])).toEqual([
      ['Tool-only answers', ['just use Spark']],
      ['Absolutist thinking', ['always use X']],
      ['Over-engineering', []]
    ])
    expect(rubric.template.map((p) => p.id)).toEqual(['success', 'failure', 'trade-off'])
  })

  it('loads the STAR rubric-only bank without error and scores behavioral questions with it', async () => {
    const lib = await library()
    const star = lib.banks.find((b) => b.id === 'star-rubric')!
    expect(star.questionCount).toBe(0)
    expect(star.warnings).toEqual([])
    const rubric = lib.rubrics.find((r) => r.bankId === 'star-rubric')!
    expect(rubric.listenFor.map((c) => c.label)).toEqual(['Situation', 'Task', 'Action', 'Result'])
    expect(rubric.template.map((p) => p.id)).toEqual(['situation', 'task', 'action', 'result'])
    const behavioral = lib.questions.filter((q) => q.kind === 'behavioral')
    expect(behavioral.length).toBeGreaterThanOrEqual(2)
    for (const q of behavioral) expect(q.rubricId).toBe(rubric.id)
    const design = lib.questions.filter((q) => q.kind === 'system-design' || q.kind === 'scenario')
    for (const q of design) expect(q.rubricId).toBe('system-design-question-bank:how-interviewers-evaluate-these')
  })

  it('keeps ids identical across loads and load orders', async () => {
    const a = await loadBankFiles(seedFiles)
    const b = await loadBankFiles([...seedFiles].reverse())
    const c = await loadBankFiles(seedFiles)
    const ids = (lib: BankLibrary): string[] => lib.questions.map((q) => q.id).sort()
    expect(ids(b)).toEqual(ids(a))
    expect(ids(c)).toEqual(ids(a))
    const byId = new Map(b.questions.map((q) => [q.id, q]))
    for (const q of a.questions) expect(byId.get(q.id)?.alsoIn.map((s) => s.bankId)).toEqual(q.alsoIn.map((s) => s.bankId))
  })

  it('reads the notes file without headings as one behavioral and one system-design question', async () => {
    const lib = await loadBankFiles([files.notes])
    expect(lib.questions.map((q) => q.kind).sort()).toEqual(['behavioral', 'system-design'])
    const design = lib.questions.find((q) => q.kind === 'system-design')!
    expect(design.prompt).toMatch(/Netflix IoT Data/)
    expect(design.answer).toMatch(/Capacity Planning/)
    expect(design.section).toBe('ETL/System Design Questions')
  })

  it('folds sub-headings into their question and keeps setup, answers and missing answers apart', async () => {
    const lib = await loadBankFiles([files.sql])
    const find = (title: string) => lib.questions.find((q) => q.title === title)!
    const distance = find('Distance between two cities')
    expect(distance.prompt).toContain('Remove duplicate distance two cities')
    expect(distance.setupCode[0]).toMatchObject({ lang: 'sql' })
    expect(distance.setupCode[0]!.code).toMatch(/create table dist/)
    expect(distance.answer).toMatch(/group by/)
    const timesheets = find('Employee timesheets')
    expect(timesheets.answer).toContain('**Answer 1**')
    expect(timesheets.answer).toContain('**Answer 2**')
    expect(find('Apply lag function without using lag function').answer).toBeNull()
    expect(lib.banks[0]!.questionCount).toBe(38)
    expect(find('Complex Problem').kind).toBe('behavioral')
    expect(find('Sort in Python').kind).toBe('coding')
  })

  it('reads unspaced "##Q2." headings, their tips, and keeps "## Explanation:" inside its question', async () => {
    const lib = await loadBankFiles([files.mock])
    expect(lib.questions[0]!.title).toBe('Please explain what Kinesis is and its role.')
    const ordering = lib.questions.find((q) => q.title.startsWith('Can messages be ordered'))!
    expect(ordering.tips[0]).toMatch(/guarantee ordering only within a partition/)
    const sql = lib.questions.find((q) => q.title.startsWith('SQL Query to Find Percentage'))!
    expect(sql.answer).toContain('## Explanation:')
    expect(sql.kind).toBe('sql')
  })

  it('collects key terms from bold text, technology names and answer tables, and diagrams', async () => {
    const lib = await loadBankFiles([files.design, files.condensed])
    const q86 = lib.questions.find((q) => q.title === 'Design an end-to-end logistics analytics system')!
    // Concepts first (any stack can show them), then the model answer's own names; never a heading.
    expect(q86.keyTerms).toEqual(expect.arrayContaining(['stream processing', 'medallion architecture', 'Redshift']))
    expect(q86.keyTerms).not.toContain('Components')
    expect(q86.keyTerms).not.toContain('Key Design Decisions')
    expect(q86.diagrams[0]!.ascii).toContain('END-TO-END LOGISTICS ANALYTICS PLATFORM')
    expect(q86.kind).toBe('system-design')
    const condensed = await loadBankFiles([files.condensed])
    const chain = condensed.questions.find((q) => q.title === 'Design an end-to-end logistics analytics system')!
    expect(chain.diagrams[0]!.mermaid).toMatch(/^flowchart LR/)
    expect(chain.diagrams[0]!.mermaid).toContain('["Driver Scans"]')
    expect(chain.diagrams[0]!.mermaid).toMatch(/n\d+ --> n\d+/)
  })
})
