import { describe, expect, it } from 'vitest'
import { scoreTranscript } from '../../../../shared/scoring'
import { defaultLexicon } from '../../../../shared/scoring/default-lexicon'
import { batchVsStreamingQuestion, reasonedAnswer, sloganAnswer, systemDesignRubric } from '../../../../shared/scoring/test-fixtures'
import { reviewFileName, reviewToMarkdown } from './review-markdown'

const answer = { createdAt: '2025-03-01T10:15:00.000Z', source: 'typed' as const, edited: false, durationMs: null }

function markdownOf(text: string): string {
  const report = scoreTranscript({ transcript: text, question: batchVsStreamingQuestion, rubric: systemDesignRubric, lexicon: defaultLexicon })
  return reviewToMarkdown({ question: batchVsStreamingQuestion, answer, text, report })
}

describe('reviewToMarkdown', () => {
  const md = markdownOf(reasonedAnswer)

  it('holds the title, the overall score with its explanation and the transcript', () => {
    const report = scoreTranscript({ transcript: reasonedAnswer, question: batchVsStreamingQuestion, rubric: systemDesignRubric, lexicon: defaultLexicon })
    expect(md).toContain('# Review: How do you decide batch vs streaming?')
    expect(md).toContain(`## Overall score: ${report.overall}/100`)
    for (const line of report.explanation) expect(md).toContain(`- ${line}`)
    expect(md).toContain(`## Transcript\n\n${reasonedAnswer}\n`)
  })

  it('has a rubric table with one row per criterion and template part', () => {
    expect(md).toContain('| Criterion | Result | Evidence |')
    const rows = md.split('\n').filter((line) => /^\| (?!Criterion|---|Part|Measure|Situation|Task|Action|Result|Pace|Fillers|Hedges|Long|Length)/.test(line))
    expect(rows).toHaveLength(systemDesignRubric.listenFor.length + systemDesignRubric.reject.length + systemDesignRubric.template.length)
    expect(md).toMatch(/\| Decision frameworks with trade-offs \| met \| “.+” \|/)
    expect(md).toContain('| Tool-only answers | avoided | — |')
  })

  it('marks flagged criteria and missing key terms', () => {
    const slogan = markdownOf(sloganAnswer)
    expect(slogan).toMatch(/\| Tool-only answers \| flagged \| “.*Spark.*” \|/)
    expect(slogan).toContain('- ✗ latency (missing)')
    expect(slogan).toContain('## STAR')
    expect(slogan).toContain('| Pace |')
  })

  it('keeps table cells in one piece', () => {
    const text = 'We weighed batch | streaming\nand chose batch because latency was not worth the cost, always.'
    const lines = markdownOf(text).split('\n').filter((line) => line.startsWith('| '))
    for (const line of lines) expect(line.replace(/\\\|/g, '').split('|').length).toBeGreaterThanOrEqual(4)
    expect(markdownOf(text)).not.toMatch(/\| [^\n]*batch \| streaming[^\n]*\|$/m)
  })
})

describe('reviewFileName', () => {
  it('makes a safe file name from the title and date', () => {
    expect(reviewFileName('How do you decide batch vs. streaming?', '2025-03-01T10:15:00.000Z')).toBe(
      'review-how-do-you-decide-batch-vs-streaming-2025-03-01.md'
    )
    expect(reviewFileName('???', '2025-03-01T10:15:00.000Z')).toBe('review-answer-2025-03-01.md')
  })
})
