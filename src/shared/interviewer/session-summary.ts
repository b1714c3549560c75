import { timerEventsBetween, timerTimeAt, type TimerPhase, type TimerState } from '../session/timer'
import type { AnswerAssessment, CriterionTopic } from './assessment'

/**
 * The one page at the end of a session: each answer's score and the follow-ups asked, the time
 * used against each time box, and the three things to practise next, taken from the criteria
 * that were weakest across the session's answers. Pure: the session runner hands in what it
 * recorded, and the page renders what comes back.
 */

export interface PhaseUsage {
  phaseId: string
  /** Timer time spent in the phase (pauses excluded). */
  usedMs: number
}

export interface SummaryFollowUp {
  text: string
  reason: string
  /** The candidate answered it (recorded or typed) rather than skipping it. */
  answered: boolean
}

export interface SummaryAnswerInput {
  questionId: string
  title: string
  kind: string
  skipped: boolean
  /** Null when the answer was not scored (skipped, or nothing said). */
  assessment: AnswerAssessment | null
  followUps: readonly SummaryFollowUp[]
  /** From `phaseUsageFromTimer` when the question ended; empty when unknown. */
  phaseUsage: readonly PhaseUsage[]
}

export interface SessionSummaryInput {
  /** The plan, in order: each question's phases are its time boxes. */
  items: readonly { questionId: string; phases: readonly TimerPhase[] }[]
  answers: readonly SummaryAnswerInput[]
}

export interface SummaryPhase {
  phaseId: string
  label: string
  boxMs: number
  /** Null when the question was never reached or its time was not recorded. */
  usedMs: number | null
  overMs: number
}

export interface SummaryAnswer {
  questionId: string
  title: string
  kind: string
  status: 'answered' | 'skipped' | 'not reached'
  score: number | null
  followUps: SummaryFollowUp[]
  phases: SummaryPhase[]
  boxMs: number
  usedMs: number | null
}

export interface PractiseItem {
  /** Same keys as the follow-up policy's ids ("criterion:failure", "star:number", "key-terms"). */
  id: string
  label: string
  advice: string
  /** Answers where it applied and was not (or only weakly) shown. */
  missedIn: number
  /** Answers where it applied. */
  of: number
  /** 0..1 over the answers where it applied. */
  averageStrength: number
  questionIds: string[]
}

export interface SessionSummary {
  answers: SummaryAnswer[]
  totals: { boxMs: number; usedMs: number; answered: number; skipped: number; averageScore: number | null }
  practiseNext: PractiseItem[]
}

/** Skills shown at least this well on average are not worth practising next. */
export const PRACTISE_BELOW_STRENGTH = 0.7
export const PRACTISE_COUNT = 3
/** A criterion heard this weakly (one passing mention) still counts as missed. */
const MISSED_BELOW_STRENGTH = 0.5

interface SkillText {
  label: string
  advice: string
}

const topicSkills: Partial<Record<CriterionTopic, SkillText>> = {
  'trade-off': { label: 'Trade-offs', advice: 'For each choice, say what you picked, what you gave up, and when you would pick the other.' },
  failure: { label: 'Failure stories', advice: 'Prepare two real incidents: what broke, how you found out, what you changed.' },
  prevention: { label: 'Prevention', advice: 'After each failure, name the check, alert or contract that stops it coming back.' },
  business: { label: 'Business impact', advice: 'Say who uses the data and what a delay or an error costs them, at the start and at the end.' },
  success: { label: 'Success stories', advice: 'Have one project per topic with a measured result ready to tell.' },
  scale: { label: 'Scale', advice: 'Size the data (events a day, bytes, growth) before choosing tools.' },
  clarifying: { label: 'Clarifying questions', advice: 'Spend the first minutes on users, scale, latency and the metrics that matter.' }
}

