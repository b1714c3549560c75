import { z } from 'zod'
import { StoredAnswerSchema } from '@shared/answers'
import { NoticeSchema } from '@shared/notices'
import { PracticeStateSchema, emptyPracticeState } from '@shared/practice/practice-schema'
import { SessionSchema } from '@shared/session'
import { SettingsSchema, defaultSettings } from '@shared/settings'

/** Bump with a new entry in `migrations` whenever the shape of the data file changes. */
export const CURRENT_SCHEMA_VERSION = 6

export const DbSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: SettingsSchema,
  notices: z.array(NoticeSchema),
  sessions: z.array(SessionSchema),
  answers: z.array(StoredAnswerSchema),
  /** Spaced-repetition cards and starred questions (added by the practice migration). */
  practice: PracticeStateSchema
})
export type Db = z.infer<typeof DbSchema>

export function emptyDb(): Db {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, settings: structuredClone(defaultSettings), notices: [], sessions: [], answers: [], practice: emptyPracticeState() }
}

type Migration = { to: number; up: (data: Record<string, unknown>) => Record<string, unknown> }

/**
 * Ordered: `migrations[i]` turns version `to - 1` into `to`. A file without `schemaVersion` is
 * version 0 (written before versioning existed). Migrations never drop user data they do not
 * understand; validation after the last one decides whether the file is usable.
 */
export const migrations: Migration[] = [
  {
    to: 1,
    up: (data) => ({
      ...data,
      schemaVersion: 1,
      settings: { ...defaultSettings, ...((data.settings as object | undefined) ?? {}) },
      notices: Array.isArray(data.notices) ? data.notices : [],
      sessions: Array.isArray(data.sessions) ? data.sessions : [],
      answers: Array.isArray(data.answers) ? data.answers : []
    })
  },
  { to: 2, up: (data) => ({ ...addPracticeState(data), schemaVersion: 2 }) },
  // Answers become lists of takes. Self-contained and idempotent (an answer that already has
  // takes is left alone), so it works whatever its place in this list.
  { to: 3, up: (data) => ({ ...data, schemaVersion: 3, answers: Array.isArray(data.answers) ? data.answers.map(answerWithTakes) : [] }) },
  drillTimesMigration(4),
  sqlDrillOnAnswersMigration(5),
  interviewerThreadsMigration(6)
]

/**
 * SQL drills became part of the answer (scoring and the review read them there): a drill kept
 * only with its session item is copied to the item's answer, and an answer that never got a
 * take (the candidate ran the query and said nothing) is created for it, as saving the drill
 * does now. Self-contained and idempotent: an answer that has a drill keeps its own, a session
 * item is never changed, and a second run finds nothing to do. (A factory: any number fits.)
 */
export function sqlDrillOnAnswersMigration(to: number): Migration {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
  return {
    to,
    up: (data) => {
      const answers: unknown[] = Array.isArray(data.answers) ? [...data.answers] : []
      const sessions: unknown[] = Array.isArray(data.sessions) ? data.sessions : []
      for (const session of sessions) {
        if (!isObject(session) || !Array.isArray(session.answers)) continue
        for (const item of session.answers) {
          if (!isObject(item) || !isObject(item.sqlDrill) || typeof item.answerId !== 'string') continue
          const index = answers.findIndex((answer) => isObject(answer) && answer.id === item.answerId)
          const found = answers[index]
          if (isObject(found)) {
            if (found.sqlDrill === undefined) answers[index] = { ...found, sqlDrill: item.sqlDrill }
            continue
          }
          const at = typeof item.sqlDrill.updatedAt === 'string' ? item.sqlDrill.updatedAt : session.createdAt
          answers.push({
            id: item.answerId,
            sessionId: session.id,
            questionId: item.questionId,
            createdAt: at,
            updatedAt: at,
            timeBoxMs: null,
            takes: [],
            currentTakeId: null,
            lastTakeNumber: 0,
            sqlDrill: item.sqlDrill
          })
        }
      }
      return { ...data, schemaVersion: to, answers }
    }
  }
}

/**
 * Answers gained the interviewer's threads: the clarifying questions asked and the follow-ups
 * with their replies. Files written before get empty lists on every answer; an answer that has
 * them already is left alone, so the entry is idempotent and works at whatever number it runs.
 */
