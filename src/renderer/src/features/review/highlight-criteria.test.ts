import { describe, expect, it } from 'vitest'
import { scoreTranscript } from '@shared/scoring'
import { defaultLexicon } from '@shared/scoring/default-lexicon'
import { defaultProfiles } from '@shared/scoring/default-profiles'
import { conceptQuestion, systemDesignRubric } from '../../../../../tests/fixtures/scoring-fixtures'
import { checklistHighlightId, highlightCriteria, withChecklistHighlights } from './highlight-criteria'
import { highlightRangesOf } from './transcript-tokens'

const text = 'Kafka is a distributed log. For example, we replayed a week of orders after a bug.'
const report = scoreTranscript({ transcript: text, question: conceptQuestion, rubric: systemDesignRubric, lexicon: defaultLexicon, profiles: defaultProfiles })

describe('highlightCriteria', () => {
  it('adds the met checklist items, after the rubric criteria, with their evidence', () => {
    const criteria = highlightCriteria(report)
    expect(criteria.slice(0, report.criteria.length)).toEqual(report.criteria)
    const example = criteria.find((c) => c.id === checklistHighlightId('example'))
    expect(example).toMatchObject({ kind: 'listen', met: true, label: 'A concrete example' })
    const [quote] = example?.evidence ?? []
    expect(quote && text.slice(quote.startChar, quote.endChar)).toBe('For example, we replayed a week of orders after a bug.')
  })

  it('gives a concept answer highlights even though its profile has no listen-for criteria', () => {
    expect(highlightRangesOf(report)).toEqual([])
    expect(highlightRangesOf(withChecklistHighlights(report)).length).toBeGreaterThan(0)
  })
})
