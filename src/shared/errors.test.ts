import { describe, expect, it } from 'vitest'
import { AppError } from './api/result'
import { codeOf, messageOf } from './errors'

describe('messageOf', () => {
  it('reads an Error by its message and anything else as text', () => {
    expect(messageOf(new AppError('NOT_FOUND', 'No such session.'))).toBe('No such session.')
    expect(messageOf(new TypeError('bad'))).toBe('bad')
    expect(messageOf('plain text')).toBe('plain text')
    expect(messageOf(42)).toBe('42')
    expect(messageOf(undefined)).toBe('undefined')
  })
})

describe('codeOf', () => {
  it('reads the code of an AppError and of a Node system error', () => {
    expect(codeOf(new AppError('NO_SPEECH', 'silence'))).toBe('NO_SPEECH')
    expect(codeOf(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBe('ENOENT')
  })

  it('has no code for plain errors, non-string codes and non-objects', () => {
    expect(codeOf(new Error('plain'))).toBeUndefined()
    expect(codeOf({ code: 7 })).toBeUndefined()
    expect(codeOf('ENOENT')).toBeUndefined()
    expect(codeOf(null)).toBeUndefined()
  })
})
