import type { Question, Rubric } from '../banks/types'
import type { SqlDrillRecord } from '../sql/drill-record'
import { analyzeTranscript, type WordTime } from './analysis'
import { evaluateChecklist } from './checklist'
import { buildCoaching } from './coaching'
import { compileLexicon, compileRubric, type CriterionMatcher } from './compile'
import { correctnessAdvice, correctnessOf, withCorrectness } from './correctness'
import { analyzeDelivery, DELIVERY_FULL_CREDIT_WORDS, DELIVERY_TARGETS, scoreDelivery } from './delivery'
import { matchKeyTerms } from './key-terms'
import type { DetectorId, Lexicon } from './lexicon'
import { componentLabels, detectorLabel, profileFor, scoreComponentIds, type ScoreComponentId, type ScoringProfiles } from './profiles'
import type { Band, CriterionResult, ScoreComponent, ScoreReport } from './report-schema'
import { roundTo } from './rounding'
import { RubricEvaluator } from './rubric-matchers'
import { analyzeStar } from './star'

export interface ScoreInput {
  /** The text to judge: the typed answer, or the transcript as (perhaps) corrected. */
  transcript: string
  /** Word times of the audio the answer was spoken in. */
  words?: readonly WordTime[] | undefined
  /**
   * What the audio said, when `transcript` is a correction of it. Delivery (pace, fillers,
   * pauses) is read from this, with `words`; the content is read from `transcript`.
   */
  spokenText?: string | undefined
  /** How long the answer was spoken, when there are no word times (the CLI's `--duration`). */
  durationMs?: number | undefined
  timeBoxMs?: number | undefined
  question: Question
  rubric: Rubric
  lexicon: Lexicon
  profiles: ScoringProfiles
  /** The answer's SQL drill, when it comes with one: its query's correctness joins the score. */
  sqlDrill?: SqlDrillRecord | undefined
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length

/** Mean of the best `count` values: the checklist's required items. */
const bestOf = (values: readonly number[], count: number): number | null =>
  mean([...values].sort((a, b) => b - a).slice(0, Math.min(count, values.length)))

const mark = (ok: boolean): string => (ok ? '✓' : '✗')

export function bandOf(overall: number, profiles: ScoringProfiles): Band {
  return overall >= profiles.bands.strong ? 'strong' : overall >= profiles.bands.fair ? 'fair' : 'weak'
}

/**
 * Scores one answer with the profile of its question's kind. Pure and deterministic: the same
 * input gives a deep-equal report.
 */
export function scoreTranscript(input: ScoreInput): ScoreReport {
  const lexicon = compileLexicon(input.lexicon)
  const { profile, checklist: checklistDef, checklistId } = profileFor(input.profiles, input.question.kind)
  const weights = profile.weights
  const rubric = compileRubric(lexicon, input.rubric)
  const analysis = analyzeTranscript(input.transcript, lexicon, input.words)
  const spoken =
    input.spokenText !== undefined && input.spokenText !== input.transcript ? analyzeTranscript(input.spokenText, lexicon, input.words) : analysis
  const usesStar = weights.star !== undefined || profile.detectors.some((d) => d === 'team-only' || d === 'results-without-numbers' || d === 'rambling')
  const star = usesStar ? analyzeStar(analysis, lexicon) : null
  const evaluator = new RubricEvaluator(analysis, lexicon, {
    star,
    questionText: `${input.question.title}\n${input.question.prompt}`
  })

  // A listen criterion about a STAR part only means something where stories are judged.
  const listenMatchers = weights.rubric === undefined ? [] : rubric.listen.filter((m) => star !== null || m.starParts.length === 0)
  const allowed = new Set<DetectorId>(profile.detectors)
  const rejectMatchers: Array<{ matcher: CriterionMatcher | null; detector: DetectorId | null; id: string; label: string }> = []
  const covered = new Set<DetectorId>()
  for (const matcher of rubric.reject) {
    // "No criterion applies to a kind it was not written for": a detector this profile does not use is skipped.
    if (matcher.detectors.length > 0 && !matcher.detectors.some((d) => allowed.has(d))) continue
    const detector = matcher.detectors.find((d) => allowed.has(d)) ?? null
    if (detector) covered.add(detector)
    rejectMatchers.push({ matcher, detector, id: matcher.id, label: matcher.label })
  }
  // The profile's own rejects apply even when the question's rubric does not list them.
  for (const detector of profile.detectors) {
    if (!covered.has(detector)) rejectMatchers.push({ matcher: null, detector, id: detector, label: detectorLabel(input.profiles, detector) })
  }

  const criteria: CriterionResult[] = [
    ...listenMatchers.map((matcher): CriterionResult => {
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
    }),
    ...rejectMatchers.map(({ matcher, detector, id, label }): CriterionResult => {
      const outcome = matcher ? evaluator.reject(matcher, detector) : evaluator.rejectByDetector(detector!)
      return {
        id,
        label,
        kind: 'reject',
        met: !outcome.flagged,
        flagged: outcome.flagged,
        strength: outcome.flagged ? 1 : 0,
        concepts: matcher ? matcher.concepts.map((c) => c.concept.id) : [],
        detector,
        evidence: outcome.evidence
      }
    })
  ]

  const checklist = checklistDef && checklistId ? evaluateChecklist(checklistId, checklistDef, input.question.title, analysis, lexicon) : null
  const keyTerms = matchKeyTerms(analysis, lexicon, input.question, input.profiles.keyTerms)
  const termCount = keyTerms.covered.length + keyTerms.missing.length
  const delivery = analyzeDelivery(analysis, spoken, input)
  const deliveryScore = scoreDelivery(delivery)

  const listen = criteria.filter((c) => c.kind === 'listen')
  const starParts = star ? [star.result.situation, star.result.task, star.result.action, star.result.result] : []
  const values: Record<ScoreComponentId, number | null> = {
    rubric: mean(listen.map((c) => c.strength)),
    star: star ? mean(starParts.map((p) => p.score)) : null,
    ownership: star ? ownershipValue(star.result.ownership) : null,
    quantifiedResult: star ? (star.result.quantifiedResult ? 1 : 0) : null,
    checklist: checklist && checklistDef ? bestOf(checklist.items.map((i) => i.strength), checklistDef.required) : null,
    keyTerms: termCount === 0 ? null : keyTerms.ratio,
    delivery: deliveryScore.value
  }
  // Few key terms: the part keeps only a share of its weight, the rest goes to the others.
  const nominal = (id: ScoreComponentId): number => (weights[id] ?? 0) * (id === 'keyTerms' ? keyTerms.weightShare : 1)
  const ids = scoreComponentIds.filter((id) => weights[id] !== undefined)
  const judgedWeight = ids.reduce((sum, id) => sum + (values[id] === null ? 0 : nominal(id)), 0)
  const labelOf = (id: ScoreComponentId): string => (id === 'checklist' && checklist ? checklist.label : componentLabels[id])
  const profileComponents: ScoreComponent[] = ids.map((id) => {
    const value = values[id]
    const effectiveWeight = value === null || judgedWeight === 0 ? 0 : (nominal(id) * 100) / judgedWeight
    return {
      id,
      label: labelOf(id),
      weight: weights[id]!,
      effectiveWeight: roundTo(effectiveWeight, 2),
      value: value === null ? null : roundTo(value, 4),
      points: roundTo((value ?? 0) * effectiveWeight, 2)
    }
  })
  // A SQL drill: the query's result takes its share, the explanation's parts share the rest.
  const correctness = input.sqlDrill ? correctnessOf(input.sqlDrill) : null
  const components = correctness ? withCorrectness(profileComponents, correctness, input.profiles) : profileComponents

  const penalty = profile.penalty ?? input.profiles.penalty
  const penalties: ScoreReport['penalties'] = []
  let penaltyLeft = penalty.cap
  for (const criterion of criteria.filter((c) => c.flagged)) {
    const points = Math.min(penalty.each, penaltyLeft)
    penaltyLeft -= points
    penalties.push({ criterionId: criterion.id, label: criterion.label, points })
  }
  const gained = components.reduce((sum, c) => sum + c.points, 0)
  const lost = penalties.reduce((sum, p) => sum + p.points, 0)
  const overall = analysis.content.length === 0 ? 0 : Math.max(0, Math.min(100, Math.round(gained - lost)))

  const coaching = buildCoaching({
    question: input.question,
    rubric: input.rubric,
    analysis,
    lexicon,
    components,
    criteria,
    listenMatchers: new Map(listenMatchers.map((m) => [m.id, m])),
    checklist: checklist && checklistDef ? { result: checklist, definition: checklistDef } : null,
    star,
    keyTerms,
    delivery,
    deliveryValue: deliveryScore.value,
    penalties,
    correctness: input.sqlDrill ? correctnessAdvice(input.sqlDrill) : null
  })

  const points = (id: ScoreComponentId): string => {
    const component = components.find((c) => c.id === id)!
    return component.value === null
      ? `nothing to judge; its ${component.weight} points went to the other parts`
      : `${component.points.toFixed(1)} of ${component.effectiveWeight.toFixed(1)} pts`
  }
  const lines: Record<ScoreComponentId, () => string> = {
    rubric: () =>
      listen.length === 0
        ? `${labelOf('rubric')}: the rubric lists none for this kind — ${points('rubric')}.`
        : `${labelOf('rubric')}: ${listen.filter((c) => c.met).length}/${listen.length} heard (${listen.map((c) => `${c.label} ${mark(c.met)}`).join(', ')}) → ${points('rubric')}.`,
    star: () => {
      const s = star!.result
      return `${labelOf('star')}: situation ${s.situation.score.toFixed(1)}, task ${s.task.score.toFixed(1)}, action ${s.action.score.toFixed(1)}, result ${s.result.score.toFixed(1)}${s.vagueResults.length > 0 ? ` (${s.vagueResults.length} vague outcome${s.vagueResults.length === 1 ? '' : 's'} not counted as a result)` : ''} → ${points('star')}.`
    },
    ownership: () => {
      const o = star!.result.ownership
      return `${labelOf('ownership')}: ${o.ratio === null ? 'no action told' : `${o.iCount} of ${o.iCount + o.weCount} actions with "I"`}${o.stated ? ', own part stated' : ''} → ${points('ownership')}.`
    },
    quantifiedResult: () => `${labelOf('quantifiedResult')}: ${star!.result.quantifiedResult ? 'the result has a number' : 'no number in the result'} → ${points('quantifiedResult')}.`,
    checklist: () =>
      checklist
        ? `${checklist.label}: ${checklist.items.map((i) => `${i.label} ${mark(i.met)}`).join(', ')} → ${points('checklist')}.`
        : `${labelOf('checklist')}: none → ${points('checklist')}.`,
    keyTerms: () =>
      termCount === 0
        ? `${labelOf('keyTerms')}: the question has none — ${points('keyTerms')}.`
        : `${labelOf('keyTerms')}: ${keyTerms.covered.length}/${termCount} said (${Math.round(keyTerms.ratio * 100)}% of their weight)` +
          (keyTerms.missing.length > 0 ? `, missing ${keyTerms.missing.map((m) => m.term).join(', ')}` : '') +
          keyTerms.covered
            .filter((hit) => hit.how === 'fuzzy' || hit.how === 'acronym' || hit.how === 'compound')
            .map((hit) => `; heard "${hit.heard}" → counted as ${hit.term}`)
            .join('') +
          (keyTerms.weightShare < 1 ? `; only ${termCount} good term${termCount === 1 ? '' : 's'}, so the part keeps ${Math.round(keyTerms.weightShare * 100)}% of its weight` : '') +
          ` → ${points('keyTerms')}.`,
    delivery: () =>
      !delivery.measured
        ? `${labelOf('delivery')}: not measured — ${delivery.reason?.replace(/\.$/, '')}; its ${weights.delivery} points went to the other parts.`
        : `${labelOf('delivery')}: ` +
          [
            `${delivery.wpm} WPM (target ${DELIVERY_TARGETS.paceWpm.min}–${DELIVERY_TARGETS.paceWpm.max})`,
            `${delivery.fillerCount} fillers, ${delivery.fillersPerMinute}/min (target ≤ ${DELIVERY_TARGETS.maxFillersPerMinute})`,
            `${delivery.hedgeCount} hedges`,
            delivery.pauses.length > 0 ? `${delivery.pauses.length} pauses over ${DELIVERY_TARGETS.pauseMs / 1000} s` : null,
            delivery.bands.length === 'unknown' ? null : `length ${delivery.bands.length} for the time box`,
            delivery.contentWordCount < DELIVERY_FULL_CREDIT_WORDS ? `scaled by ${delivery.contentWordCount}/${DELIVERY_FULL_CREDIT_WORDS} words` : null
          ]
            .filter((part): part is string => part !== null)
            .join(', ') +
          ` → ${points('delivery')}.`
  }
  const correctnessPart = components.find((c) => c.id === 'correctness')
  const explanation: string[] = [
    `Profile: ${profile.label}.`,
    ...(correctness && correctnessPart
      ? [
          correctnessPart.value === null
            ? `${correctnessPart.label}: not scored — ${correctness.explanation.replace(/\.$/, '')}; the explanation's parts keep their full weight.`
            : `${correctnessPart.label} (SQL drill, ${correctnessPart.weight} of 100): ${correctness.explanation.replace(/\.$/, '')} → ${correctnessPart.points.toFixed(1)} of ${correctnessPart.effectiveWeight.toFixed(1)} pts; the explanation's parts below share the other ${100 - correctnessPart.weight}.`
        ]
      : []),
    ...ids.map((id) => lines[id]()),
    penalties.length === 0
      ? 'Penalties: no rejected pattern found.'
      : `Penalties: ${penalties.map((p) => `${p.label} −${p.points}`).join(', ')} (at most −${penalty.cap}).`,
    `Overall: ${gained.toFixed(1)} − ${lost} = ${overall}/100 (${bandOf(overall, input.profiles)}).`
  ]

  return {
    profile: { id: profile.id, label: profile.label },
    overall,
    band: bandOf(overall, input.profiles),
    criteria,
    checklist,
    keyTerms,
    star: star?.result ?? null,
    delivery,
    components,
    penalties,
    coaching,
    explanation,
    ...(correctness ? { correctness } : {})
  }
}

/** Actions it takes to show what one did: a single "I fixed it" owns little. */
const ownedActionsForFullCredit = 2

/** Actions said with "I" (enough of them to show the work), or the candidate saying plainly what was theirs. */
function ownershipValue(ownership: { iCount: number; weCount: number; stated: boolean }): number {
  const actions = ownership.iCount + ownership.weCount
  if (actions === 0) return ownership.stated ? 0.5 : 0
  const share = (ownership.iCount / actions) * Math.min(1, ownership.iCount / ownedActionsForFullCredit)
  return ownership.stated ? Math.max(share, 0.8) : share
}
