import type { AnswerAssessment, AssessedCriterion, AssessedFlag, CriterionTopic } from './assessment'
import { businessGoal, failureScenarioFor, optionsWeighed, type QuestionText } from './question-words'
import type { followUpRules } from './records'

/**
 * Which follow-ups the interviewer asks after an answer, and why. Pure and deterministic: the
 * question, its model answer, the answer's assessment (see assessment.ts) and the follow-ups
 * already asked in this answer give the same follow-ups every time, each with the rule that
 * picked it and the reason in words ("asked because no failure story was heard").
 *
 * Rules, in the order an interviewer reaches for them:
 * 1. The bank's own next question, where the bank is a transcript with one (`bankFollowUps`).
 * 2. Stories: a missing result, a missing action, a result with no number, "we" instead of
 *    "I", a missing situation or task.
 * 3. Designs and concepts: each rubric or answer-template criterion not heard, in the rubric's
 *    order (a failure story, prevention, business impact, a trade-off…); the template's
 *    FAILURE and TRADE-OFF merge with the rubric's criteria of the same topic.
 * 4. A rejected pattern the answer showed (tool-only, absolutist, over-engineering).
 * 5. The heaviest missing key term (one the question itself names).
 * 6. The bank's further follow-ups.
 * At most two follow-ups per answer, never one asked before in the same answer.
 */

export const MAX_FOLLOW_UPS_PER_ANSWER = 2

export type FollowUpRule = (typeof followUpRules)[number]

export interface FollowUp {
  /** Stable key of what the follow-up probes ("criterion:failure", "term:kafka"): equal ids are the same follow-up. */
  id: string
  rule: FollowUpRule
  /** What the interviewer says. */
  text: string
  /** Why this one: "asked because no failure story was heard". */
  reason: string
}

/** A follow-up already asked in this answer (what the wiring stores with the answer). */
export interface AskedFollowUp {
  id: string
  text: string
}

export interface FollowUpInput {
  question: QuestionText & { kind: string }
  assessment: AnswerAssessment
  /** The bank's follow-ups for this question, nearest first (see bankFollowUpsFor). */
  bankFollowUps?: readonly string[]
  asked?: readonly AskedFollowUp[]
}

/** Fewer words than this is no answer to follow up: the wiring should ask for one instead. */
export const MIN_WORDS_FOR_FOLLOW_UP = 12
/** A missing key term is worth a follow-up only when the question itself names it. */
export const IMPORTANT_TERM_WEIGHT = 0.75
/** A story told mostly with "we" gets asked for the candidate's own part. */
export const MIN_OWNERSHIP_RATIO = 0.5

interface Candidate extends FollowUp {
  priority: number
}

const topicReasons: Partial<Record<CriterionTopic, string>> = {
  failure: 'no failure story was heard',
  prevention: 'nothing was said about preventing failures',
  business: 'the business impact was not mentioned',
  'trade-off': 'no trade-off was heard',
  success: 'no success story was heard',
  scale: 'scale was not discussed',
  clarifying: 'no requirements were clarified'
}

type StarPart = 'situation' | 'task' | 'action' | 'result'
const starTexts: Record<StarPart, string> = {
  situation: 'Set the scene for me: where were you, and what was at stake?',
  task: 'What exactly were you responsible for, and what did success look like?',
  action: 'What did you do yourself, step by step?',
  result: 'How did it turn out? What changed because of what you did?'
}

function quoted(text: string | null, max = 60): string | null {
  if (!text) return null
  const clean = text.replace(/\s+/g, ' ').trim().replace(/[.,;:]+$/, '')
  if (!clean) return null
  return clean.length <= max ? clean : `${clean.slice(0, max).replace(/\s+\S*$/, '')}…`
}

