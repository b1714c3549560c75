import { defined } from '../defined'
import { DELIVERY_FULL_CREDIT_WORDS, DELIVERY_TARGETS } from './delivery'
import { componentLabels, type ScoreComponentId, type ScoringProfile } from './profiles'
import type {
  Band,
  ChecklistResult,
  CorrectnessResult,
  CriterionResult,
  DeliveryResult,
  KeyTermCoverage,
  ScoreComponent,
  ScoreReport,
  StarResult
} from './report-schema'

/** What the explanation tells: the judged parts and how they added up. */
export interface ExplainInput {
  profile: ScoringProfile
  criteria: readonly CriterionResult[]
  star: StarResult | null
  checklist: ChecklistResult | null
  keyTerms: KeyTermCoverage
  delivery: DeliveryResult
  components: readonly ScoreComponent[]
  correctness: CorrectnessResult | null
  penalties: ScoreReport['penalties']
  penaltyCap: number
  gained: number
  lost: number
  overall: number
  band: Band
}

const mark = (ok: boolean): string => (ok ? '✓' : '✗')

/** A part's label: the checklist is named after the one the question uses. */
export function componentLabel(id: ScoreComponentId, checklist: ChecklistResult | null): string {
  return id === 'checklist' && checklist ? checklist.label : componentLabels[id]
}

function pointsOf(input: ExplainInput, id: ScoreComponentId): string {
  const component = defined(
    input.components.find((c) => c.id === id),
    `score component "${id}"`
  )
  return component.value === null
    ? `nothing to judge; its ${component.weight} points went to the other parts`
    : `${component.points.toFixed(1)} of ${component.effectiveWeight.toFixed(1)} pts`
}

/** The STAR reading, which the profiles that weigh a story's parts always have. */
const storyOf = (input: ExplainInput): StarResult => defined(input.star, 'the STAR reading of a profile that weighs the story')

function rubricLine(input: ExplainInput): string {
  const listen = input.criteria.filter((c) => c.kind === 'listen')
  const label = componentLabel('rubric', input.checklist)
  return listen.length === 0
    ? `${label}: the rubric lists none for this kind — ${pointsOf(input, 'rubric')}.`
    : `${label}: ${listen.filter((c) => c.met).length}/${listen.length} heard (${listen.map((c) => `${c.label} ${mark(c.met)}`).join(', ')}) → ${pointsOf(input, 'rubric')}.`
}

function starLine(input: ExplainInput): string {
  const s = storyOf(input)
  return `${componentLabel('star', input.checklist)}: situation ${s.situation.score.toFixed(1)}, task ${s.task.score.toFixed(1)}, action ${s.action.score.toFixed(1)}, result ${s.result.score.toFixed(1)}${s.vagueResults.length > 0 ? ` (${s.vagueResults.length} vague outcome${s.vagueResults.length === 1 ? '' : 's'} not counted as a result)` : ''} → ${pointsOf(input, 'star')}.`
}

function ownershipLine(input: ExplainInput): string {
  const o = storyOf(input).ownership
  return `${componentLabel('ownership', input.checklist)}: ${o.ratio === null ? 'no action told' : `${o.iCount} of ${o.iCount + o.weCount} actions with "I"`}${o.stated ? ', own part stated' : ''} → ${pointsOf(input, 'ownership')}.`
}

function quantifiedResultLine(input: ExplainInput): string {
  return `${componentLabel('quantifiedResult', input.checklist)}: ${storyOf(input).quantifiedResult ? 'the result has a number' : 'no number in the result'} → ${pointsOf(input, 'quantifiedResult')}.`
}

function checklistLine(input: ExplainInput): string {
  const { checklist } = input
  return checklist
    ? `${checklist.label}: ${checklist.items.map((i) => `${i.label} ${mark(i.met)}`).join(', ')} → ${pointsOf(input, 'checklist')}.`
    : `${componentLabel('checklist', checklist)}: none → ${pointsOf(input, 'checklist')}.`
}

