import { useMemo, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import type { QuestionKind, QuestionSummary } from '@shared/banks/types'
import { sessionTypeKinds, type SessionOrder, type SessionType } from '@shared/session'
import { phaseTimeGroups, type PhaseTimeGroup } from '@shared/session/phase-time-groups'
import { filterSessionPool, phaseOverridesFor, type SetupTimes } from '@shared/session/session-pool'
import { formatClock, parseClock } from '@shared/session/timer-display'
import type { Settings } from '@shared/settings'
import { messageOf } from '@shared/errors'
import { useSettings } from '../../lib/settings-context'
import { api } from '../../lib/api'
import { useLibrary } from '../library'
import { usePracticeOverview } from '../repetition'

/** Where a session's questions come from: the filters alone, or the due or starred ones among them. */
export type QuestionSource = 'all' | 'due' | 'favorites'

export type TimeTexts = Record<PhaseTimeGroup['id'], { prep: string; answer: string }>

/** The timer needs an answer phase of at least a second. */
export const MIN_ANSWER_MS = 1000

function timeTextsFrom(defaults: Settings['defaultTimes']): TimeTexts {
  const texts = {} as TimeTexts
  for (const group of phaseTimeGroups) {
    const [prep, answer] = group.read(defaults)
    texts[group.id] = { prep: formatClock(prep * 1000), answer: formatClock(answer * 1000) }
  }
  return texts
}

/** The phase times typed in, read: the groups the session type shows, and whether they all make sense. */
function readTimes(timeTexts: TimeTexts, typeKinds: readonly QuestionKind[]) {
  const shownGroups = phaseTimeGroups.filter((group) => group.kinds.some((kind) => typeKinds.includes(kind)))
  const times = {} as SetupTimes
  for (const group of phaseTimeGroups) {
    times[group.id] = { prepMs: parseClock(timeTexts[group.id].prep) ?? 0, answerMs: parseClock(timeTexts[group.id].answer) ?? 0 }
  }
  const timesValid = shownGroups.every((group) => parseClock(timeTexts[group.id].prep) !== null && times[group.id].answerMs >= MIN_ANSWER_MS)
  return { shownGroups, times, timesValid }
}

interface PoolInput {
  questions: readonly QuestionSummary[]
  sourceIds: readonly string[] | null
  type: SessionType
  bankIds: string[]
  sections: string[]
  kinds: QuestionKind[]
}

/** The questions the choices draw from, and the choices still valid for the session type and banks. */
function useSessionPool({ questions, sourceIds, type, bankIds, sections, kinds }: PoolInput) {
  const typeKinds = sessionTypeKinds[type]
  const sectionOptions = useMemo(() => {
    const names = new Set<string>()
    for (const q of filterSessionPool(questions, { type, bankIds, kinds: [], sections: [] })) {
      const top = q.sectionPath[0] ?? q.section
      if (top) names.add(top)
    }
    return [...names].map((name) => ({ value: name, label: name }))
  }, [questions, type, bankIds])
  const validSections = sections.filter((s) => sectionOptions.some((o) => o.value === s))
  const validKinds = kinds.filter((k) => typeKinds.includes(k))
  const pool = useMemo(() => {
    const filtered = filterSessionPool(questions, { type, bankIds, kinds: validKinds, sections: validSections })
    if (!sourceIds) return filtered
    // Due questions keep their order (most overdue first), so "as listed" asks those first.
    const byId = new Map(filtered.map((q) => [q.id, q]))
    return sourceIds.flatMap((id) => {
      const question = byId.get(id)
      return question ? [question] : []
    })
  }, [questions, type, bankIds, validKinds, validSections, sourceIds])
  return { typeKinds, sectionOptions, validSections, validKinds, pool }
}

export type SessionSetupState = ReturnType<typeof useSessionSetup>

/** The new-session form's choices, what they match, and starting the session. */
export function useSessionSetup() {
  const { library } = useLibrary()
  const { settings } = useSettings()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const { overview } = usePracticeOverview()
  const [source, setSource] = useState<QuestionSource>(() => (params.get('source') === 'due' ? 'due' : params.get('source') === 'favorites' ? 'favorites' : 'all'))
  const [type, setType] = useState<SessionType>(() => (params.get('source') ? 'mixed' : 'behavioral'))
  const [bankIds, setBankIds] = useState<string[]>([])
  const [sections, setSections] = useState<string[]>([])
  const [kinds, setKinds] = useState<QuestionKind[]>([])
  const [count, setCount] = useState('3')
  const [order, setOrder] = useState<SessionOrder>('random')
  const [timeTexts, setTimeTexts] = useState(() => timeTextsFrom(settings.defaultTimes))
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)

  const questions = useMemo(() => library?.questions ?? [], [library])
  const sourceIds = useMemo(
    () => (source === 'due' ? (overview?.dueToday ?? []) : source === 'favorites' ? (overview?.favorites ?? []) : null),
    [source, overview]
  )
  const { typeKinds, sectionOptions, validSections, validKinds, pool } = useSessionPool({ questions, sourceIds, type, bankIds, sections, kinds })
  const matching = pool.length
  const countNumber = Number(count)
  const countValid = Number.isInteger(countNumber) && countNumber >= 1 && countNumber <= 50
  const { shownGroups, times, timesValid } = readTimes(timeTexts, typeKinds)
  const canStart = countValid && timesValid && matching > 0 && !starting

  /** Typed answers: the session opens with recording off, for when the microphone or the model is not ready. */
  const start = async (typed = false) => {
    setStarting(true)
    setError(null)
    try {
      const session = await api.createSession({
        type,
        ...(sourceIds ? { questionIds: pool.map((q) => q.id) } : {}),
        bankIds,
        kinds: validKinds,
        sections: validSections,
        count: countNumber,
        order,
        times: phaseOverridesFor(type, times)
      })
      void navigate(`/practice/session/${encodeURIComponent(session.id)}${typed ? '?answers=typed' : ''}`)
    } catch (e) {
      setError(messageOf(e))
      setStarting(false)
    }
  }

  return {
    library, overview, source, setSource, type, setType, bankIds, setBankIds, setSections, setKinds, count, setCount, order, setOrder,
    timeTexts, setTimeTexts, error, setError, typeKinds, sectionOptions, validSections, validKinds, matching, countNumber, countValid,
    shownGroups, canStart, start
  }
}
