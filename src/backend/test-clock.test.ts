import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testClockFromEnv } from './test-clock'

describe('testClockFromEnv', () => {
  it('is off without the variable', () => {
    expect(testClockFromEnv({})).toBeUndefined()
  })

  it('reads the time from the file on every call and falls back to real time', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mockroom-clock-')), 'clock')
    const now = testClockFromEnv({ MOCKROOM_TEST_CLOCK_FILE: file })!
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(5000)
    writeFileSync(file, '2025-03-03T09:00:00.000Z')
    expect(now().toISOString()).toBe('2025-03-03T09:00:00.000Z')
    writeFileSync(file, '2025-03-05T09:00:00.000Z\n')
    expect(now().toISOString()).toBe('2025-03-05T09:00:00.000Z')
  })
})
