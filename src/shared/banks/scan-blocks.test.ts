import fc from 'fast-check'
import { remarkShape, scanShape } from '../../../tests/support/markdown-shape'
import { describe, expect, it } from 'vitest'
import { listItemContent, scanBlocks } from './scan-blocks'

describe('scanBlocks', () => {
  // Known divergence: remark sometimes ends a lazy paragraph line at a lone inline tag (`<br/>`)
  // depending on the line after it; the soup keeps such tags between blank lines.
  it('agrees with remark on top-level blocks of markdown-like soup', () => {
    const line = fc.constantFrom(
      '# Heading', '## Q1: What is X?', '### **Bold heading**', '#no-space', '    indented code', '```', '```sql', '~~~',
      '- item', '* item', '+ item', '1. first', '2. second', '1) paren', '  - nested', '    - deeper', '   continued',
      '> quote', '> > nested quote', '---', '***', '- - -', '===', 'Setext body', '| a | b |', '|---|---|', '| 1 | 2 |',
      '<details>', '<summary>Answer</summary>', '</details>', '\n<br/>\n', '<!-- note', '-->', '<div>', 'plain text line',
      '**What is ROC? 👶**', '**1)** The number of active ads.', 'Q: question?', 'A: answer', '', '', ''
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n')
        expect(scanShape(text)).toEqual(remarkShape(text))
      }),
      { numRuns: 300 }
    )
  })

  it('gives a list item’s content dedented, with its nested list', () => {
    const text = '1. What is X?\n   - Follow-up: why?\n   - And how?\n2. Next\n'
    const [list] = scanBlocks(text)
    expect(list!.items).toHaveLength(2)
    const content = listItemContent(text, list!.items![0]!)
    expect(content).toBe('What is X?\n- Follow-up: why?\n- And how?')
    expect(scanBlocks(content).map((b) => b.type)).toEqual(['paragraph', 'list'])
  })
})
