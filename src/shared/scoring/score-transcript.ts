import type { Question, Rubric } from '../banks/types'
import type { SqlDrillRecord } from '../sql/drill-record'
import { analyzeTranscript, type WordTime } from './analysis'
import { evaluateChecklist } from './checklist'
import { buildCoaching } from './coaching'
import { compileLexicon, compileRubric } from './compile'
import { correctnessAdvice, correctnessOf, withCorrectness } from './correctness'
import { analyzeDelivery, scoreDelivery } from './delivery'
import { matchKeyTerms } from './key-terms'
import type { Lexicon } from './lexicon'
import { profileFor, type ScoringProfile, type ScoringProfiles } from './profiles'
import type { Band, ScoreReport } from './report-schema'
import { RubricEvaluator } from './rubric-matchers'
import { componentValues, penaltiesFor, weighComponents } from './score-components'
import { judgeCriteria, listenMatchersFor } from './score-criteria'
import { componentLabel, explainScore } from './score-explanation'
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
  const rubric = compileRubric(lexicon, input.rubric)
  const analysis = analyzeTranscript(input.transcript, lexicon, input.words)
  const spoken =
    input.spokenText !== undefined && input.spokenText !== input.transcript ? analyzeTranscript(input.spokenText, lexicon, input.words) : analysis
  const star = usesStar(profile) ? analyzeStar(analysis, lexicon) : null
  const evaluator = new RubricEvaluator(analysis, lexicon, {
    star,
    questionText: `${input.question.title}\n${input.question.prompt}`
  })
  const listenMatchers = listenMatchersFor(rubric, profile, star)
  const criteria = judgeCriteria(evaluator, listenMatchers, rubric, profile, input.profiles)

  const checklistResult = checklistDef && checklistId ? evaluateChecklist(checklistId, checklistDef, input.question.title, analysis, lexicon) : null
  const checklist = checklistResult && checklistDef ? { result: checklistResult, definition: checklistDef } : null
  const keyTerms = matchKeyTerms(analysis, lexicon, input.question, input.profiles.keyTerms)
  const delivery = analyzeDelivery(analysis, spoken, input)
  const deliveryValue = scoreDelivery(delivery).value

  const values = componentValues({ criteria, star: star?.result ?? null, checklist, keyTerms, deliveryValue })
  const profileComponents = weighComponents(profile.weights, values, keyTerms.weightShare, (id) => componentLabel(id, checklistResult))
  // A SQL drill: the query's result takes its share, the explanation's parts share the rest.
  const correctness = input.sqlDrill ? correctnessOf(input.sqlDrill) : null
  const components = correctness ? withCorrectness(profileComponents, correctness, input.profiles) : profileComponents

  const penalty = profile.penalty ?? input.profiles.penalty
  const penalties = penaltiesFor(criteria, penalty)
  const gained = components.reduce((sum, c) => sum + c.points, 0)
  const lost = penalties.reduce((sum, p) => sum + p.points, 0)
  const overall = analysis.content.length === 0 ? 0 : Math.max(0, Math.min(100, Math.round(gained - lost)))
  const band = bandOf(overall, input.profiles)

  const coaching = buildCoaching({
    question: input.question,
    rubric: input.rubric,
    analysis,
    lexicon,
    components,
    criteria,
    listenMatchers: new Map(listenMatchers.map((m) => [m.id, m])),
    checklist,
    star,
    keyTerms,
    delivery,
    deliveryValue,
    penalties,
    correctness: input.sqlDrill ? correctnessAdvice(input.sqlDrill) : null
  })
  const explanation = explainScore({
    profile,
    criteria,
    star: star?.result ?? null,
    checklist: checklistResult,
    keyTerms,
    delivery,
    components,
    correctness,
    penalties,
    penaltyCap: penalty.cap,
    gained,
    lost,
    overall,
    band
  })

  return {
    profile: { id: profile.id, label: profile.label },
    overall,
    band,
    criteria,
    checklist: checklistResult,
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

/** Whether the profile reads the answer as a story: it weighs the STAR parts or uses a detector that needs them. */
function usesStar(profile: ScoringProfile): boolean {
  return profile.weights.star !== undefined || profile.detectors.some((d) => d === 'team-only' || d === 'results-without-numbers' || d === 'rambling')
}
