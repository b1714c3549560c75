import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBankOrThrow } from '../src/shared/banks/parse-bank'

/**
 * The layout corpus: one file per layout the importer understands (and mixes), each written
 * by hand with the questions a reader would find in it. Every file must parse to exactly those
 * questions: titles, sections, answers (or none), kinds, difficulty and follow-ups.
 */
const dir = join(__dirname, 'fixtures', 'banks')
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.md'))
  .sort()

interface Expected {
  bankTitle: string
  layout: string | null
  questions: Array<{ title: string; kind: string; section: string; answer: string | null; prompt?: string; difficulty?: string; followUps?: string[] }>
}

describe('layout corpus', () => {
  it('holds at least 15 hand-written banks', () => {
    expect(files.length).toBeGreaterThanOrEqual(15)
  })

  for (const file of files) {
    it(`parses ${file} to its expected questions`, () => {
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected
      const parsed = parseBankOrThrow(readFileSync(join(dir, file), 'utf8'), { bankId: 'corpus', file, source: 'imported' })
      expect(parsed.bank.title).toBe(expected.bankTitle)
      expect(parsed.scanned.layouts[0]?.layout ?? null).toBe(expected.layout)
      const actual = parsed.questions.map((q) => ({
        title: q.title,
        kind: q.kind,
        section: q.section,
        answer: q.answer,
        ...(q.prompt !== q.title ? { prompt: q.prompt } : {}),
        ...(q.difficulty ? { difficulty: q.difficulty } : {}),
        ...(q.followUps && q.followUps.length > 0 ? { followUps: q.followUps } : {})
      }))
      expect(actual).toEqual(expected.questions)
      // The summary the library lists agrees with the whole question on whether there is an answer.
      expect(parsed.scanned.questions.map((q) => q.hasAnswer)).toEqual(parsed.questions.map((q) => q.answer !== null))
    })
  }
})
