import { beforeAll, describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../src/backend/banks/load-bank-files'
import type { BankLibrary } from '../src/shared/banks/types'

/** Key terms of every built-in question: never a heading, never a template word, always with a source. */

const root = new URL('..', import.meta.url).pathname
let library: BankLibrary
const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

beforeAll(async () => {
  library = await loadBankLibrary({ builtInDir: `${root}question-banks` })
  // Parsing every built-in bank: seconds on a busy machine.
}, 120_000)

describe('key terms of the built-in banks', () => {
  it('are never a heading of the model answer', () => {
    for (const question of library.questions) {
      const headings = new Set(
        (question.answer ?? '')
          .split('\n')
          .flatMap((line) => {
            const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line) ?? /^\s*\*\*([^*]+)\*\*\s*:?\s*$/.exec(line)
            return heading ? [normalize(heading[1]!)] : []
          })
      )
      const body = normalize(`${question.title}\n${question.prompt}\n` + (question.answer ?? '').split('\n').filter((line) => !/^\s{0,3}#{1,6}\s/.test(line) && !/^\s*\*\*[^*]+\*\*\s*:?\s*$/.test(line)).join('\n'))
      for (const term of question.keyTermDetails) {
        // A heading's text may only come back as a term when the question or the answer also uses it elsewhere.
        if (headings.has(normalize(term.term))) expect(`${question.id}: ${term.term} in ${body.includes(normalize(term.term)) ? 'body' : 'headings only'}`).toMatch(/in body$/)
      }
    }
  })

  it('never include template or label words', () => {
    const banned = ['key decisions', 'use cases', 'use case', 'situation', 'task', 'action', 'result', 'trade offs', 'overview', 'answer', 'example', 'key difference', 'final calculation']
    for (const question of library.questions) {
      for (const term of question.keyTerms) expect(banned).not.toContain(normalize(term))
    }
  })

  it('say where each term came from and how much it weighs, heaviest first, at most twelve', () => {
    const withTerms = library.questions.filter((q) => q.keyTermDetails.length > 0)
    expect(withTerms.length).toBeGreaterThan(library.questions.length / 2)
    for (const question of withTerms) {
      expect(question.keyTerms).toEqual(question.keyTermDetails.map((t) => t.term))
      expect(question.keyTermDetails.length).toBeLessThanOrEqual(12)
      const weights = question.keyTermDetails.map((t) => t.weight)
      expect(weights).toEqual([...weights].sort((a, b) => b - a))
    }
  })

  it('no longer reduce a design question to one or two bare names', () => {
    const dashboard = library.questions.find((q) => q.title === 'Design real-time dashboard for operations team')!
    expect(dashboard.keyTerms).toEqual(expect.arrayContaining(['Flink', 'Redis', 'Kafka', 'Spark Streaming']))
    const netflix = library.questions.find((q) => q.title.startsWith('I want you to design me an end-to-end solution'))!
    expect(netflix.keyTerms.length).toBeGreaterThanOrEqual(6)
  })
})
