import { questionKinds, type Bank, type Question, type QuestionKind } from '../banks/types'
import { starParts, type AttemptSummary, type StarPart } from './attempt-summary'

/**
 * "Am I getting better?" as pure aggregations over attempt summaries: per kind, per day and
 * week, per rubric criterion and STAR part (weakest first), and coverage of the banks.
 * Days and weeks are local (a practice at 23:30 belongs to that evening, not to UTC's morrow).
 */

export type Metric = 'overall' | 'wpm' | 'fillersPerMinute'

const pad = (n: number): string => String(n).padStart(2, '0')
const dayKeyOf = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/** YYYY-MM-DD of the local day. */
export function localDayKey(iso: string): string {
  return dayKeyOf(new Date(iso))
}

/** YYYY-MM-DD of the Monday that starts the local week. */
export function weekStartKey(iso: string): string {
  const date = new Date(iso)
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7))
  return dayKeyOf(monday)
}

/** Local midnight of a day key, for a chart's time axis. */
export function dayKeyToDate(key: string): Date {
  // A date-time without an offset is read as local time.
  return new Date(`${key}T00:00:00`)
}

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length)
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10)
const chronological = (summaries: readonly AttemptSummary[]): AttemptSummary[] =>
  [...summaries].sort((a, b) => a.at.localeCompare(b.at) || a.answerId.localeCompare(b.answerId))
const metricOf = (summary: AttemptSummary, metric: Metric): number | null => summary[metric]

export interface KindSeries {
  kind: QuestionKind
  /** One value per day of `days` (the day's mean), null where that kind was not practised. */
  values: Array<number | null>
}

export interface DailySeries {
  /** Local days with at least one value, oldest first. */
  days: string[]
  /** One series per kind that has a value, in the library's kind order. */
  series: KindSeries[]
}

/** A metric per kind and day: the chart draws one line per kind over real dates. */
export function dailySeriesByKind(summaries: readonly AttemptSummary[], metric: Metric): DailySeries {
  const cells = new Map<string, number[]>()
  const days = new Set<string>()
  const kinds = new Set<QuestionKind>()
  for (const summary of summaries) {
    const value = metricOf(summary, metric)
    if (value === null) continue
    const day = localDayKey(summary.at)
    days.add(day)
    kinds.add(summary.kind)
    const key = `${summary.kind}|${day}`
    cells.set(key, [...(cells.get(key) ?? []), value])
  }
  const sortedDays = [...days].sort()
  return {
    days: sortedDays,
    series: questionKinds
      .filter((kind) => kinds.has(kind))
      .map((kind) => ({ kind, values: sortedDays.map((day) => round1(mean(cells.get(`${kind}|${day}`) ?? []))) }))
  }
}

export interface KindProgress {
  kind: QuestionKind
  attempts: number
  meanScore: number
  firstScore: number
  latestScore: number
  /** Mean of the later half minus mean of the earlier half; null under two attempts. */
  change: number | null
}

/** Halves in time order (the middle one of an odd count goes to neither). */
function halves<T>(ordered: readonly T[]): [T[], T[]] | null {
  if (ordered.length < 2) return null
  const half = Math.floor(ordered.length / 2)
  return [ordered.slice(0, half), ordered.slice(ordered.length - half)]
}

function change(values: readonly number[]): { earlier: number | null; recent: number | null; change: number | null } {
  const [first = [], second = []] = halves(values) ?? []
  const earlier = mean(first)
  const recent = mean(second)
  if (earlier === null || recent === null) return { earlier: null, recent: null, change: null }
  return { earlier, recent, change: recent - earlier }
}

export function progressByKind(summaries: readonly AttemptSummary[]): KindProgress[] {
  const ordered = chronological(summaries)
  return questionKinds.flatMap((kind) => {
    const scores = ordered.filter((s) => s.kind === kind).map((s) => s.overall)
    const [firstScore] = scores
    const latestScore = scores.at(-1)
    const meanScore = round1(mean(scores))
    if (firstScore === undefined || latestScore === undefined || meanScore === null) return []
    return [{ kind, attempts: scores.length, meanScore, firstScore, latestScore, change: round1(change(scores).change) }]
  })
}

export interface WeekProgress {
  /** Monday of the week, YYYY-MM-DD. */
  week: string
  attempts: number
  meanScore: number
  meanWpm: number | null
  meanFillersPerMinute: number | null
  /** Mean score per kind practised that week. */
  byKind: Partial<Record<QuestionKind, number>>
}

