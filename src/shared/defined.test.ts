import { describe, expect, it } from 'vitest'
import { defined } from './defined'

describe('defined', () => {
  it('returns a present value, falsy ones included', () => {
    expect(defined(0, 'a count')).toBe(0)
    expect(defined('', 'a text')).toBe('')
    expect(defined([1][0], 'the first item')).toBe(1)
  })

  it('throws, naming what is missing, for undefined and null', () => {
    expect(() => defined(undefined, 'session s1')).toThrow('Internal error: session s1 is missing.')
    expect(() => defined(null, 'the take')).toThrow('the take is missing')
  })
})
