import type { AnswerRecord } from '@shared/answers'
import type { Question } from '@shared/banks/types'
import { DELIVERY_TARGETS, type Evidence, type ScoreReport } from '@shared/scoring'

export interface ReviewMarkdownInput {
  question: Pick<Question, 'title' | 'prompt'>
  answer: Pick<AnswerRecord, 'createdAt' | 'source' | 'edited' | 'durationMs'>
  /** The text that was scored (the answer's current text). */
  text: string
  report: ScoreReport
}

/** Inside a table cell: no line breaks, and a pipe must not end the cell. */
function cell(value: string): string {
  return value.replace(/\r?\n+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim() || '—'
}

const quotes = (evidence: readonly Evidence[]): string => evidence.map((e) => `“${e.quote}”`).join('; ')

const percent = (value: number): string => `${Math.round(value * 100)}%`

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

const sourceLabels: Record<string, string> = {
  technology: 'technology in the model answer',
  concept: 'concept in the model answer',
  sql: 'SQL the model answer uses',
  defined: 'defined in the model answer',
  emphasis: 'emphasised in the model answer',
  question: 'named in the question',
  listed: 'listed by the bank'
}

/** The review of one answer as a Markdown document: what the candidate keeps or shares. */
export function reviewToMarkdown({ question, answer, text, report }: ReviewMarkdownInput): string {
  const lines: string[] = []
  const { delivery, star, keyTerms } = report
  lines.push(`# Review: ${question.title.trim()}`, '')
  const facts = [`Answered ${answer.createdAt.slice(0, 16).replace('T', ' ')}`, `${answer.source} answer`, `scored as ${report.profile.label}`]
  if (answer.durationMs) facts.push(`${formatDuration(answer.durationMs)} long`)
  if (answer.edited) facts.push('transcript edited (original kept)')
  lines.push(facts.join(' · '), '')
  if (question.prompt.trim() && question.prompt.trim() !== question.title.trim()) {
    lines.push(...question.prompt.trim().split('\n').map((line) => `> ${line}`), '')
  }

  lines.push(`## Overall score: ${report.overall}/100 (${report.band})`, '')
  lines.push(...report.explanation.map((line) => `- ${line}`), '')

  if (report.coaching.length > 0) {
    lines.push('## Next time', '')
    report.coaching.forEach((item, i) => lines.push(`${i + 1}. **${item.change}** (about +${item.points} points): “${item.say}”`))
    lines.push('')
  }

  lines.push('## Transcript', '', text.trim(), '')

  lines.push('## Rubric', '', '| Criterion | Result | Evidence |', '| --- | --- | --- |')
  for (const criterion of report.criteria) {
    const result =
      criterion.kind === 'listen' ? (criterion.met ? 'met' : 'not heard') : criterion.flagged ? 'flagged' : 'avoided'
    lines.push(`| ${cell(criterion.label)} | ${result} | ${cell(quotes(criterion.evidence))} |`)
  }
  if (report.checklist) {
    const { label, items } = report.checklist
    for (const item of items) lines.push(`| ${cell(label)}: ${cell(item.label)} | ${item.met ? 'met' : 'not heard'} | ${cell(quotes(item.evidence))} |`)
  }
  if (report.criteria.length === 0 && !report.checklist) lines.push('| (nothing to judge for this kind of question) | — | — |')
  lines.push('')

  lines.push('## Key terms', '')
  if (keyTerms.covered.length === 0 && keyTerms.missing.length === 0) {
    lines.push('The question has no key terms.')
  } else {
    lines.push(`Covered ${keyTerms.covered.length} of ${keyTerms.covered.length + keyTerms.missing.length} (${percent(keyTerms.ratio)} of their weight).`, '')
    for (const hit of keyTerms.covered) {
      const heard = hit.heard.toLowerCase() === hit.term.toLowerCase() ? '' : ` (heard “${hit.heard}” → counted as ${hit.term})`
      lines.push(`- ✓ ${hit.term}${heard} — ${sourceLabels[hit.source] ?? hit.source}, weight ${hit.weight}`)
    }
    for (const term of keyTerms.missing) lines.push(`- ✗ ${term.term} (missing) — ${sourceLabels[term.source] ?? term.source}, weight ${term.weight}`)
  }
  lines.push('')

  if (star) {
    lines.push('## STAR', '', '| Part | Present | Strength | Evidence |', '| --- | --- | --- | --- |')
    for (const part of ['situation', 'task', 'action', 'result'] as const) {
      const result = star[part]
      lines.push(`| ${part.charAt(0).toUpperCase()}${part.slice(1)} | ${result.present ? 'yes' : 'no'} | ${percent(result.score)} | ${cell(quotes(result.evidence))} |`)
    }
    lines.push('')
    const ownership = star.ownership.ratio === null ? 'no action told' : `“I” in ${star.ownership.iCount} of ${star.ownership.iCount + star.ownership.weCount} actions`
    lines.push(`Ownership: ${ownership}${star.ownership.stated ? ' (own part stated)' : ''}. Quantified result: ${star.quantifiedResult ? 'yes' : 'no'}.`)
    if (star.vagueResults.length > 0) lines.push(`Not counted as a result: ${quotes(star.vagueResults)}.`)
    lines.push('')
  }

  lines.push('## Delivery', '')
  if (!delivery.measured) {
    lines.push(`Not measured. ${delivery.reason ?? ''}`.trim(), '')
  } else {
    lines.push('| Measure | Value | Target |', '| --- | --- | --- |')
    lines.push(`| Pace | ${delivery.wpm} WPM (${delivery.bands.pace}) | ${DELIVERY_TARGETS.paceWpm.min}–${DELIVERY_TARGETS.paceWpm.max} WPM |`)
    lines.push(`| Fillers | ${delivery.fillerCount} (${delivery.fillersPerMinute}/min, ${delivery.bands.fillers}) | at most ${DELIVERY_TARGETS.maxFillersPerMinute}/min |`)
    lines.push(`| Hedges | ${delivery.hedgeCount} (${delivery.hedgesPerMinute}/min, ${delivery.bands.hedges}) | at most ${DELIVERY_TARGETS.maxHedgesPerMinute}/min |`)
    lines.push(`| Long pauses | ${delivery.pauses.length} | none over ${DELIVERY_TARGETS.pauseMs / 1000} s |`)
    lines.push(`| Length | ${delivery.wordCount} words (${delivery.bands.length}) | within the time box |`)
    lines.push('')
  }
  return lines.join('\n')
}

/** A file name for the export: the question's words and the answer's date. */
export function reviewFileName(title: string, createdAt: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `review-${slug || 'answer'}-${createdAt.slice(0, 10)}.md`
}
