import { readFileSync } from 'node:fs'

/**
 * The end-to-end suite's clock: when MOCKROOM_TEST_CLOCK_FILE names a file, the backend's
 * "now" is the ISO time written in it (re-read on every call, so a test moves time by
 * rewriting the file). Without the variable, or with an unreadable file, it is the real
 * time. Only the browser-mode server honours it, and only the e2e suite sets it.
 */
export function testClockFromEnv(env: NodeJS.ProcessEnv = process.env): (() => Date) | undefined {
  const file = env.MOCKROOM_TEST_CLOCK_FILE
  if (!file) return undefined
  return () => {
    try {
      const at = new Date(readFileSync(file, 'utf8').trim())
      if (!Number.isNaN(at.getTime())) return at
    } catch {
      // No file yet: real time, as without the variable.
    }
    return new Date()
  }
}
