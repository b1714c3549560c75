import type { Question, Rubric } from '../banks/types'
import { analyzeTranscript, type WordTime } from './analysis'
import { compileLexicon, compileRubric } from './compile'
import { analyzeDelivery, DELIVERY_FULL_CREDIT_WORDS, DELIVERY_TARGETS, scoreDelivery } from './delivery'
import { matchKeyTerms } from './key-terms'
import type { Lexicon } from './lexicon'
import type { CriterionResult, ScoreComponent, ScoreReport, ScoreWeights, TemplatePartResult } from './report-schema'
import { roundTo } from './rounding'
import { RubricEvaluator } from './rubric-matchers'
import { analyzeStar } from './star'

/**
 * How the overall score is built. Positive components add up to 100; a component with nothing
 * to judge (a question with no key terms, a rubric with no template) hands its weight to the
 * others in proportion. Each rejected pattern the answer shows then costs `rejectPenalty`
 * points, at most `rejectPenaltyCap` in all.
 */
export const SCORING_WEIGHTS = {
  rubric: 35,
  template: 15,
  keyTerms: 20,
  star: 10,
  delivery: 20,
  rejectPenalty: 15,
  rejectPenaltyCap: 35
} as const satisfies ScoreWeights

/** The same rules in words, for the README and the review screen's "how is this scored?". */
export const SCORING_WEIGHTS_DOC = [
  'Overall score (0–100) = rubric + template + key terms + STAR + delivery − penalties.',
  `- Rubric "listen for" (${SCORING_WEIGHTS.rubric}): average strength of the rubric's listen-for criteria; a criterion heard in one sentence counts 0.7, in two or more 1.0.`,
  `- Answer template (${SCORING_WEIGHTS.template}): average strength of the template parts (for example SUCCESS / FAILURE / TRADE-OFF, or STAR).`,
  `- Key terms (${SCORING_WEIGHTS.keyTerms}): share of the question's key terms said, counting stems, spelled-out acronyms and misheard jargon.`,
  `- STAR (${SCORING_WEIGHTS.star}): average of situation, task, action and result; a result with numbers and actions said with "I" score higher.`,
  `- Delivery (${SCORING_WEIGHTS.delivery}): pace ${DELIVERY_TARGETS.paceWpm.min}–${DELIVERY_TARGETS.paceWpm.max} WPM, at most ${DELIVERY_TARGETS.maxFillersPerMinute} fillers and ${DELIVERY_TARGETS.maxHedgesPerMinute} hedges a minute, length within the time box; scaled down for answers under ${DELIVERY_FULL_CREDIT_WORDS} words.`,
  `- Penalties: −${SCORING_WEIGHTS.rejectPenalty} for each rejected pattern shown (tool-only, absolutist, over-engineering…), at most −${SCORING_WEIGHTS.rejectPenaltyCap}.`,
  'A component with nothing to judge gives its weight to the others in proportion.'
].join('\n')

