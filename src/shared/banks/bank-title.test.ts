import { describe, expect, it } from 'vitest'
import { libraryOf, parseBank } from './parse-bank'

const bankOf = (text: string, file: string) => parseBank(text, { bankId: file.replace('.md', ''), file })
const body = '\n\n## What is a lakehouse?\n\nTables with ACID on object storage.\n'

describe('bank titles', () => {
  it('takes the single top-level heading, without a link that is most of it', () => {
    expect(bankOf(`# Warehouse Drills${body}`, 'drills.md').bank.title).toBe('Warehouse Drills')
    expect(bankOf(`# Mock 1 : https://example.org/watch?v=abc${body}`, 'mock-interview.md').bank.title).toBe('Mock interview')
    expect(bankOf(`# Streaming design notes - https://example.org/x${body}`, 'notes.md').bank.title).toBe('Streaming design notes')
  })

  it('tells apart two banks with the same heading by their files', () => {
    const library = libraryOf([bankOf(`# Design Questions${body}`, 'full-bank.md'), bankOf(`# Design Questions${body}`, 'condensed.md')])
    expect(library.banks.map((b) => b.title)).toEqual(['Design Questions · Full bank', 'Design Questions · Condensed'])
  })
})