const starSkills: Record<'situation' | 'task' | 'action' | 'result' | 'number' | 'ownership', SkillText> = {
  situation: { label: 'STAR: situation', advice: 'Open with the context in two sentences: team, system, scale, what was at stake.' },
  task: { label: 'STAR: task', advice: 'Say what you owned and what success meant, as a target.' },
  action: { label: 'STAR: action', advice: 'Walk through the steps you took yourself, in order, with the why of each.' },
  result: { label: 'STAR: result', advice: 'End every story with the outcome and what you learned.' },
  number: { label: 'Numbers in results', advice: 'Put a number on every result: time, money, errors or users.' },
  ownership: { label: 'Your own part', advice: 'Say “I” for what you did; name the decisions that were yours.' }
}

interface Tally {
  id: string
  text: SkillText
  order: number
  strengths: number[]
  missedQuestionIds: string[]
  appliedQuestionIds: string[]
  missingTerms?: Map<string, number>
}

function tallySkills(answers: readonly SummaryAnswerInput[]): Tally[] {
  const tallies = new Map<string, Tally>()
  const add = (id: string, text: SkillText, order: number, questionId: string, strength: number): Tally => {
    let tally = tallies.get(id)
    if (!tally) tallies.set(id, (tally = { id, text, order, strengths: [], missedQuestionIds: [], appliedQuestionIds: [] }))
    if (tally.appliedQuestionIds.includes(questionId)) {
      // The rubric and the template both judged it: keep the better of the two, as the policy does.
      const at = tally.appliedQuestionIds.indexOf(questionId)
      const judged = tally.strengths[at]
      if (judged !== undefined && strength > judged) {
        tally.strengths[at] = strength
        if (strength >= MISSED_BELOW_STRENGTH) tally.missedQuestionIds = tally.missedQuestionIds.filter((id) => id !== questionId)
      }
      return tally
    }
    tally.appliedQuestionIds.push(questionId)
    tally.strengths.push(strength)
    if (strength < MISSED_BELOW_STRENGTH) tally.missedQuestionIds.push(questionId)
    return tally
  }

  for (const answer of answers) {
    const a = answer.assessment
    if (!a || answer.skipped) continue
    a.criteria.forEach((criterion, index) => {
      if (['situation', 'task', 'action', 'result'].includes(criterion.topic)) return
      const known = topicSkills[criterion.topic]
      const id = known ? `criterion:${criterion.topic}` : `criterion:${criterion.id}`
      const text = known ?? { label: criterion.label, advice: `The rubric listens for “${criterion.label}”: practise saying it explicitly.` }
      add(id, text, 100 + index, answer.questionId, criterion.met ? criterion.strength : 0)
    })
    const star = a.star
    if (star) {
      const parts = ['situation', 'task', 'action', 'result'] as const
      parts.forEach((part, index) => add(`star:${part}`, starSkills[part], index, answer.questionId, star[part] ? 1 : 0))
      if (star.result) add('star:number', starSkills.number, 10, answer.questionId, star.quantifiedResult ? 1 : 0)
      if (star.ownershipRatio !== null) add('star:ownership', starSkills.ownership, 11, answer.questionId, Math.min(1, star.ownershipRatio * 2))
    }
    const total = a.keyTermsMissing.length + a.keyTermsCovered.length
    if (total > 0) {
      const tally = add('key-terms', { label: 'Key terms', advice: '' }, 200, answer.questionId, a.keyTermsCovered.length / total)
      tally.missingTerms ??= new Map()
      for (const { term, weight } of a.keyTermsMissing) tally.missingTerms.set(term, (tally.missingTerms.get(term) ?? 0) + weight)
    }
  }
  return [...tallies.values()]
}

function keyTermAdvice(missing: ReadonlyMap<string, number> | undefined): string {
  const terms = [...(missing ?? new Map<string, number>()).entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 4)
    .map(([term]) => term)
  return terms.length > 0 ? `Work the expected terms into your answers where they fit: ${terms.join(', ')}.` : 'Name the technologies and concepts the question expects.'
}

