import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

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

// Each case starts a real process that parses every bank: on a loaded two-core machine that can
// take tens of seconds, so the cases get the process's own 60 s limit.
vi.setConfig({ testTimeout: 90_000 })

describe('cli banks inspect', () => {
  it('prints the built-in library as one JSON object', () => {
    const { code, stdout } = cli('banks', 'inspect', '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {
      banks: Array<{ id: string; file: string; questionCount: number; warnings: string[] }>
      questions: Array<{ id: string; bankId: string; section: string; title: string; kind: string; keyTerms: string[]; alsoIn: unknown[] }>
      rubrics: Array<{ id: string; listenFor: Array<{ label: string; examples: string[] }>; reject: unknown[]; template: unknown[] }>
    }
    // 195 seed questions, less the STAR worked example, plus the 45 of the behavioral bank.
    expect(out.questions).toHaveLength(240)
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

// Each case starts the CLI (tsx compiles it, then the banks are parsed): slow on a busy machine.
describe('cli score', { timeout: 90_000 }, () => {
  const reasoned = join(tmp, 'reasoned.txt')
  writeFileSync(
    reasoned,
    'It depends on the latency the business needs versus the cost. I chose batch over streaming for finance ' +
      'because a daily SLA was enough, and streaming with Kafka would have tripled cost. The trade-off is freshness. ' +
      'Once a streaming job failed silently and we lost a day of events; the lesson was to add monitoring, alerting ' +
      'and data contracts to prevent it. That saved the team hours and protected revenue reporting for stakeholders.'
  )

  interface CliReport {
    question: { id: string; kind: string }
    profile: { id: string; label: string }
    overall: number
    band: string
    criteria: Array<{ id: string; kind: string; met: boolean; flagged: boolean; evidence: Array<{ quote: string }> }>
    keyTerms: { covered: Array<{ term: string; heard: string; source: string }>; missing: Array<{ term: string }> }
    star: Record<string, unknown> | null
    checklist: { label: string; items: unknown[] } | null
    delivery: { measured: boolean; wordCount: number; wpm: number | null; fillerCount: number; reason: string | null }
    coaching: Array<{ change: string; say: string }>
    explanation: unknown
  }

  it('scores a transcript against a question found by title words, with the profile and coaching', () => {
    const { code, stdout } = cli('score', '--question', 'decide batch vs streaming', '--transcript', reasoned, '--duration', '60', '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as CliReport
    expect(report.question.kind).toBe('concept')
    expect(report.profile).toEqual({ id: 'technical', label: 'SQL, coding and concepts' })
    expect(report.overall).toBeGreaterThan(40)
    expect(report.criteria.filter((c) => c.kind === 'reject' && c.flagged)).toEqual([])
    expect(report.checklist?.label).toBe('Concept correctness cues')
    expect(report.star).toBeNull()
    expect(report.delivery).toMatchObject({ measured: true, reason: null })
    expect(report.delivery.wordCount).toBeGreaterThan(60)
    expect(report.coaching).toHaveLength(3)
    for (const item of report.coaching) expect(Object.keys(item).sort()).toEqual(['change', 'points', 'say'])
  })

  it('reports delivery as not measured without --duration, and scores a design question without STAR', () => {
    const { code, stdout } = cli('score', '--question', 'Design real-time dashboard for operations team', '--transcript', reasoned, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as CliReport
    expect(report.profile.id).toBe('system-design')
    expect(report.delivery.measured).toBe(false)
    expect(report.delivery.wpm).toBeNull()
    expect(report.star).toBeNull()
  })

  it('scores an answer to a question from an imported bank', () => {
    const banks = join(tmp, 'data', 'banks')
    mkdirSync(banks, { recursive: true })
    writeFileSync(
      join(banks, 'my-bank.md'),
      [
        '# My bank',
        '',
        '## Behavioral',
        '',
        '### Tell me about a time you cut the cost of a data pipeline',
        '',
        'I moved the nightly job to spot instances and cut the bill by 40%.',
        ''
      ].join('\n')
    )
    const story = join(tmp, 'story.txt')
    writeFileSync(
      story,
      'At my last job our nightly Spark job cost about nine thousand dollars a month. My goal was to halve it. ' +
        'I moved it to spot instances and I rewrote the join to read only new partitions. As a result the bill fell by 60 percent.'
    )
    const { code, stdout, stderr } = cli('score', '--question', 'cut the cost of a data pipeline', '--transcript', story, '--json')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as CliReport
    expect(report.question.id).toMatch(/^imported-my-bank:/)
    expect(report.profile.id).toBe('behavioral')
    expect(report.star).not.toBeNull()
    expect(report.band).toBe('strong')
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
