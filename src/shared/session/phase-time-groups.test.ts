import { describe, expect, it } from 'vitest'
import { questionKinds } from '../banks/types'
import { defaultSettings } from '../settings'
import { phaseTimeGroups } from './phase-time-groups'

describe('phaseTimeGroups', () => {
  it('gives every question kind exactly one group', () => {
    const kinds = phaseTimeGroups.flatMap((group) => group.kinds)
    expect([...kinds].sort()).toEqual([...questionKinds].sort())
  })

  it('reads and writes each group in Settings without touching the others', () => {
    for (const group of phaseTimeGroups) {
      const written = group.write(defaultSettings.defaultTimes, 7, 77)
      expect(group.read(written)).toEqual([7, 77])
      for (const other of phaseTimeGroups.filter((g) => g !== group)) {
        expect(other.read(written)).toEqual(other.read(defaultSettings.defaultTimes))
      }
    }
  })
})