export interface ScoreInput {
  transcript: string
  /** Word times from the transcriber; the transcript may have been edited since. */
  words?: readonly WordTime[] | undefined
  durationMs?: number | undefined
  timeBoxMs?: number | undefined
  question: Question
  rubric: Rubric
  lexicon: Lexicon
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length

const mark = (ok: boolean): string => (ok ? '✓' : '✗')

/** Scores one answer. Pure and deterministic: the same input gives a deep-equal report. */
export function scoreTranscript(input: ScoreInput): ScoreReport {
  const lexicon = compileLexicon(input.lexicon)
  const rubric = compileRubric(lexicon, input.rubric)
  const analysis = analyzeTranscript(input.transcript, lexicon, input.words)
  const star = analyzeStar(analysis, lexicon)
  const evaluator = new RubricEvaluator(analysis, lexicon, star)

  const criteria: CriterionResult[] = [
    ...rubric.listen.map((matcher): CriterionResult => {
      const outcome = evaluator.listen(matcher)
      return {
        id: matcher.id,
        label: matcher.label,
        kind: 'listen',
        met: outcome.met,
        flagged: false,
        strength: outcome.strength,
        concepts: matcher.concepts.map((c) => c.concept.id),
        evidence: outcome.evidence
      }
    }),
    ...rubric.reject.map((matcher): CriterionResult => {
      const outcome = evaluator.reject(matcher)
      return {
        id: matcher.id,
        label: matcher.label,
        kind: 'reject',
        met: !outcome.flagged,
        flagged: outcome.flagged,
        strength: outcome.flagged ? 1 : 0,
        concepts: matcher.concepts.map((c) => c.concept.id),
        evidence: outcome.evidence
      }
    })
  ]
  const template: TemplatePartResult[] = rubric.template.map((matcher) => {
    const outcome = evaluator.listen(matcher)
    return { id: matcher.id, label: matcher.label, met: outcome.met, strength: outcome.strength, evidence: outcome.evidence }
  })
  const keyTerms = matchKeyTerms(analysis, lexicon, input.question)
  const delivery = analyzeDelivery(analysis, input)
  const deliveryScore = scoreDelivery(delivery)

  const listen = criteria.filter((c) => c.kind === 'listen')
  const starParts = [star.situation, star.task, star.action, star.result]
  const values: Record<ScoreComponent['id'], number | null> = {
    rubric: mean(listen.map((c) => c.strength)),
    template: mean(template.map((t) => t.strength)),
    keyTerms: input.question.keyTerms.length === 0 || keyTerms.covered.length + keyTerms.missing.length === 0 ? null : keyTerms.ratio,
    star: mean(starParts.map((p) => p.score)),
    delivery: deliveryScore.value
  }
  const labels: Record<ScoreComponent['id'], string> = {
    rubric: 'Rubric "listen for"',
    template: 'Answer template',
    keyTerms: 'Key terms',
    star: 'STAR',
    delivery: 'Delivery'
  }
  const ids = ['rubric', 'template', 'keyTerms', 'star', 'delivery'] as const
  const judgedWeight = ids.reduce((sum, id) => sum + (values[id] === null ? 0 : SCORING_WEIGHTS[id]), 0)
  const components: ScoreComponent[] = ids.map((id) => {
    const value = values[id]
    const effectiveWeight = value === null || judgedWeight === 0 ? 0 : (SCORING_WEIGHTS[id] * 100) / judgedWeight
    return {
      id,
      label: labels[id],
      weight: SCORING_WEIGHTS[id],
      effectiveWeight: roundTo(effectiveWeight, 2),
      value: value === null ? null : roundTo(value, 4),
      points: roundTo((value ?? 0) * effectiveWeight, 2)
    }
  })

  const flagged = criteria.filter((c) => c.flagged)
  const penalties: ScoreReport['penalties'] = []
  let penaltyLeft: number = SCORING_WEIGHTS.rejectPenaltyCap
  for (const criterion of flagged) {
    const points = Math.min(SCORING_WEIGHTS.rejectPenalty, penaltyLeft)
    penaltyLeft -= points
    penalties.push({ criterionId: criterion.id, label: criterion.label, points })
  }
  const gained = components.reduce((sum, c) => sum + c.points, 0)
  const lost = penalties.reduce((sum, p) => sum + p.points, 0)
  const overall = Math.max(0, Math.min(100, Math.round(gained - lost)))

  const points = (id: ScoreComponent['id']): string => {
    const component = components.find((c) => c.id === id)!
    return component.value === null
      ? `nothing to judge; its ${component.weight} points went to the other components`
      : `${component.points.toFixed(1)} of ${component.effectiveWeight.toFixed(1)} pts`
  }
  const explanation: string[] = [
    listen.length === 0
      ? `${labels.rubric}: the rubric lists none — ${points('rubric')}.`
      : `${labels.rubric}: ${listen.filter((c) => c.met).length}/${listen.length} heard (${listen
          .map((c) => `${c.label} ${mark(c.met)}`)
          .join(', ')}) → ${points('rubric')}.`,
    template.length === 0
      ? `${labels.template}: the rubric has none — ${points('template')}.`
      : `${labels.template}: ${template.map((t) => `${t.label} ${mark(t.met)}`).join(', ')} → ${points('template')}.`,
    values.keyTerms === null
      ? `${labels.keyTerms}: the question lists none — ${points('keyTerms')}.`
      : `${labels.keyTerms}: ${keyTerms.covered.length}/${keyTerms.covered.length + keyTerms.missing.length} covered` +
        (keyTerms.missing.length > 0 ? `, missing ${keyTerms.missing.join(', ')}` : '') +
        keyTerms.covered
          .filter((hit) => hit.how === 'fuzzy' || hit.how === 'acronym' || hit.how === 'compound')
          .map((hit) => `; heard "${hit.heard}" → counted as ${hit.term}`)
          .join('') +
        ` → ${points('keyTerms')}.`,
    `${labels.star}: situation ${star.situation.score.toFixed(1)}, task ${star.task.score.toFixed(1)}, action ${star.action.score.toFixed(1)}, result ${star.result.score.toFixed(1)}` +
      (star.quantifiedResult ? ' (quantified)' : '') +
      (star.ownership.ratio === null ? '' : `; "I" in ${Math.round(star.ownership.ratio * 100)}% of I/we`) +
      ` → ${points('star')}.`,
    `${labels.delivery}: ` +
      [
        delivery.wpm === null
          ? 'pace unknown (no timing)'
          : `${delivery.wpm} WPM (target ${DELIVERY_TARGETS.paceWpm.min}–${DELIVERY_TARGETS.paceWpm.max})`,
        `${delivery.fillerCount} fillers, ${delivery.fillersPerMinute}/min (target ≤ ${DELIVERY_TARGETS.maxFillersPerMinute})`,
        `${delivery.hedgeCount} hedges`,
        delivery.pauses.length > 0 ? `${delivery.pauses.length} pauses over ${DELIVERY_TARGETS.pauseMs / 1000} s` : null,
        delivery.bands.length === 'unknown' ? null : `length ${delivery.bands.length} for the time box`,
        delivery.contentWordCount < DELIVERY_FULL_CREDIT_WORDS
          ? `scaled by ${delivery.contentWordCount}/${DELIVERY_FULL_CREDIT_WORDS} words`
          : null
      ]
        .filter((part): part is string => part !== null)
        .join(', ') +
      ` → ${points('delivery')}.`,
    penalties.length === 0
      ? 'Penalties: no rejected pattern found.'
      : `Penalties: ${penalties.map((p) => `${p.label} −${p.points}`).join(', ')} (at most −${SCORING_WEIGHTS.rejectPenaltyCap}).`,
    `Overall: ${gained.toFixed(1)} − ${lost} = ${overall}/100.`
  ]

  return {
    overall,
    criteria,
    template,
    keyTerms,
    star,
    delivery,
    components,
    penalties,
    weights: { ...SCORING_WEIGHTS },
    explanation
  }
}
