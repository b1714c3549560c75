import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BankLibrary } from '../src/shared/banks/types'
import { scoreAnswer, type ScorableAnswer } from '../src/shared/scoring/score-answer'
import type { Band, ScoreReport } from '../src/shared/scoring/report-schema'

/**
 * The graded corpus (tests/fixtures/graded/*.md) read into answers, scored with the app's own
 * `scoreAnswer`, and measured: band accuracy, strong-above-weak ordering per question, and
 * flag precision (exactly the expected flags, no others).
 */

export interface GradedAnswer {
  id: string
  file: string
  questionId: string
  band: Band
  flags: string[]
  delivery: { kind: 'typed' } | { kind: 'spoken' | 'corrected'; wpm: number } | { kind: 'duration'; seconds: number }
  why: string
  text: string
  /** What the transcriber heard, for a corrected answer. */
  spoken: string | null
}

const fixturesDir = new URL('./fixtures/graded/', import.meta.url).pathname

export function loadGradedCorpus(dir = fixturesDir): GradedAnswer[] {
  const answers: GradedAnswer[] = []
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()) {
    const blocks = readFileSync(join(dir, file), 'utf8').split(/^## /m).slice(1)
    for (const block of blocks) {
      const [head, ...rest] = block.split('\n')
      const fields = new Map<string, string>()
      const body: string[] = []
      for (const line of rest) {
        const field = /^- (\w+):\s*(.*)$/.exec(line)
        if (field && body.every((l) => l.trim() === '')) fields.set(field[1]!, field[2]!.trim())
        else body.push(line)
      }
      const [text, spoken] = body.join('\n').split(/^### spoken\s*$/m)
      const delivery = fields.get('delivery') ?? ''
      const [kind, amount] = delivery.split(/\s+/)
      const flags = (fields.get('flags') ?? 'none').split(',').map((f) => f.trim()).filter((f) => f !== '' && f !== 'none')
      answers.push({
        id: head!.trim(),
        file,
        questionId: fields.get('question') ?? '',
        band: (fields.get('band') ?? '') as Band,
        flags: flags.sort(),
        delivery:
          kind === 'typed'
            ? { kind: 'typed' }
            : kind === 'duration'
              ? { kind: 'duration', seconds: Number(amount) }
              : { kind: kind as 'spoken' | 'corrected', wpm: Number(amount) },
        why: fields.get('why') ?? '',
        text: text!.trim(),
        spoken: spoken?.trim() ?? null
      })
    }
  }
  return answers
}

/** Word times for text spoken at `wpm`, with a short pause after each sentence: deterministic. */
export function speak(text: string, wpm: number): { words: Array<{ startMs: number; endMs: number; text: string }>; durationMs: number } {
  const perWord = 60_000 / wpm
  const words: Array<{ startMs: number; endMs: number; text: string }> = []
  let at = 500
  for (const word of text.split(/\s+/).filter(Boolean)) {
    words.push({ startMs: Math.round(at), endMs: Math.round(at + perWord * 0.85), text: word })
    at += perWord + (/[.!?]$/.test(word) ? 350 : 0)
  }
  return { words, durationMs: Math.round(at + 500) }
}

export function toScorable(answer: GradedAnswer): ScorableAnswer {
  // No time box: the written answers are shorter than a real one, and length is not what the corpus grades.
  const base = { questionId: answer.questionId, text: answer.text, timeBoxMs: null }
  switch (answer.delivery.kind) {
    case 'typed':
      return { ...base, transcript: null, durationMs: null }
    case 'duration': {
      const durationMs = answer.delivery.seconds * 1000
      return { ...base, transcript: { text: answer.text, segments: [], words: [], durationMs, model: 'corpus' }, durationMs }
    }
    case 'spoken':
    case 'corrected': {
      const heard = answer.delivery.kind === 'corrected' ? (answer.spoken ?? answer.text) : answer.text
      const { words, durationMs } = speak(heard, answer.delivery.wpm)
      return { ...base, transcript: { text: heard, segments: [], words, durationMs, model: 'corpus' }, durationMs }
    }
  }
}

export interface GradedResult {
  answer: GradedAnswer
  report: ScoreReport
  flags: string[]
  bandOk: boolean
  flagsOk: boolean
}

export function flagsOf(report: ScoreReport): string[] {
  return report.criteria
    .filter((c) => c.flagged)
    .map((c) => c.detector ?? c.id)
    .sort()
}

export function scoreCorpus(answers: readonly GradedAnswer[], library: Pick<BankLibrary, 'questions' | 'rubrics'>): GradedResult[] {
  return answers.map((answer) => {
    const scored = scoreAnswer(toScorable(answer), library)
    if (!scored.ok) throw new Error(`${answer.id}: cannot be scored (${scored.reason}, question ${answer.questionId})`)
    const flags = flagsOf(scored.report)
    return {
      answer,
      report: scored.report,
      flags,
      bandOk: scored.report.band === answer.band,
      flagsOk: flags.join(',') === answer.flags.join(',')
    }
  })
}

export interface CorpusFigures {
  answers: number
  bandAccuracy: number
  flagPrecision: number
  /** Questions where some strong answer does not score above every weak one. */
  orderingViolations: Array<{ questionId: string; strong: string; weak: string; strongScore: number; weakScore: number }>
  questionsWithBoth: number
}

export function corpusFigures(results: readonly GradedResult[]): CorpusFigures {
  const byQuestion = new Map<string, GradedResult[]>()
  for (const r of results) byQuestion.set(r.answer.questionId, [...(byQuestion.get(r.answer.questionId) ?? []), r])
  const orderingViolations: CorpusFigures['orderingViolations'] = []
  let questionsWithBoth = 0
  for (const [questionId, group] of byQuestion) {
    const strong = group.filter((r) => r.answer.band === 'strong')
    const weak = group.filter((r) => r.answer.band === 'weak')
    if (strong.length > 0 && weak.length > 0) questionsWithBoth += 1
    for (const s of strong) {
      for (const w of weak) {
        if (s.report.overall <= w.report.overall) {
          orderingViolations.push({ questionId, strong: s.answer.id, weak: w.answer.id, strongScore: s.report.overall, weakScore: w.report.overall })
        }
      }
    }
  }
  return {
    answers: results.length,
    bandAccuracy: results.filter((r) => r.bandOk).length / results.length,
    flagPrecision: results.filter((r) => r.flagsOk).length / results.length,
    orderingViolations,
    questionsWithBoth
  }
}

export function formatResults(results: readonly GradedResult[], figures: CorpusFigures): string {
  const lines = results.map((r) => {
    const mark = r.bandOk && r.flagsOk ? ' ' : '✗'
    const flags = r.flagsOk ? '' : `  flags ${r.flags.join(',') || 'none'} (expected ${r.answer.flags.join(',') || 'none'})`
    return `${mark} ${String(r.report.overall).padStart(3)} ${r.report.band.padEnd(6)} ${r.bandOk ? '      ' : `≠${r.answer.band.padEnd(6)}`} ${r.answer.id}${flags}`
  })
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`
  lines.push(
    '',
    `answers: ${figures.answers}`,
    `band accuracy: ${pct(figures.bandAccuracy)}`,
    `strong above weak: ${figures.orderingViolations.length === 0 ? `every pair, ${figures.questionsWithBoth} questions` : `${figures.orderingViolations.length} violations`}`,
    `flag precision (exactly the expected flags): ${pct(figures.flagPrecision)}`
  )
  for (const v of figures.orderingViolations) lines.push(`  ordering: ${v.strong} ${v.strongScore} ≤ ${v.weak} ${v.weakScore}`)
  return lines.join('\n')
}