export function practiseNext(answers: readonly SummaryAnswerInput[], count = PRACTISE_COUNT): PractiseItem[] {
  return tallySkills(answers)
    .map((tally) => {
      const average = tally.strengths.reduce((sum, s) => sum + s, 0) / tally.strengths.length
      // What the session lost on this skill: weak in many answers outranks very weak in one.
      const deficit = tally.strengths.reduce((sum, s) => sum + (1 - s), 0)
      return { tally, average, deficit }
    })
    .filter(({ average }) => average < PRACTISE_BELOW_STRENGTH)
    .sort((a, b) => b.deficit - a.deficit || a.average - b.average || a.tally.order - b.tally.order)
    .slice(0, count)
    .map(({ tally, average }) => ({
      id: tally.id,
      label: tally.text.label,
      advice: tally.id === 'key-terms' ? keyTermAdvice(tally.missingTerms) : tally.text.advice,
      missedIn: tally.missedQuestionIds.length,
      of: tally.appliedQuestionIds.length,
      averageStrength: Math.round(average * 100) / 100,
      questionIds: tally.missedQuestionIds.length > 0 ? tally.missedQuestionIds : tally.appliedQuestionIds
    }))
}

export function summarizeSession(input: SessionSummaryInput): SessionSummary {
  const byQuestion = new Map(input.answers.map((answer) => [answer.questionId, answer]))
  const answers: SummaryAnswer[] = input.items.map((item) => {
    const answer = byQuestion.get(item.questionId)
    const used = new Map((answer?.phaseUsage ?? []).map((usage) => [usage.phaseId, usage.usedMs]))
    const phases: SummaryPhase[] = item.phases.map((phase) => {
      const usage = used.get(phase.id)
      const usedMs = usage === undefined ? null : Math.max(0, Math.round(usage))
      return { phaseId: phase.id, label: phase.label, boxMs: phase.durationMs, usedMs, overMs: usedMs === null ? 0 : Math.max(0, usedMs - phase.durationMs) }
    })
    const recorded = phases.flatMap((p) => (p.usedMs === null ? [] : [p.usedMs]))
    return {
      questionId: item.questionId,
      title: answer?.title ?? item.questionId,
      kind: answer?.kind ?? '',
      status: !answer ? 'not reached' : answer.skipped ? 'skipped' : 'answered',
      score: answer && !answer.skipped ? (answer.assessment?.overall ?? null) : null,
      followUps: [...(answer?.followUps ?? [])],
      phases,
      boxMs: phases.reduce((sum, p) => sum + p.boxMs, 0),
      usedMs: recorded.length === 0 ? null : recorded.reduce((sum, usedMs) => sum + usedMs, 0)
    }
  })
  const scores = answers.map((a) => a.score).filter((s): s is number => s !== null)
  return {
    answers,
    totals: {
      boxMs: answers.reduce((sum, a) => sum + a.boxMs, 0),
      usedMs: answers.reduce((sum, a) => sum + (a.usedMs ?? 0), 0),
      answered: answers.filter((a) => a.status === 'answered').length,
      skipped: answers.filter((a) => a.status === 'skipped').length,
      averageScore: scores.length === 0 ? null : Math.round(scores.reduce((sum, s) => sum + s, 0) / scores.length)
    },
    practiseNext: practiseNext(input.answers)
  }
}

/**
 * Time spent in each phase of a question's timer, read when the question ends (or at `now` for
 * one still running), for the summary's "time used against each time box".
 */
export function phaseUsageFromTimer(state: TimerState, now: number): PhaseUsage[] {
  if (state.startedAt === null) return []
  const end = timerTimeAt(state, state.finishedAt ?? now)
  const starts = [0]
  for (const event of timerEventsBetween(state, -Infinity, Infinity)) {
    if (event.type === 'phase-change' && event.atMs <= end) starts[event.phaseIndex] = event.atMs
  }
  const usage: PhaseUsage[] = []
  state.phases.forEach((phase, index) => {
    const start = starts[index]
    if (start === undefined) return
    const next = starts.slice(index + 1).find((s) => s !== undefined)
    usage.push({ phaseId: phase.id, usedMs: Math.max(0, (next ?? end) - start) })
  })
  return usage
}
