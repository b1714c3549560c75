import { describe, expect, it } from 'vitest'
import { criterionColors } from './criterion-colors'
import { defined } from '@shared/defined'

describe('criterionColors', () => {
  const criteria = [
    { id: 'a', kind: 'listen' as const },
    { id: 'x', kind: 'reject' as const },
    { id: 'b', kind: 'listen' as const },
    { id: 'y', kind: 'reject' as const }
  ]

  it('gives every listen-for criterion its own colour and every reject pattern the same red', () => {
    for (const mode of ['light', 'dark'] as const) {
      const colors = criterionColors(criteria, mode)
      expect(colors.get('a')?.line).toBeDefined()
      expect(colors.get('a')?.line).not.toBe(colors.get('b')?.line)
      expect(colors.get('x')).toEqual(colors.get('y'))
      expect(colors.get('a')?.fill).toMatch(/^rgba\(\d+, \d+, \d+, 0\.\d+\)$/)
    }
  })

  it('uses lighter lines on the dark theme than on the light one', () => {
    const luminance = (hex: string) => {
      const n = Number.parseInt(hex.slice(1), 16)
      return ((n >> 16) & 255) + ((n >> 8) & 255) + (n & 255)
    }
    const light = criterionColors(criteria, 'light')
    const dark = criterionColors(criteria, 'dark')
    for (const id of ['a', 'b', 'x']) expect(luminance(defined(dark.get(id), id).line)).toBeGreaterThan(luminance(defined(light.get(id), id).line))
  })
})