function topicText(topic: CriterionTopic, criterion: AssessedCriterion, question: QuestionText & { kind: string }): string {
  const design = question.kind === 'system-design' || question.kind === 'scenario'
  switch (topic) {
    case 'failure': {
      const scenario = failureScenarioFor(question)
      if (scenario.isTheQuestion) return 'Have you had this happen in production? What happened, and what did you learn?'
      return `What happens when ${scenario.when}? Have you seen that in production, and what did you learn?`
    }
    case 'prevention': {
      const scenario = failureScenarioFor(question)
      return `How would you catch ${scenario.noun} before anyone downstream notices, and stop it happening again?`
    }
    case 'business': {
      const goal = businessGoal(question)
      if (goal) return `How does your ${design ? 'design' : 'approach'} help ${goal.isAction ? goal.text : `with ${goal.text}`}?`
      return 'Who uses the output of this, and what does it cost the business when it is late or wrong?'
    }
    case 'trade-off': {
      const options = optionsWeighed(question)
      if (options) return `When would you choose ${options.second} over ${options.first}, and what would you give up?`
      return 'What was the main trade-off in your answer? What did you give up, and why was it worth it?'
    }
    case 'success':
      return 'Tell me about a time you built something like this. What was the result?'
    case 'scale':
      return 'What changes when the data grows ten times?'
    case 'clarifying':
      return 'What would you have asked before starting?'
    default:
      return `Can you say more about ${criterion.label.replace(/[.:]+$/, '').toLowerCase()}?`
  }
}

function criterionCandidates(input: FollowUpInput): Candidate[] {
  const { assessment, question } = input
  const candidates: Candidate[] = []
  const seenTopics = new Set<string>()
  // Rubric first, then the template: "Real failure stories" and the template's FAILURE are
  // one follow-up, placed where the rubric lists it.
  const ordered = [...assessment.criteria.filter((c) => c.source === 'rubric'), ...assessment.criteria.filter((c) => c.source === 'template')]
  ordered.forEach((criterion, order) => {
    // STAR parts are stories' own rule below.
    if (['situation', 'task', 'action', 'result'].includes(criterion.topic)) return
    const key = criterion.topic === 'other' ? `criterion:${criterion.id}` : `criterion:${criterion.topic}`
    if (seenTopics.has(key)) return
    seenTopics.add(key)
    if (criterion.met) return
    candidates.push({
      id: key,
      rule: 'rubric-criterion',
      text: topicText(criterion.topic, criterion, question),
      reason: `asked because ${topicReasons[criterion.topic] ?? `“${criterion.label}” was not heard`}`,
      priority: 200 + order
    })
  })
  // A criterion met somewhere (rubric or template) is not missing because the other list missed it.
  const metTopics = new Set(assessment.criteria.filter((c) => c.met && c.topic !== 'other').map((c) => `criterion:${c.topic}`))
  return candidates.filter((c) => !metTopics.has(c.id))
}

function starCandidates(assessment: AnswerAssessment): Candidate[] {
  const star = assessment.star
  if (!star) return []
  const candidates: Candidate[] = []
  const partMissing = (part: StarPart): boolean => {
    // The STAR rubric lists the parts as criteria too; either source saying "heard" is enough.
    const criterion = assessment.criteria.find((c) => c.topic === part)
    return !star[part] && !(criterion?.met ?? false)
  }
  if (partMissing('result')) candidates.push({ id: 'star:result', rule: 'star-part', text: starTexts.result, reason: 'asked because the story had no result', priority: 100 })
  if (partMissing('action')) candidates.push({ id: 'star:action', rule: 'star-part', text: starTexts.action, reason: 'asked because the story had no action', priority: 101 })
  if (!partMissing('result') && !star.quantifiedResult) {
    candidates.push({
      id: 'star:number',
      rule: 'star-number',
      text: 'Can you put a number on that result? Time, money or errors saved?',
      reason: 'asked because the result had no number',
      priority: 102
    })
  }
  if (star.ownershipRatio !== null && star.ownershipRatio < MIN_OWNERSHIP_RATIO) {
    candidates.push({
      id: 'star:ownership',
      rule: 'star-ownership',
      text: 'You said “we” a lot. What was your own part in it?',
      reason: 'asked because the story said “we” more than “I”',
      priority: 103
    })
  }
  if (partMissing('situation')) candidates.push({ id: 'star:situation', rule: 'star-part', text: starTexts.situation, reason: 'asked because the story had no situation', priority: 104 })
  if (partMissing('task')) candidates.push({ id: 'star:task', rule: 'star-part', text: starTexts.task, reason: 'asked because the story had no task', priority: 105 })
  return candidates
}

