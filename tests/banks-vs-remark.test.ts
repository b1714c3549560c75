import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseInline } from '../src/shared/banks/inline-text'
import { headingWords } from '../src/shared/banks/inline-words'
import { normalizeSource } from '../src/shared/banks/normalize-source'
import { remarkHeading, remarkShape, scanShape } from './support/markdown-shape'

/**
 * The block scan and the inline text reader replace remark where speed matters; on the
 * built-in banks they must see exactly what remark sees (ids hang on heading text).
 */
const dir = join(__dirname, '..', 'question-banks')
const banks = readdirSync(dir)
  .filter((n) => n.endsWith('.md'))
  .map((name) => ({ name, text: normalizeSource(readFileSync(join(dir, name), 'utf8')).text }))

describe('block scan and inline text on the built-in banks', () => {
  it('splits every built-in bank into the same top-level blocks as remark', () => {
    for (const { name, text } of banks) expect(scanShape(text), name).toEqual(remarkShape(text))
  })

  it('gives every heading the text remark gives it', () => {
    for (const { text } of banks) {
      for (const line of text.split('\n')) {
        const match = /^#{1,6} (.*)$/.exec(line)
        if (!match) continue
        const expected = remarkHeading(match[1]!)
        if (expected !== null) expect(headingWords(parseInline(match[1]!.trim().replace(/\s+#+$/, '')))).toBe(expected)
      }
    }
  })
})
