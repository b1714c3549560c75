import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MarkdownTooComplexError } from './markdown-guard'
import { isNavigationHeading, isPlaceholder } from './not-questions'
import { libraryOf, parseBankOrThrow } from './parse-bank'
import { scanBank } from './scan-bank'
import { BankLibrarySchema } from './types'

// Fragments that exercise every layout and its failure modes: unclosed fences and details,
// unspaced headings, tables with and without answers, stray HTML, arrows, mojibake, front
// matter, navigation, placeholders, difficulty emoji, follow-up lists.
const fragment = fc.constantFrom(
  '# Title\n', '## Q1: What is X?\n', '##Q2. Unspaced\n', '### Group (Q3-5)\n', '#### deep\n', '#\n', '###### \n',
  '```\n', '```sql\n', '~~~\n', '    indented code\n', '<details>\n', '<summary>Answer</summary>\n', '<summary>Why?</summary>\n',
  '</details>\n', '**Q6: Bold question**\n', '**bold?**\n', '1. **What is Y?**\n   Because.\n', '- item\n', '> quote\n',
  'Q: question?\n', 'A: answer\n', '| Question | Answer |\n', '|---|---|\n', '| a? | b |\n', '---\n', '\n', 'A → B → C\n',
  'x -> y\n', 'â€” â†©ï¸ ğŸ“‘\n', '<!-- comment\n', '-->\n', 'Case Study : design it\n', 'Tell me about a time it failed?\n',
  '## How Interviewers Evaluate These\n', '**They listen for:**\n', '**They reject:**\n', '- Tool-only ("just use X")\n',
  '## Interview Answer Template\n', '1. SUCCESS: [it]\n', '[link](#index)\n', '\u0000\u0001\ufffd\n', '\r\n',
  '---\ntitle: Front\n---\n', '## [Main title](../README.md)\n', '## Sources and further reading\n', '## Índice\n',
  '**What is ROC? 👶**\n', '**Statement title ⭐️**\n', '<br/>\n', 'Answer here\n', 'Will be available soon\n',
  '**1)** The number of active ads.\n', '**¿Qué es esto?**\n', '**Q: What is Z?**\n', '**A: It is.**\n',
  '1. Tell me about a failure.\n', '2. Describe a conflict.\n', '   - Follow-up: why?\n', '- [Two Sum](https://x.y/two)\n',
  '| # | Question | Difficulty |\n', '|---|---|---|\n', '| 1 | [Two Sum](https://x.y) | Easy |\n', '#### Scenario\n', '#### Task\n',
  '**Follow-up questions:**\n', '_[To be filled]_\n', '[⬆ Back to top](#top)\n', '## Question 1\n', '**Answer:** TBD\n'
)

const markdownMarkers = /\*\*|__|`|\]\(|^#{1,6}\s|^\s*>\s|^\s*[-*+]\s|<\/?[a-z][^>]*>|!\[/i

function checkTitles(text: string): void {
  let parsed
  try {
    parsed = parseBankOrThrow(text, { bankId: 'fuzz', file: 'fuzz.md' })
  } catch (error) {
    // The one designed failure: markdown nested past the guard's limits, refused with its line.
    expect(error).toBeInstanceOf(MarkdownTooComplexError)
    return
  }
  expect(parsed.bank.questionCount).toBe(parsed.questions.length)
  for (const q of parsed.questions) {
    expect(q.title.trim()).not.toBe('')
    expect(q.title).not.toMatch(markdownMarkers)
    expect(isNavigationHeading(q.title)).toBe(false)
    expect(isPlaceholder(q.title)).toBe(false)
    expect(q.answer === null || !isPlaceholder(q.answer)).toBe(true)
  }
}

describe('the inner parser (no catch-all) on random input', () => {
  it('never throws on markdown-like soup; titles are clean, answers are not placeholders, data is schema-valid', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 20 })), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('')
        checkTitles(text)
        BankLibrarySchema.parse(libraryOf([parseBankOrThrow(text, { bankId: 'fuzz', file: 'fuzz.md' })]))
      }),
      { numRuns: 300 }
    )
  })

  it('never throws on arbitrary strings, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const scanned = scanBank(text, { bankId: 'fuzz', file: 'fuzz.md' })
        expect(scanned.questions.length).toBe(scanned.bank.questionCount)
        checkTitles(text)
      }),
      { numRuns: 300 }
    )
  })

  it('gives the same ids for the same text', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('')
        const a = scanBank(text, { bankId: 'p', file: 'p.md' }).questions.map((q) => q.id)
        const b = scanBank(text, { bankId: 'p', file: 'p.md' }).questions.map((q) => q.id)
        expect(b).toEqual(a)
      }),
      { numRuns: 100 }
    )
  })
})