function flagText(flag: AssessedFlag): string | null {
  const said = quoted(flag.quote)
  switch (flag.kind) {
    case 'tool-only':
      return said ? `You said “${said}”. Why that tool, and what would a simpler option cost you?` : 'Why that tool? What would a simpler option cost you?'
    case 'absolutist':
      return said ? `You said “${said}”. Is that always true? When would you not?` : 'Is that always true? When would you not?'
    case 'over-engineering':
      return 'What is the simplest version of this that would still meet the need?'
    default:
      // Team-only and no-numbers are the STAR rules' business; the rest has no good question.
      return null
  }
}

function flagCandidates(assessment: AnswerAssessment): Candidate[] {
  const candidates: Candidate[] = []
  assessment.flags.forEach((flag, order) => {
    const text = flagText(flag)
    if (!text) return
    candidates.push({
      id: `flag:${flag.kind}`,
      rule: 'reject-flag',
      text,
      reason: `asked because the answer showed: ${flag.label.replace(/[.:]+$/, '').toLowerCase()}`,
      priority: 300 + order
    })
  })
  return candidates
}

function keyTermCandidates(input: FollowUpInput): Candidate[] {
  const term = input.assessment.keyTermsMissing.find((t) => t.weight >= IMPORTANT_TERM_WEIGHT)
  if (!term) return []
  const { kind } = input.question
  const text =
    input.assessment.style === 'story'
      ? `Did ${term.term} play a part in that? How?`
      : kind === 'system-design' || kind === 'scenario'
        ? `Where would ${term.term} fit into this?`
        : `How does ${term.term} come into this?`
  return [{ id: `term:${term.term.toLowerCase()}`, rule: 'key-term', text, reason: `asked because ${term.term} was not mentioned`, priority: 400 }]
}

function bankCandidates(input: FollowUpInput): Candidate[] {
  return (input.bankFollowUps ?? []).map((text, order) => ({
    id: `bank:${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`,
    rule: 'bank-follow-up' as const,
    text,
    reason: "asked because the bank's interviewer asks this next",
    // The nearest one leads, as it did in the real interview; the rest wait behind the gaps.
    priority: order === 0 ? 0 : 500 + order
  }))
}

export function chooseFollowUps(input: FollowUpInput): FollowUp[] {
  const asked = input.asked ?? []
  const room = MAX_FOLLOW_UPS_PER_ANSWER - asked.length
  if (room <= 0 || input.assessment.wordCount < MIN_WORDS_FOR_FOLLOW_UP) return []
  const askedIds = new Set(asked.map((a) => a.id))
  const askedTexts = new Set(asked.map((a) => a.text.trim().toLowerCase()))
  const candidates = [
    ...bankCandidates(input),
    ...starCandidates(input.assessment),
    ...criterionCandidates(input),
    ...flagCandidates(input.assessment),
    ...keyTermCandidates(input)
  ]
    .filter((c) => !askedIds.has(c.id) && !askedTexts.has(c.text.trim().toLowerCase()))
    .sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const chosen: FollowUp[] = []
  const chosenTexts = new Set<string>()
  for (const candidate of candidates) {
    if (chosen.length >= room) break
    const key = candidate.text.trim().toLowerCase()
    if (chosenTexts.has(key)) continue
    chosenTexts.add(key)
    chosen.push({ id: candidate.id, rule: candidate.rule, text: candidate.text, reason: candidate.reason })
  }
  return chosen
}