export function interviewerThreadsMigration(to: number): Migration {
  return {
    to,
    up: (data) => ({
      ...data,
      schemaVersion: to,
      answers: Array.isArray(data.answers)
        ? data.answers.map((raw: unknown) =>
            typeof raw === 'object' && raw !== null && !Array.isArray(raw)
              ? {
                  ...raw,
                  clarifications: Array.isArray((raw as Record<string, unknown>).clarifications) ? (raw as Record<string, unknown>).clarifications : [],
                  followUps: Array.isArray((raw as Record<string, unknown>).followUps) ? (raw as Record<string, unknown>).followUps : []
                }
              : raw
          )
        : []
    })
  }
}

/**
 * Settings gained default times for SQL/coding and concept drills: files written before get the
 * built-in ones; every time the user set stays. (A factory, so the entry can take any number.)
 */
function drillTimesMigration(to: number): Migration {
  return {
    to,
    up: (data) => {
      const settings = (data.settings as Record<string, unknown> | undefined) ?? {}
      const times = (settings.defaultTimes as Record<string, unknown> | undefined) ?? {}
      return {
        ...data,
        schemaVersion: to,
        settings: {
          ...settings,
          defaultTimes: {
            ...structuredClone(defaultSettings.defaultTimes),
            ...times,
            handsOn: times.handsOn ?? structuredClone(defaultSettings.defaultTimes.handsOn),
            concept: times.concept ?? structuredClone(defaultSettings.defaultTimes.concept)
          }
        }
      }
    }
  }
}

/**
 * The practice migration: adds empty spaced-repetition cards and favorites. Self-contained and
 * idempotent (it reads and writes only `practice`), so it works at whatever position it runs;
 * cards are rebuilt from the answers on the next start.
 */
export function addPracticeState(data: Record<string, unknown>): Record<string, unknown> {
  const practice = data.practice as { cards?: unknown; favorites?: unknown } | undefined
  return {
    ...data,
    practice: {
      cards: Array.isArray(practice?.cards) ? practice.cards : [],
      favorites: Array.isArray(practice?.favorites) ? practice.favorites : []
    }
  }
}

/**
 * A version-1 answer (one recording or text, replaced in place) as an answer with that content
 * as its only take, `t1`. Its audio file keeps its name (`audio/<id>.wav`); new takes get
 * `audio/<id>.<take>.wav`. Fields it does not know are kept for validation to judge.
 */
function answerWithTakes(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || 'takes' in raw) return raw
  const { source, status, recovered, audioFile, durationMs, transcript, text, edited, error, ...answer } = raw as Record<string, unknown>
  const hasContent = source !== 'typed' || (typeof text === 'string' && text.length > 0) || audioFile
  const take = {
    id: 't1',
    source,
    state: source === 'typed' ? 'typed' : status,
    createdAt: answer.createdAt,
    updatedAt: answer.updatedAt,
    recovered: recovered ?? false,
    audioFile: audioFile ?? null,
    durationMs: durationMs ?? null,
    transcript: transcript ?? null,
    text: text ?? '',
    edited: source === 'typed' ? false : (edited ?? false),
    error: error ?? null
  }
  return { ...answer, takes: hasContent ? [take] : [], currentTakeId: hasContent ? 't1' : null, lastTakeNumber: hasContent ? 1 : 0 }
}

export class MigrationError extends Error {}

/**
 * The data file comes from a newer mockroom. It is not corrupt, so it is neither moved aside nor
 * rewritten: the app refuses to start and says why.
 */
export class NewerDataFileError extends Error {
  constructor(readonly version: number) {
    super(`the data file was written by a newer mockroom (data version ${version}; this mockroom reads up to ${CURRENT_SCHEMA_VERSION})`)
    this.name = 'NewerDataFileError'
  }
}

export function migrate(raw: unknown): Db {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MigrationError('the file does not hold a JSON object')
  }
  let data = raw as Record<string, unknown>
  const version = data.schemaVersion ?? 0
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new MigrationError(`schemaVersion ${JSON.stringify(version)} is not a version number`)
  }
  if (version > CURRENT_SCHEMA_VERSION) throw new NewerDataFileError(version)
  for (const migration of migrations) {
    if (migration.to > version) data = migration.up(data)
  }
  const parsed = DbSchema.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new MigrationError(`${first?.path.join('.') || 'data'}: ${first?.message ?? 'invalid'}`)
  }
  return parsed.data
}
