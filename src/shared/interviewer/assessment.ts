import type { Question } from '../banks/types'
import type { ScoreReport } from '../scoring/report-schema'
import { contentStems } from './terms'

/**
 * What the interviewer needs to know about a scored answer, and nothing more: which criteria
 * were heard, which STAR parts, whether the result had a number, which key terms were missed
 * and how much each matters. The follow-up policy and the session summary read this, never the
 * scorer's report, so a new report shape needs one new adapter (`assessmentFromReport`), not a
 * new policy.
 */

export type CriterionTopic =
  | 'trade-off'
  | 'failure'
  | 'prevention'
  | 'business'
  | 'success'
  | 'scale'
  | 'clarifying'
  | 'situation'
  | 'task'
  | 'action'
  | 'result'
  | 'other'

export interface AssessedCriterion {
  /** Stable within the rubric (or profile) that scored the answer. */
  id: string
  label: string
  /** The rubric's "they listen for" list, or the answer template's parts (SUCCESS / FAILURE / TRADE-OFF). */
  source: 'rubric' | 'template'
  met: boolean
  /** 0..1 */
  strength: number
  topic: CriterionTopic
}

/** A rejected pattern the answer showed ("just use Spark"), with what was said. */
export interface AssessedFlag {
  id: string
  label: string
  kind: 'tool-only' | 'absolutist' | 'over-engineering' | 'team-only' | 'no-numbers' | 'rambling' | 'other'
  /** The candidate's words that showed it, when known. */
  quote: string | null
}

export interface AnswerAssessment {
  /** The scoring profile's name, or the question kind where the report has no profiles. */
  profile: string
  /** Stories are probed on STAR; designs, concepts and exercises on the rubric. */
  style: 'story' | 'design'
  criteria: AssessedCriterion[]
  flags: AssessedFlag[]
  /** Only for stories. */
  star: {
    situation: boolean
    task: boolean
    action: boolean
    result: boolean
    quantifiedResult: boolean
    /** Share of "I" among I/we, null when neither was said. */
    ownershipRatio: number | null
  } | null
  /** Heaviest first. Weight 1: the question itself names the term; 0.5: only the model answer does. */
  keyTermsMissing: { term: string; weight: number }[]
  keyTermsCovered: string[]
  /** Words in the answer: an empty answer gets no follow-up. */
  wordCount: number
  /** 0..100, or null when the answer was not scored. */
  overall: number | null
}

const conceptTopics: Record<string, CriterionTopic> = {
  'trade-offs': 'trade-off',
  'failure-stories': 'failure',
  prevention: 'prevention',
  'business-alignment': 'business',
  'success-story': 'success',
  scalability: 'scale',
  'clarifying-requirements': 'clarifying',
  'star-situation': 'situation',
  'star-task': 'task',
  'star-action': 'action',
  'star-result': 'result'
}

/** The topic a criterion is about, from the lexicon concepts it was mapped to, else its words. */
export function topicOf(label: string, concepts: readonly string[] = []): CriterionTopic {
  for (const concept of concepts) {
    const topic = conceptTopics[concept]
    if (topic) return topic
  }
  const text = label.toLowerCase()
  if (/trade[- ]?off|decision|framework|versus|\bvs\b|choice/.test(text)) return 'trade-off'
  if (/fail|mistake|lesson|incident|went wrong|outage/.test(text)) return 'failure'
  if (/prevent|proactive|monitor|guard|avoid/.test(text)) return 'prevention'
  if (/business|impact|stakeholder|value|cost|customer/.test(text)) return 'business'
  if (/success/.test(text)) return 'success'
  if (/scal/.test(text)) return 'scale'
  if (/clarif|requirement|question/.test(text)) return 'clarifying'
  if (/^situation\b/.test(text)) return 'situation'
  if (/^task\b/.test(text)) return 'task'
  if (/^action\b/.test(text)) return 'action'
  if (/^result\b/.test(text)) return 'result'
  return 'other'
}

export function flagKindOf(label: string, concepts: readonly string[] = []): AssessedFlag['kind'] {
  const text = `${concepts.join(' ')} ${label}`.toLowerCase()
  if (/tool[- ]only/.test(text)) return 'tool-only'
  if (/absolut/.test(text)) return 'absolutist'
  if (/over[- ]?engineer/.test(text)) return 'over-engineering'
  if (/team[- ]only|\bwe did\b|hide/.test(text)) return 'team-only'
  if (/without numbers|no numbers/.test(text)) return 'no-numbers'
  if (/rambl/.test(text)) return 'rambling'
  return 'other'
}

type QuestionFacts = Pick<Question, 'kind' | 'title' | 'prompt' | 'keyTerms'>

/** A key term the question itself names matters more than one only the model answer uses. */
export function keyTermWeight(term: string, question: Pick<Question, 'title' | 'prompt'>): number {
  const asked = new Set(contentStems(`${question.title} ${question.prompt}`))
  const stems = contentStems(term)
  return stems.length > 0 && stems.every((stem) => asked.has(stem)) ? 1 : 0.5
}

/**
 * The adapter from today's `ScoreReport` (src/shared/scoring/report-schema.ts). `answerText` is
 * the answer as it stands (a correction included): its words, not only the ones whisper heard,
 * say how much the candidate answered.
 */
export function assessmentFromReport(report: ScoreReport, question: QuestionFacts, profile: string = question.kind, answerText = ''): AnswerAssessment {
  const style = question.kind === 'behavioral' ? 'story' : 'design'
  const criteria: AssessedCriterion[] = [
    ...report.criteria
      .filter((c) => c.kind === 'listen')
      .map((c): AssessedCriterion => ({
        id: c.id,
        label: c.label,
        source: 'rubric',
        met: c.met,
        strength: c.strength,
        topic: topicOf(c.label, c.concepts)
      })),
    ...(report.checklist?.items ?? []).map((t): AssessedCriterion => ({
      id: t.id,
      label: t.label,
      source: 'template',
      met: t.met,
      strength: t.strength,
      topic: topicOf(t.label)
    }))
  ]
  const flags: AssessedFlag[] = report.criteria
    .filter((c) => c.kind === 'reject' && c.flagged)
    .map((c) => ({ id: c.id, label: c.label, kind: flagKindOf(c.label, c.concepts), quote: c.evidence[0]?.quote ?? null }))
  const weighted = report.keyTerms.missing
    .map(({ term }, order) => ({ term, weight: keyTermWeight(term, question), order }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
  return {
    profile,
    style,
    criteria,
    flags,
    star:
      style === 'story' && report.star
        ? {
            situation: report.star.situation.present,
            task: report.star.task.present,
            action: report.star.action.present,
            result: report.star.result.present,
            quantifiedResult: report.star.quantifiedResult,
            ownershipRatio: report.star.ownership.ratio
          }
        : null,
    keyTermsMissing: weighted.map(({ term, weight }) => ({ term, weight })),
    keyTermsCovered: [...new Set(report.keyTerms.covered.map((hit) => hit.term))],
    wordCount: Math.max(report.delivery.wordCount, answerText.match(/\S+/g)?.length ?? 0),
    overall: report.overall
  }
}
