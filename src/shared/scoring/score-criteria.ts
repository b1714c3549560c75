import type { CompiledRubric, CriterionMatcher } from './compile'
import type { DetectorId } from './lexicon'
import { detectorLabel, type ScoringProfile, type ScoringProfiles } from './profiles'
import type { CriterionResult } from './report-schema'
import type { RubricEvaluator } from './rubric-matchers'
import type { StarAnalysis } from './star'

/** A reject criterion to judge: the rubric's own (with its matcher), or a bare profile detector. */
type RejectEntry =
  | { matcher: CriterionMatcher; detector: DetectorId | null; id: string; label: string }
  | { matcher: null; detector: DetectorId; id: string; label: string }

/** The rubric's listen criteria this profile judges: one about a STAR part only means something where stories are judged. */
export function listenMatchersFor(rubric: CompiledRubric, profile: ScoringProfile, star: StarAnalysis | null): readonly CriterionMatcher[] {
  return profile.weights.rubric === undefined ? [] : rubric.listen.filter((m) => star !== null || m.starParts.length === 0)
}

/** The rubric's reject criteria this profile uses, then the profile's own detectors the rubric does not list. */
function rejectEntriesFor(rubric: CompiledRubric, profile: ScoringProfile, profiles: ScoringProfiles): RejectEntry[] {
  const allowed = new Set<DetectorId>(profile.detectors)
  const entries: RejectEntry[] = []
  const covered = new Set<DetectorId>()
  for (const matcher of rubric.reject) {
    // "No criterion applies to a kind it was not written for": a detector this profile does not use is skipped.
    if (matcher.detectors.length > 0 && !matcher.detectors.some((d) => allowed.has(d))) continue
    const detector = matcher.detectors.find((d) => allowed.has(d)) ?? null
    if (detector) covered.add(detector)
    entries.push({ matcher, detector, id: matcher.id, label: matcher.label })
  }
  // The profile's own rejects apply even when the question's rubric does not list them.
  for (const detector of profile.detectors) {
    if (!covered.has(detector)) entries.push({ matcher: null, detector, id: detector, label: detectorLabel(profiles, detector) })
  }
  return entries
}

function listenResult(evaluator: RubricEvaluator, matcher: CriterionMatcher): CriterionResult {
  const outcome = evaluator.listen(matcher)
  return {
    id: matcher.id,
    label: matcher.label,
    kind: 'listen',
    met: outcome.met,
    flagged: false,
    strength: outcome.strength,
    concepts: matcher.concepts.map((c) => c.concept.id),
    detector: null,
    evidence: outcome.evidence
  }
}

function rejectResult(evaluator: RubricEvaluator, entry: RejectEntry): CriterionResult {
  const outcome = entry.matcher ? evaluator.reject(entry.matcher, entry.detector) : evaluator.rejectByDetector(entry.detector)
  return {
    id: entry.id,
    label: entry.label,
    kind: 'reject',
    met: !outcome.flagged,
    flagged: outcome.flagged,
    strength: outcome.flagged ? 1 : 0,
    concepts: entry.matcher ? entry.matcher.concepts.map((c) => c.concept.id) : [],
    detector: entry.detector,
    evidence: outcome.evidence
  }
}

/** Every criterion of the answer judged: the listen criteria first, then the rejects. */
export function judgeCriteria(
  evaluator: RubricEvaluator,
  listenMatchers: readonly CriterionMatcher[],
  rubric: CompiledRubric,
  profile: ScoringProfile,
  profiles: ScoringProfiles
): CriterionResult[] {
  return [
    ...listenMatchers.map((matcher) => listenResult(evaluator, matcher)),
    ...rejectEntriesFor(rubric, profile, profiles).map((entry) => rejectResult(evaluator, entry))
  ]
}
