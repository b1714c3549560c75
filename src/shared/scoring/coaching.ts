import type { Question, Rubric } from '../banks/types'
import type { TranscriptAnalysis } from './analysis'
import { answerSentence, conceptAdvice, detectorAdvice, owned, starAdvice, templateLine, withoutFillers } from './coaching-advice'
import { lowerFirst, modelDecision, modelExplanation, modelLineFor, shorten } from './coaching-model-answer'
import type { CompiledLexicon, CriterionMatcher } from './compile'
import type { Checklist } from './profiles'
import type { ChecklistResult, CoachingItem, CriterionResult, DeliveryResult, KeyTermCoverage, ScoreComponent } from './report-schema'
import { roundTo } from './rounding'
import type { StarAnalysis } from './star'

/**
 * "Next time": the changes worth the most points on this answer, each with a line to say.
 * Candidates are every gap the report found (a missing checklist item or rubric criterion, a
 * weak STAR part, unsaid key terms, a rejected pattern, delivery), priced at the points closing
 * it would add; the line comes from the model answer's own words when it has one on that point,
 * from the rubric's answer template, or from the candidate's own sentence, rewritten.
 */

export interface CoachingInput {
  question: Question
  rubric: Rubric
  analysis: TranscriptAnalysis
  lexicon: CompiledLexicon
  components: readonly ScoreComponent[]
  criteria: readonly CriterionResult[]
  listenMatchers: ReadonlyMap<string, CriterionMatcher>
  checklist: { result: ChecklistResult; definition: Checklist } | null
  star: StarAnalysis | null
  keyTerms: KeyTermCoverage
  delivery: DeliveryResult
  deliveryValue: number | null
  penalties: ReadonlyArray<{ criterionId: string; points: number }>
  /** The SQL drill's advice (what the check found), when the answer has a drill and its query was not right first time. */
  correctness?: Pick<CoachingItem, 'change' | 'say'> | null
}

interface Candidate extends CoachingItem {
  /** Ties broken by a fixed order, so the advice is deterministic. */
  order: number
}

const coachingCount = 3
/** The advice found so far, each priced at the points it would add. */
class AdviceList {
  private readonly candidates: Candidate[] = []
  private order = 0

  add(points: number, change: string, say: string): void {
    if (points <= 0.05) return
    // Two gaps closed by the same change (a flag and the part it costs) are one piece of advice, worth both.
    const same = this.candidates.find((c) => c.change === change)
    if (same) {
      same.points = roundTo(same.points + points, 1)
      return
    }
    this.candidates.push({ change, say, points: roundTo(points, 1), order: (this.order += 1) })
  }

  /** The advice worth the most, ties in the order it was found. */
  best(count: number): CoachingItem[] {
    const sorted = [...this.candidates].sort((a, b) => b.points - a.points || a.order - b.order)
    return sorted.slice(0, count).map(({ change, say, points }) => ({ change, say, points }))
  }
}

const effectiveWeight = (input: CoachingInput, id: ScoreComponent['id']): number => input.components.find((c) => c.id === id)?.effectiveWeight ?? 0

function advisePenalties(input: CoachingInput, advice: AdviceList): void {
  for (const penalty of input.penalties) {
    const criterion = input.criteria.find((c) => c.id === penalty.criterionId)
    if (!criterion) continue
    const { change, say } = criterion.detector
      ? detectorAdvice(criterion.detector, input, criterion)
      : { change: `Avoid: ${criterion.label}`, say: `Say why instead: "… because …".` }
    advice.add(penalty.points, change, say)
  }
}

function adviseStory(input: CoachingInput, star: StarAnalysis, advice: AdviceList): void {
  const weight = effectiveWeight(input, 'star')
  const quantified = input.components.find((c) => c.id === 'quantifiedResult')
  // A sentence of the story worth quoting back: the first of its role with some substance.
  const roleSentence = (role: string): string | null =>
    answerSentence(
      input.analysis,
      input.analysis.sentences.flatMap((sentence, i) => (star.roles[i] === role && sentence.last - sentence.first >= 6 ? [i] : []))
    )
  for (const part of ['situation', 'task', 'action', 'result'] as const) {
    const result = star.result[part]
    const partAdvice = starAdvice[part]
    const template = templateLine(input.rubric, part)
    let points = ((1 - result.score) * weight) / 4
    let say: string = partAdvice.say
    if (part === 'task') {
      // The goal, stated on the problem the candidate already described.
      const problem = roleSentence('situation')
      if (problem) say = `${shorten(problem.replace(/[.!?]+$/, ''), 14)} — so my task was to … by …, and success meant ….`
    }
    if (part === 'result') {
      // One piece of advice for the result: its missing number is worth the most.
      if (quantified && quantified.value !== null) points += (1 - quantified.value) * quantified.effectiveWeight
      const told = answerSentence(input.analysis, star.resultSentences) ?? roleSentence('vague-result')
      if (told && !star.result.quantifiedResult) say = `Instead of "${shorten(told.replace(/[.!?]+$/, ''), 12)}", say: "As a result, … went from … to …, which saved …."`
    }
    advice.add(points, partAdvice.change, template && say === partAdvice.say ? `${say} (${template})` : say)
  }
  const ownership = input.components.find((c) => c.id === 'ownership')
  if (ownership?.value !== null && ownership !== undefined) {
    const sentence = answerSentence(input.analysis, star.weActionSentences)
    advice.add((1 - ownership.value) * ownership.effectiveWeight, 'Say what you did, with "I"', sentence ? `My part: ${shorten(owned(sentence), 20)}` : 'My part was …: I …, and I ….')
  }
}

