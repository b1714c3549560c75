import type { Checklist, ScoreComponentId, ScoringProfile } from './profiles'
import { scoreComponentIds } from './profiles'
import type { ChecklistResult, CriterionResult, KeyTermCoverage, ScoreComponent, ScoreReport, StarResult } from './report-schema'
import { roundTo } from './rounding'

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length

/** Mean of the best `count` values: the checklist's required items. */
const bestOf = (values: readonly number[], count: number): number | null =>
  mean([...values].sort((a, b) => b - a).slice(0, Math.min(count, values.length)))

/** Actions it takes to show what one did: a single "I fixed it" owns little. */
const ownedActionsForFullCredit = 2

/** Actions said with "I" (enough of them to show the work), or the candidate saying plainly what was theirs. */
function ownershipValue(ownership: { iCount: number; weCount: number; stated: boolean }): number {
  const actions = ownership.iCount + ownership.weCount
  if (actions === 0) return ownership.stated ? 0.5 : 0
  const share = (ownership.iCount / actions) * Math.min(1, ownership.iCount / ownedActionsForFullCredit)
  return ownership.stated ? Math.max(share, 0.8) : share
}

export interface JudgedParts {
  criteria: readonly CriterionResult[]
  star: StarResult | null
  checklist: { result: ChecklistResult; definition: Checklist } | null
  keyTerms: KeyTermCoverage
  deliveryValue: number | null
}

/** Each part's value from 0 to 1, or null where the answer gives nothing to judge. */
export function componentValues(parts: JudgedParts): Record<ScoreComponentId, number | null> {
  const { star, checklist, keyTerms } = parts
  const listen = parts.criteria.filter((c) => c.kind === 'listen')
  const termCount = keyTerms.covered.length + keyTerms.missing.length
  return {
    rubric: mean(listen.map((c) => c.strength)),
    star: star ? mean([star.situation, star.task, star.action, star.result].map((p) => p.score)) : null,
    ownership: star ? ownershipValue(star.ownership) : null,
    quantifiedResult: star ? (star.quantifiedResult ? 1 : 0) : null,
    checklist: checklist ? bestOf(checklist.result.items.map((i) => i.strength), checklist.definition.required) : null,
    keyTerms: termCount === 0 ? null : keyTerms.ratio,
    delivery: parts.deliveryValue
  }
}

/**
 * The profile's parts with their points. A part with nothing to judge gives its weight to the
 * others; with few key terms that part keeps only a share of its weight, the rest goes to the others.
 */
export function weighComponents(
  weights: ScoringProfile['weights'],
  values: Record<ScoreComponentId, number | null>,
  keyTermsWeightShare: number,
  labelOf: (id: ScoreComponentId) => string
): ScoreComponent[] {
  const weighted = scoreComponentIds.flatMap((id) => {
    const weight = weights[id]
    return weight === undefined ? [] : [{ id, weight, nominal: weight * (id === 'keyTerms' ? keyTermsWeightShare : 1) }]
  })
  const judgedWeight = weighted.reduce((sum, part) => sum + (values[part.id] === null ? 0 : part.nominal), 0)
  return weighted.map(({ id, weight, nominal }) => {
    const value = values[id]
    const effectiveWeight = value === null || judgedWeight === 0 ? 0 : (nominal * 100) / judgedWeight
    return {
      id,
      label: labelOf(id),
      weight,
      effectiveWeight: roundTo(effectiveWeight, 2),
      value: value === null ? null : roundTo(value, 4),
      points: roundTo((value ?? 0) * effectiveWeight, 2)
    }
  })
}

/** Each flagged criterion costs `each` points, until `cap` points are spent. */
export function penaltiesFor(criteria: readonly CriterionResult[], penalty: { each: number; cap: number }): ScoreReport['penalties'] {
  const penalties: ScoreReport['penalties'] = []
  let penaltyLeft = penalty.cap
  for (const criterion of criteria.filter((c) => c.flagged)) {
    const points = Math.min(penalty.each, penaltyLeft)
    penaltyLeft -= points
    penalties.push({ criterionId: criterion.id, label: criterion.label, points })
  }
  return penalties
}
