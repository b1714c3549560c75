import { describe, expect, it } from 'vitest'
import profilesJson from '../../../resources/scoring-profiles.json'
import { questionKinds } from '../banks/question-kinds'
import { defaultProfiles } from './default-profiles'
import { describeProfiles, parseScoringProfiles, profileFor } from './profiles'

describe('scoring profiles', () => {
  it('accepts the shipped profiles, and every kind has exactly one', () => {
    expect(parseScoringProfiles(profilesJson)).toEqual(defaultProfiles)
    for (const kind of questionKinds) {
      expect(defaultProfiles.profiles.filter((p) => p.kinds.includes(kind))).toHaveLength(1)
    }
  })

  it.each([
    ['behavioral', 'behavioral', ['rubric', 'star', 'ownership', 'quantifiedResult', 'delivery'], null],
    ['system-design', 'system-design', ['rubric', 'checklist', 'keyTerms', 'delivery'], 'design'],
    ['scenario', 'scenario', ['rubric', 'checklist', 'keyTerms', 'delivery'], 'incident'],
    ['sql', 'technical', ['checklist', 'keyTerms', 'delivery'], 'sql'],
    ['coding', 'technical', ['checklist', 'keyTerms', 'delivery'], 'coding'],
    ['concept', 'technical', ['checklist', 'keyTerms', 'delivery'], 'concept']
  ] as const)('a %s question is scored by the %s profile', (kind, id, parts, checklist) => {
    const resolved = profileFor(defaultProfiles, kind)
    expect(resolved.profile.id).toBe(id)
    expect(Object.keys(resolved.profile.weights).sort()).toEqual([...parts].sort())
    expect(resolved.checklistId).toBe(checklist)
  })

  it('applies STAR rejects only to stories and design rejects only to technical answers', () => {
    expect(profileFor(defaultProfiles, 'behavioral').profile.detectors).toEqual(['team-only', 'results-without-numbers', 'rambling'])
    for (const kind of ['system-design', 'scenario', 'sql', 'coding', 'concept'] as const) {
      expect(profileFor(defaultProfiles, kind).profile.detectors).toEqual(['tool-only', 'absolutist', 'over-engineering'])
    }
  })

  it('rejects weights that do not add up to 100, a kind claimed twice, or a missing checklist', () => {
    const [first, ...rest] = profilesJson.profiles
    expect(() => parseScoringProfiles({ ...profilesJson, profiles: [{ ...first!, weights: { ...first!.weights, delivery: 50 } }, ...rest] })).toThrow(/add up to/)
    expect(() => parseScoringProfiles({ ...profilesJson, profiles: [first!, { ...first!, id: 'copy' }, ...rest] })).toThrow(/claimed by/)
    const design = profilesJson.profiles.find((p) => p.id === 'system-design')!
    expect(() =>
      parseScoringProfiles({ ...profilesJson, profiles: profilesJson.profiles.map((p) => (p === design ? { ...design, checklists: { 'system-design': 'nope' } } : p)) })
    ).toThrow(/checklist/)
  })

  it('describes every profile with its weights, for the README and the review', () => {
    const lines = describeProfiles(defaultProfiles)
    expect(lines[0]).toMatch(/^Behavioral \(STAR\) \(behavioral\): Rubric "listen for" 20 \+ STAR parts 35/)
    expect(lines.join('\n')).toMatch(/Design checklist 40/)
    expect(lines.join('\n')).toMatch(/not measured/)
  })
})