function adviseRubric(input: CoachingInput, advice: AdviceList): void {
  const listen = input.criteria.filter((c) => c.kind === 'listen')
  const rubricWeight = effectiveWeight(input, 'rubric')
  for (const criterion of listen) {
    const matcher = input.listenMatchers.get(criterion.id)
    if (matcher && matcher.starParts.length > 0) continue
    const known = matcher?.concepts.map((c) => conceptAdvice[c.concept.id]).find((a) => a !== undefined) ?? null
    advice.add(
      ((1 - criterion.strength) * rubricWeight) / listen.length,
      known?.change ?? `Cover "${criterion.label}"`,
      known ? known.say(input) : `On ${criterion.label.toLowerCase()}: …`
    )
  }
}

function adviseChecklist(input: CoachingInput, advice: AdviceList): void {
  if (!input.checklist) return
  const weight = effectiveWeight(input, 'checklist')
  const { result, definition } = input.checklist
  for (const item of result.items) {
    const spec = definition.items.find((d) => d.id === item.id)
    if (!spec) continue
    let say = spec.say
    if (spec.id === 'trade-offs') {
      const decision = modelDecision(input.question)
      if (decision) say = `I chose ${decision.choice} over ${decision.other} because of ${decision.reason}.`
    } else if (spec.sayFromModel) {
      const line = modelLineFor(input.question, spec.cues, spec.detector)
      if (line) say = spec.sayFromModel.replace('{model}', lowerFirst(line))
    }
    advice.add(((1 - item.strength) * weight) / result.items.length, spec.change, say)
  }
}

function adviseKeyTerms(input: CoachingInput, advice: AdviceList): void {
  const top = input.keyTerms.missing.slice(0, 2)
  const first = top[0]
  if (!first) return
  const names = top.map((t) => t.term).join(' and ')
  const explained = top.map((t) => modelExplanation(input.question, t.term)).find((line) => line !== null) ?? null
  advice.add(
    (1 - input.keyTerms.ratio) * effectiveWeight(input, 'keyTerms'),
    `Use the model answer's terms: ${names}`,
    explained ? `Work in ${names}, the way the model answer does: "${explained}"` : `Name ${names} where they fit: "Here I'd use ${first.term}, because …"`
  )
}

function adviseCorrectness(input: CoachingInput, advice: AdviceList): void {
  const correctness = input.components.find((c) => c.id === 'correctness')
  if (input.correctness && correctness && correctness.value !== null) {
    advice.add((1 - correctness.value) * correctness.effectiveWeight, input.correctness.change, input.correctness.say)
  }
}

function adviseDelivery(input: CoachingInput, advice: AdviceList): void {
  if (!input.delivery.measured || input.deliveryValue === null) return
  const gap = (1 - input.deliveryValue) * effectiveWeight(input, 'delivery')
  const first = input.analysis.sentences.length > 0 ? withoutFillers(input.analysis, 0) : ''
  const { bands } = input.delivery
  if (bands.fillers === 'high') {
    advice.add(gap * 0.6, 'Pause instead of filling', first ? `Say it clean, with a pause where the "um" was: "${shorten(first, 16)}"` : 'Take a silent breath instead of "um".')
  } else if (bands.pace === 'fast' || bands.pace === 'slow') {
    advice.add(gap * 0.5, bands.pace === 'fast' ? 'Slow down' : 'Pick up the pace', 'Aim for about 140 words a minute: one idea per sentence, a short pause between them.')
  } else {
    advice.add(gap * 0.4, 'Tighten the delivery', 'Fewer hedges: say "I would", not "I think maybe we could".')
  }
}

export function buildCoaching(input: CoachingInput): CoachingItem[] {
  const advice = new AdviceList()
  advisePenalties(input, advice)
  if (input.star) adviseStory(input, input.star, advice)
  adviseRubric(input, advice)
  adviseChecklist(input, advice)
  adviseKeyTerms(input, advice)
  adviseCorrectness(input, advice)
  adviseDelivery(input, advice)
  return advice.best(coachingCount)
}
