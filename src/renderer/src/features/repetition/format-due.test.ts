import { describe, expect, it } from 'vitest'
import { describeDue } from './format-due'

describe('describeDue', () => {
  const now = new Date(2025, 2, 3, 9, 0)
  it('counts local calendar days', () => {
    expect(describeDue(new Date(2025, 2, 3, 23, 0).toISOString(), now)).toEqual({ label: 'due today', due: true })
    expect(describeDue(new Date(2025, 2, 4, 1, 0).toISOString(), now).label).toMatch(/^due tomorrow/)
    expect(describeDue(new Date(2025, 2, 8, 9, 0).toISOString(), now).label).toMatch(/^due in 5 days/)
    expect(describeDue(new Date(2025, 2, 1, 9, 0).toISOString(), now)).toMatchObject({ due: true, label: expect.stringMatching(/2 days overdue/) })
  })
})
