import { describe, expect, it } from 'vitest'
import { scoreTranscript } from '@shared/scoring'
import { defaultLexicon } from '@shared/scoring/default-lexicon'
import { defaultProfiles } from '@shared/scoring/default-profiles'
import { batchVsStreamingQuestion, behavioralQuestion, reasonedAnswer, sloganAnswer, starRubric, starStory, systemDesignRubric } from '../../../../../tests/fixtures/scoring-fixtures'
import { reviewFileName, reviewToMarkdown } from './review-markdown'

const answer = { createdAt: '2025-03-01T10:15:00.000Z', source: 'typed' as const, edited: false, durationMs: null }

function markdownOf(text: string): string {
  const report = scoreTranscript({ transcript: text, question: batchVsStreamingQuestion, rubric: systemDesignRubric, lexicon: defaultLexicon, profiles: defaultProfiles })
  return reviewToMarkdown({ question: batchVsStreamingQuestion, answer, text, report })
}

describe('reviewToMarkdown', () => {
  const md = markdownOf(reasonedAnswer)

  it('holds the title, the overall score with its explanation and the transcript', () => {
    const report = scoreTranscript({ transcript: reasonedAnswer, question: batchVsStreamingQuestion, rubric: systemDesignRubric, lexicon: defaultLexicon, profiles: defaultProfiles })
    expect(md).toContain('# Review: How do you decide batch vs streaming?')
    expect(md).toContain(`## Overall score: ${report.overall}/100 (${report.band})`)
    expect(md).toContain('scored as System design')
    for (const line of report.explanation) expect(md).toContain(`- ${line}`)
    expect(md).toContain(`## Transcript\n\n${reasonedAnswer}\n`)
  })

  it('has a rubric table with one row per criterion and checklist item', () => {
    expect(md).toContain('| Criterion | Result | Evidence |')
    const rows = md.split('\n').filter((line) => /^\| (?!Criterion|---|Part|Measure|Situation|Task|Action|Result|Pace|Fillers|Hedges|Long|Length)/.test(line))
    expect(rows).toHaveLength(systemDesignRubric.listenFor.length + systemDesignRubric.reject.length + 6)
    expect(md).toMatch(/\| Design checklist: Trade-offs \| met \| “.+” \|/)
    expect(md).toMatch(/\| Decision frameworks with trade-offs \| met \| “.+” \|/)
    expect(md).toContain('| Tool-only answers | avoided | — |')
  })

  it('marks flagged criteria and missing key terms', () => {
    const slogan = markdownOf(sloganAnswer)
    expect(slogan).toMatch(/\| Tool-only answers \| flagged \| “.*Spark.*” \|/)
    expect(slogan).toContain('- ✗ latency (missing) — listed by the bank, weight 1')
    // A design answer has no STAR part, and a typed one no delivery figures.
    expect(slogan).not.toContain('## STAR')
    expect(slogan).toMatch(/## Delivery\n\nNot measured\. Typed answer/)
    expect(slogan).not.toContain('| Pace |')
  })

  it('gives a story its STAR table and lists the coaching', () => {
    const report = scoreTranscript({ transcript: starStory, question: behavioralQuestion, rubric: starRubric, lexicon: defaultLexicon, profiles: defaultProfiles, words: starStory.split(' ').map((text, i) => ({ startMs: i * 400, endMs: i * 400 + 300, text })) })
    const story = reviewToMarkdown({ question: behavioralQuestion, answer, text: starStory, report })
    expect(story).toContain('## STAR')
    expect(story).toContain('| Pace |')
    const slogan = markdownOf(sloganAnswer)
    expect(slogan).toMatch(/## Next time\n\n1\. \*\*.+\*\* \(about \+[\d.]+ points\): “.+”\n2\. /)
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
