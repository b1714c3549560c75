import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname

function electronBinaryInstalled(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown
    return typeof path === 'string' && existsSync(path)
  } catch {
    return false
  }
}

describe('npm start', () => {
  it.skipIf(electronBinaryInstalled())('without an Electron binary, prints one clear line naming npm run web and exits non-zero', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, encoding: 'utf8', timeout: 20_000 })
    expect(result.status).not.toBe(0)
    const lines = `${result.stdout}${result.stderr}`.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/Electron binary is not installed/)
    expect(lines[0]).toContain('npm run web')
    expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/)
  })
})