function keyTermsLine(input: ExplainInput): string {
  const { keyTerms } = input
  const termCount = keyTerms.covered.length + keyTerms.missing.length
  const label = componentLabel('keyTerms', input.checklist)
  if (termCount === 0) return `${label}: the question has none — ${pointsOf(input, 'keyTerms')}.`
  return (
    `${label}: ${keyTerms.covered.length}/${termCount} said (${Math.round(keyTerms.ratio * 100)}% of their weight)` +
    (keyTerms.missing.length > 0 ? `, missing ${keyTerms.missing.map((m) => m.term).join(', ')}` : '') +
    keyTerms.covered
      .filter((hit) => hit.how === 'fuzzy' || hit.how === 'acronym' || hit.how === 'compound')
      .map((hit) => `; heard "${hit.heard}" → counted as ${hit.term}`)
      .join('') +
    (keyTerms.weightShare < 1 ? `; only ${termCount} good term${termCount === 1 ? '' : 's'}, so the part keeps ${Math.round(keyTerms.weightShare * 100)}% of its weight` : '') +
    ` → ${pointsOf(input, 'keyTerms')}.`
  )
}

function deliveryLine(input: ExplainInput): string {
  const { delivery } = input
  const label = componentLabel('delivery', input.checklist)
  if (!delivery.measured) {
    return `${label}: not measured — ${delivery.reason?.replace(/\.$/, '')}; its ${input.profile.weights.delivery} points went to the other parts.`
  }
  const parts = [
    `${delivery.wpm} WPM (target ${DELIVERY_TARGETS.paceWpm.min}–${DELIVERY_TARGETS.paceWpm.max})`,
    `${delivery.fillerCount} fillers, ${delivery.fillersPerMinute}/min (target ≤ ${DELIVERY_TARGETS.maxFillersPerMinute})`,
    `${delivery.hedgeCount} hedges`,
    delivery.pauses.length > 0 ? `${delivery.pauses.length} pauses over ${DELIVERY_TARGETS.pauseMs / 1000} s` : null,
    delivery.bands.length === 'unknown' ? null : `length ${delivery.bands.length} for the time box`,
    delivery.contentWordCount < DELIVERY_FULL_CREDIT_WORDS ? `scaled by ${delivery.contentWordCount}/${DELIVERY_FULL_CREDIT_WORDS} words` : null
  ]
  return `${label}: ` + parts.filter((part): part is string => part !== null).join(', ') + ` → ${pointsOf(input, 'delivery')}.`
}

const componentLines: Record<ScoreComponentId, (input: ExplainInput) => string> = {
  rubric: rubricLine,
  star: starLine,
  ownership: ownershipLine,
  quantifiedResult: quantifiedResultLine,
  checklist: checklistLine,
  keyTerms: keyTermsLine,
  delivery: deliveryLine
}

/** The SQL drill's line: what the query's result counted for, before the explanation's parts. */
function correctnessLines(input: ExplainInput): string[] {
  const { correctness } = input
  const part = input.components.find((c) => c.id === 'correctness')
  if (!correctness || !part) return []
  const said = correctness.explanation.replace(/\.$/, '')
  return [
    part.value === null
      ? `${part.label}: not scored — ${said}; the explanation's parts keep their full weight.`
      : `${part.label} (SQL drill, ${part.weight} of 100): ${said} → ${part.points.toFixed(1)} of ${part.effectiveWeight.toFixed(1)} pts; the explanation's parts below share the other ${100 - part.weight}.`
  ]
}

/** How the score came about, a line a part, in the order the report shows them. */
export function explainScore(input: ExplainInput): string[] {
  const { penalties } = input
  return [
    `Profile: ${input.profile.label}.`,
    ...correctnessLines(input),
    ...input.components.flatMap((c) => (c.id === 'correctness' ? [] : [componentLines[c.id](input)])),
    penalties.length === 0
      ? 'Penalties: no rejected pattern found.'
      : `Penalties: ${penalties.map((p) => `${p.label} −${p.points}`).join(', ')} (at most −${input.penaltyCap}).`,
    `Overall: ${input.gained.toFixed(1)} − ${input.lost} = ${input.overall}/100 (${input.band}).`
  ]
}
