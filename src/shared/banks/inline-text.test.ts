import fc from 'fast-check'
import { toString } from 'mdast-util-to-string'
import { remarkParagraph } from '../../../tests/support/markdown-shape'
import { describe, expect, it } from 'vitest'
import { parseInline } from './inline-text'
import { leadingStrong, linkOnly, plainText, strongOnly } from './inline-words'

const piece = fc.constantFrom(
  '**', '*', '__', '_', '`', '``', '[', ']', '(', ')', '](#index)', '](x.md)', '![', '<br/>', '<b>', '</b>',
  '<https://x.y>', '&amp;', '&#39;', '&nope;', '\\*', '\\_', ' ', ' ', 'What', 'is', 'ROC', '?', '👶', '⭐️', '↩️', 'a_b', '2*3',
  'Q1:', '1)', '.', ',', ':', '"', "'", '¿', 'ñ', 'x'
)

describe('parseInline', () => {
  // Strikethrough and bare URLs (GFM literal autolinks) are handled too, but left out here:
  // remark's treatment of them next to other delimiters has quirks titles never meet.
  it('agrees with remark on the text of random inline soup', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (pieces) => {
        const line = pieces.join('').trim()
        fc.pre(line !== '' && !/^[#>+\-*\d=]/.test(line) && !line.startsWith('<') && !/^\s*[-*_]{3,}/.test(line))
        const paragraph = remarkParagraph(line)
        fc.pre(paragraph !== null)
        expect(plainText(parseInline(line))).toBe(toString(paragraph!))
      }),
      { numRuns: 1500 }
    )
  })

  it('finds bold-only lines, leading bold runs and link-only lines', () => {
    expect(plainText(strongOnly(parseInline('**What is ROC? 👶**'))!)).toBe('What is ROC? 👶')
    expect(strongOnly(parseInline('**A** and more'))).toBeNull()
    const lead = leadingStrong(parseInline('**1)** The number of active ads.'))!
    expect(plainText(lead.strong)).toBe('1)')
    expect(plainText(lead.rest).trim()).toBe('The number of active ads.')
    expect(linkOnly(parseInline('[Main title](../README.md)'))).toEqual({ url: '../README.md', text: 'Main title' })
    expect(linkOnly(parseInline('**[Two Sum](https://leetcode.com/problems/two-sum)**'))?.text).toBe('Two Sum')
    expect(linkOnly(parseInline('See [this](x) too'))).toBeNull()
  })
})
