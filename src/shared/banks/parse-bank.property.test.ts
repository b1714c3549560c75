import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { libraryOf, parseBank } from './parse-bank'
import { BankLibrarySchema } from './types'

// Fragments that exercise every layout and its failure modes: unclosed fences and details,
// unspaced headings, tables without delimiter rows, stray HTML, arrows, mojibake.
const fragment = fc.constantFrom(
  '# Title\n', '## Q1: What is X?\n', '##Q2. Unspaced\n', '### Group (Q3-5)\n', '#### deep\n', '#\n', '###### \n',
  '```\n', '```sql\n', '~~~\n', '    indented code\n', '<details>\n', '<summary>Answer</summary>\n', '<summary>Why?</summary>\n',
  '</details>\n', '**Q6: Bold question**\n', '**bold?**\n', '1. **What is Y?**\n   Because.\n', '- item\n', '> quote\n',
  'Q: question?\n', 'A: answer\n', '| Question | Answer |\n', '|---|---|\n', '| a? | b |\n', '---\n', '\n', 'A → B → C\n',
  'x -> y\n', 'â€” â†©ï¸ ğŸ“‘\n', '<!-- comment\n', '-->\n', 'Case Study : design it\n', 'Tell me about a time it failed?\n',
  '## How Interviewers Evaluate These\n', '**They listen for:**\n', '**They reject:**\n', '- Tool-only ("just use X")\n',
  '## Interview Answer Template\n', '1. SUCCESS: [it]\n', '[link](#index)\n', '\u0000\u0001\ufffd\n', '\r\n'
)

describe('parseBank on random input', () => {
  it('never throws on markdown-like soup and returns schema-valid data', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 20 })), { maxLength: 60 }), (pieces) => {
        const parsed = parseBank(pieces.join(''), { bankId: 'fuzz', file: 'fuzz.md' })
        expect(Array.isArray(parsed.bank.warnings)).toBe(true)
        expect(parsed.bank.questionCount).toBe(parsed.questions.length)
        BankLibrarySchema.parse(libraryOf([parsed]))
      }),
      { numRuns: 300 }
    )
  })

  it('never throws on arbitrary strings, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const parsed = parseBank(text, { bankId: 'fuzz', file: 'fuzz.md' })
        expect(parsed.questions.length).toBe(parsed.bank.questionCount)
      }),
      { numRuns: 300 }
    )
  })

  it('gives the same ids for the same text', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('')
        const a = parseBank(text, { bankId: 'p', file: 'p.md' }).questions.map((q) => q.id)
        const b = parseBank(text, { bankId: 'p', file: 'p.md' }).questions.map((q) => q.id)
        expect(b).toEqual(a)
      }),
      { numRuns: 100 }
    )
  })
})
