import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryOverrides } from '@shared/banks/library-overrides'
import { filterSessionPool } from '@shared/session/session-pool'
import type { BankLibrary } from '@shared/banks/types'
import { loadBankFiles, loadBankLibrary } from './load-bank-files'

const dir = join(__dirname, '..', '..', '..', 'question-banks')

let cached: BankLibrary | null = null
async function library(): Promise<BankLibrary> {
  cached ??= await loadBankLibrary({ builtInDir: dir })
  return cached
}

describe('the behavioral bank for data engineers', () => {
  it('is read as at least 40 behavioral questions, each with what interviewers listen for and a STAR hint', async () => {
    const lib = await library()
    const bank = lib.banks.find((b) => b.file === 'behavioral-data-engineering.md')!
    expect(bank.warnings).toEqual([])
    const questions = lib.questions.filter((q) => q.bankId === bank.id)
    expect(questions.length).toBeGreaterThanOrEqual(40)
    expect(bank.questionCount).toBe(questions.length)
    const star = lib.rubrics.find((r) => r.bankId === 'star-rubric')!
    for (const q of questions) {
      expect(q.kind).toBe('behavioral')
      expect(q.rubricId).toBe(star.id)
      expect(q.answer).toMatch(/\*\*They listen for:\*\*\n- /)
      expect(q.answer).toMatch(/\*\*They reject:\*\*\n- /)
      for (const part of ['Situation', 'Task', 'Action', 'Result']) expect(q.answer).toMatch(new RegExp(`^- ${part}: \\S`, 'm'))
    }
  })

  it('covers every theme interviewers probe, with several questions each', async () => {
    const lib = await library()
    const sections = lib.questions.filter((q) => q.bankId === 'behavioral-data-engineering').map((q) => q.sectionPath[0] ?? '')
    for (const theme of ['Ownership', 'Conflict', 'Failure', 'Ambiguity', 'On-Call', 'Stakeholder', 'Data Quality', 'Prioritisation', 'Mentoring']) {
      expect(sections.filter((s) => s.includes(theme)).length, theme).toBeGreaterThanOrEqual(4)
    }
  })

  it('leaves the seed banks at 38 / 2 / 142 / 13 / 18 questions', async () => {
    const lib = await library()
    const count = (file: string) => lib.banks.find((b) => b.file === file)?.questionCount
    expect(
      ['sql-python-data-modeling.md', 'behavioral-and-netflix-case.md', 'system-design-question-bank.md', 'mock-interview-transcript.md', 'system-design-condensed.md'].map(count)
    ).toEqual([38, 2, 142, 13, 18])
  })
})

describe('kind overrides and worked examples', () => {
  it('match a question each, and the library shows the corrected kinds', async () => {
    const raw = await loadBankFiles([dir])
    const fileOf = new Map(raw.banks.map((b) => [b.id, b.file]))
    for (const entry of libraryOverrides.kinds) {
      const question = raw.questions.find((q) => fileOf.get(q.bankId) === entry.bank && q.title === entry.title)
      expect(question, `${entry.bank}: ${entry.title}`).toBeDefined()
      expect(question!.kind).toBe(entry.kind)
    }
    const title = (t: string) => raw.questions.find((q) => q.title === t)!
    expect(title('SCDs in ML Context').kind).toBe('concept')
    expect(title('Real-Time Truck Tracking Dashboard').kind).toBe('system-design')
    // A kind change moves the question to the rubric of its new kind.
    expect(title('Real-Time Truck Tracking Dashboard').rubricId).toBe('system-design-question-bank:how-interviewers-evaluate-these')
  })

  it('marks "Complex Problem" as the STAR rubric\'s worked example, kept in the library but never drawn', async () => {
    const lib = await library()
    expect(libraryOverrides.workedExamples.map((e) => e.title)).toEqual(['Complex Problem'])
    const example = lib.questions.find((q) => q.title === 'Complex Problem')!
    expect(example.workedExampleFor).toBe('star-rubric.md')
    expect(lib.questions.filter((q) => q.workedExampleFor)).toEqual([example])
    const pool = filterSessionPool(lib.questions, { type: 'mixed', bankIds: [example.bankId], kinds: [], sections: [] })
    expect(pool.length).toBeGreaterThan(30)
    expect(pool).not.toContain(example)
    expect(lib.banks.find((b) => b.file === 'sql-python-data-modeling.md')!.questionCount).toBe(38)
    const rubricFile = readFileSync(join(dir, 'star-rubric.md'), 'utf8')
    expect(rubricFile).toContain('Worked example: the warehouse migration')
    // The worked example does not change what the rubric listens for.
    const star = lib.rubrics.find((r) => r.bankId === 'star-rubric')!
    expect(star.listenFor.map((c) => c.label)).toEqual(['Situation', 'Task', 'Action', 'Result'])
    expect(star.reject).toHaveLength(3)
    expect(lib.banks.find((b) => b.id === 'star-rubric')!.questionCount).toBe(0)
  })
})