export function progressByWeek(summaries: readonly AttemptSummary[]): WeekProgress[] {
  const weeks = new Map<string, AttemptSummary[]>()
  for (const summary of summaries) {
    const week = weekStartKey(summary.at)
    weeks.set(week, [...(weeks.get(week) ?? []), summary])
  }
  return [...weeks.keys()].sort().flatMap((week) => {
    const list = weeks.get(week) ?? []
    const byKind: Partial<Record<QuestionKind, number>> = {}
    for (const kind of questionKinds) {
      const kindMean = round1(mean(list.filter((s) => s.kind === kind).map((s) => s.overall)))
      if (kindMean !== null) byKind[kind] = kindMean
    }
    const meanScore = round1(mean(list.map((s) => s.overall)))
    if (meanScore === null) return []
    return {
      week,
      attempts: list.length,
      meanScore,
      meanWpm: round1(mean(list.flatMap((s) => (s.wpm === null ? [] : [s.wpm])))),
      meanFillersPerMinute: round1(mean(list.flatMap((s) => (s.fillersPerMinute === null ? [] : [s.fillersPerMinute])))),
      byKind
    }
  })
}

export interface Trend {
  key: string
  label: string
  /** Listen-for criterion, reject pattern (met = avoided) or STAR part. */
  type: 'listen' | 'reject' | 'star'
  /** Answers it was judged in. */
  attempts: number
  /** 0..1: share met (criteria) or mean strength (STAR parts), over all answers. */
  value: number
  earlier: number | null
  recent: number | null
  change: number | null
  /** Per week, oldest first. */
  weekly: Array<{ week: string; value: number }>
}

function trendOf(key: string, label: string, type: Trend['type'], observations: ReadonlyArray<{ at: string; value: number }>): Trend {
  const ordered = [...observations].sort((a, b) => a.at.localeCompare(b.at))
  const values = ordered.map((o) => o.value)
  const byWeek = new Map<string, number[]>()
  for (const o of ordered) byWeek.set(weekStartKey(o.at), [...(byWeek.get(weekStartKey(o.at)) ?? []), o.value])
  return {
    key,
    label,
    type,
    attempts: values.length,
    value: mean(values) ?? 0,
    ...change(values),
    weekly: [...byWeek.keys()].sort().flatMap((week) => {
      const value = mean(byWeek.get(week) ?? [])
      return value === null ? [] : [{ week, value }]
    })
  }
}

/** Weakest first: the lowest current level (recent half when there is one), then by label. */
const weakestFirst = (a: Trend, b: Trend): number => (a.recent ?? a.value) - (b.recent ?? b.value) || a.label.localeCompare(b.label)

/** Every rubric criterion across answers: listen-for heard, reject patterns avoided. */
export function criterionTrends(summaries: readonly AttemptSummary[]): Trend[] {
  const observations = new Map<string, { label: string; kind: 'listen' | 'reject'; list: Array<{ at: string; value: number }> }>()
  for (const summary of summaries) {
    for (const criterion of summary.criteria) {
      const entry = observations.get(criterion.key) ?? { label: criterion.label, kind: criterion.kind, list: [] }
      entry.list.push({ at: summary.at, value: criterion.met ? 1 : 0 })
      observations.set(criterion.key, entry)
    }
  }
  return [...observations].map(([key, o]) => trendOf(key, o.label, o.kind, o.list)).sort(weakestFirst)
}

export const starPartLabels: Record<StarPart, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' }

/** STAR parts of story answers, weakest first. */
export function starTrends(summaries: readonly AttemptSummary[]): Trend[] {
  const stories = summaries.flatMap(({ at, star }) => (star ? [{ at, star }] : []))
  if (stories.length === 0) return []
  return starParts
    .map((part) => trendOf(`star:${part}`, starPartLabels[part], 'star', stories.map((s) => ({ at: s.at, value: s.star[part] }))))
    .sort(weakestFirst)
}

export interface CoverageRow {
  id: string
  title: string
  practised: number
  total: number
  /** Mean of each practised question's latest score; null when none was practised. */
  meanLatestScore: number | null
  sections: CoverageRow[]
}

type CoverageQuestion = Pick<Question, 'id' | 'bankId' | 'sectionPath' | 'section'>

/** Questions practised out of all, per bank and per top-level section, with where they stand now. */
export function coverageByBank(
  questions: readonly CoverageQuestion[],
  banks: readonly Pick<Bank, 'id' | 'title'>[],
  summaries: readonly AttemptSummary[]
): CoverageRow[] {
  const latest = new Map<string, AttemptSummary>()
  for (const summary of chronological(summaries)) latest.set(summary.questionId, summary)
  const row = (id: string, title: string, list: readonly CoverageQuestion[]): Omit<CoverageRow, 'sections'> => {
    const scores = list.flatMap((q) => latest.get(q.id)?.overall ?? [])
    return { id, title, practised: scores.length, total: list.length, meanLatestScore: round1(mean(scores)) }
  }
  return banks.flatMap((bank) => {
    const own = questions.filter((q) => q.bankId === bank.id)
    if (own.length === 0) return []
    const sectionNames = [...new Set(own.map((q) => q.sectionPath[0] ?? q.section))]
    return [
      {
        ...row(bank.id, bank.title, own),
        sections: sectionNames.map((name) => ({ ...row(`${bank.id}/${name}`, name || '(no section)', own.filter((q) => (q.sectionPath[0] ?? q.section) === name)), sections: [] }))
      }
    ]
  })
}
