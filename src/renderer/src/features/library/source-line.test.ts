import { describe, expect, it } from 'vitest'
import { sourceLine } from './source-line'

describe('sourceLine', () => {
  it('names the bank once, with the section headings its title does not already say', () => {
    expect(
      sourceLine('System Design Interview Questions & Answers (Question Bank 1) · System design question bank', [
        'System Design Interview Questions & Answers (Question Bank 1)',
        'System Design Questions (Q86-Q90)'
      ])
    ).toBe('System Design Interview Questions & Answers (Question Bank 1) · System design question bank · System Design Questions (Q86-Q90)')
  })

  it('keeps a section path that repeats nothing, and works without a bank or a section', () => {
    expect(sourceLine('Mock interview transcript', ['Streaming', 'Kafka'])).toBe('Mock interview transcript · Streaming › Kafka')
    expect(sourceLine('Mock interview transcript', [])).toBe('Mock interview transcript')
    expect(sourceLine(undefined, ['Streaming'])).toBe('Streaming')
  })
})
