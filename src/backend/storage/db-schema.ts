import { z } from 'zod'
import { AnswerRecordSchema } from '../../shared/answers'
import { NoticeSchema } from '../../shared/notices'
import { PracticeStateSchema, emptyPracticeState } from '../../shared/practice/practice-schema'
import { SessionSchema } from '../../shared/session'
import { SettingsSchema, defaultSettings } from '../../shared/settings'

/** Bump with a new entry in `migrations` whenever the shape of the data file changes. */
export const CURRENT_SCHEMA_VERSION = 2

export const DbSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: SettingsSchema,
  notices: z.array(NoticeSchema),
  sessions: z.array(SessionSchema),
  answers: z.array(AnswerRecordSchema),
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
  { to: 2, up: (data) => ({ ...addPracticeState(data), schemaVersion: 2 }) }
]

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

export class MigrationError extends Error {}

export function migrate(raw: unknown): Db {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MigrationError('the file does not hold a JSON object')
  }
  let data = raw as Record<string, unknown>
  const version = data.schemaVersion ?? 0
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new MigrationError(`schemaVersion ${JSON.stringify(version)} is not a version number`)
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new MigrationError(
      `schemaVersion ${version} was written by a newer mockroom (this one reads up to ${CURRENT_SCHEMA_VERSION})`
    )
  }
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
