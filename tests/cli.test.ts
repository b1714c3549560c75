import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The CLI as a user runs it: a real process, stdout parsed as JSON, exit codes checked. */
const root = new URL('..', import.meta.url).pathname
const tmp = mkdtempSync(join(tmpdir(), 'mockroom-cli-'))

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, APP_DATA_DIR: join(tmp, 'data') }
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('cli banks inspect', () => {
  it('prints the built-in library as one JSON object', () => {
    const { code, stdout } = cli('banks', 'inspect', '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {
      banks: Array<{ id: string; file: string; questionCount: number; warnings: string[] }>
      questions: Array<{ id: string; bankId: string; section: string; title: string; kind: string; keyTerms: string[]; alsoIn: unknown[] }>
      rubrics: Array<{ id: string; listenFor: Array<{ label: string; examples: string[] }>; reject: unknown[]; template: unknown[] }>
    }
    expect(out.questions).toHaveLength(195)
    expect(Object.fromEntries(out.banks.map((b) => [b.file, b.questionCount]))).toMatchObject({
      'sql-python-data-modeling.md': 38,
      'behavioral-and-netflix-case.md': 2,
      'system-design-question-bank.md': 142,
      'mock-interview-transcript.md': 13,
      'system-design-condensed.md': 18
    })
    const designRubric = out.rubrics.find((r) => r.id.startsWith('system-design-question-bank'))!
    expect([designRubric.listenFor.length, designRubric.reject.length]).toEqual([4, 3])
  })

  it('refuses a file over the import limit, as an import would', () => {
    const huge = join(tmp, 'huge.md')
    writeFileSync(huge, `## What is X?\n\n${'a'.repeat(5 * 1024 * 1024)}\n`)
    const { code, stderr, stdout } = cli('banks', 'inspect', huge, '--json')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim()).toMatch(/^banks inspect: huge\.md: the file is 5\.0 MB; the limit is 5 MB$/)
  })

  it('exits non-zero with one line for an unreadable file', () => {
    const { code, stderr, stdout } = cli('banks', 'inspect', join(tmp, 'nope.md'), '--json')
    expect(code).not.toBe(0)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain('nope.md')
  })
})

describe('cli score', () => {
  const reasoned = join(tmp, 'reasoned.txt')
  writeFileSync(
    reasoned,
    'It depends on the latency the business needs versus the cost. I chose batch over streaming for finance ' +
      'because a daily SLA was enough, and streaming with Kafka would have tripled cost. The trade-off is freshness. ' +
      'Once a streaming job failed silently and we lost a day of events; the lesson was to add monitoring, alerting ' +
      'and data contracts to prevent it. That saved the team hours and protected revenue reporting for stakeholders.'
  )

  it('scores a transcript against a question found by title words', () => {
    const { code, stdout } = cli('score', '--question', 'decide batch vs streaming', '--transcript', reasoned, '--duration', '60', '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as {
      overall: number
      criteria: Array<{ id: string; kind: string; met: boolean; flagged: boolean; evidence: Array<{ quote: string }> }>
      keyTerms: { covered: Array<{ term: string; heard: string }>; missing: string[] }
      star: Record<string, unknown>
      delivery: { wordCount: number; wpm: number; fillerCount: number; fillersPerMinute: number; hedgeCount: number }
      explanation: unknown
    }
    expect(report.overall).toBeGreaterThan(40)
    expect(report.criteria.filter((c) => c.kind === 'listen' && c.met).length).toBeGreaterThanOrEqual(3)
    expect(report.criteria.filter((c) => c.kind === 'reject' && c.flagged)).toEqual([])
    expect(report.delivery.wordCount).toBeGreaterThan(60)
    expect(report.star).toHaveProperty('situation')
    expect(report.star).toHaveProperty('task')
    expect(report.star).toHaveProperty('action')
    expect(report.star).toHaveProperty('result')
  })

  it('lists the candidates when the question is ambiguous, and fails when nothing matches', () => {
    const ambiguous = cli('score', '--question', 'batch streaming', '--transcript', reasoned, '--json')
    expect(ambiguous.code).not.toBe(0)
    expect(ambiguous.stderr.split('\n').filter((line) => /batch/i.test(line)).length).toBeGreaterThanOrEqual(2)
    const none = cli('score', '--question', 'zebra migration patterns of the serengeti', '--transcript', reasoned, '--json')
    expect(none.code).not.toBe(0)
  })
})

describe('cli call', () => {
  it('calls any contract method through the same validation', () => {
    const ok = cli('call', 'getSettings')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ theme: 'system' })
    const bad = cli('call', 'updateSettings', '{"theme":"purple"}')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('VALIDATION')
  })
})
