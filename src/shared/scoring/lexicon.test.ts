import { describe, expect, it } from 'vitest'
import lexiconJson from '../../../resources/scoring-lexicon.json' with { type: 'json' }
import { defaultLexicon } from './default-lexicon'
import { parseLexicon } from './lexicon'

describe('parseLexicon', () => {
  it('accepts the shipped lexicon', () => {
    expect(parseLexicon(lexiconJson)).toEqual(defaultLexicon)
    expect(defaultLexicon.concepts.map((c) => c.id)).toContain('trade-offs')
  })

  it('rejects a lexicon with a missing list, naming the path', () => {
    const { fillers: _fillers, ...broken } = lexiconJson
    expect(() => parseLexicon(broken)).toThrow(/fillers/)
  })

  it('rejects duplicate concept ids and detectors on listen concepts', () => {
    const concept = lexiconJson.concepts[0]!
    expect(() => parseLexicon({ ...lexiconJson, concepts: [concept, concept] })).toThrow(/duplicate concept id/)
    expect(() => parseLexicon({ ...lexiconJson, concepts: [{ ...concept, detector: 'absolutist' }] })).toThrow(/detector/)
  })

  it('rejects a filler rule without a phrase', () => {
    expect(() => parseLexicon({ ...lexiconJson, fillers: [{ notAfter: ['i'] }] })).toThrow(/Invalid scoring lexicon/)
  })
})
