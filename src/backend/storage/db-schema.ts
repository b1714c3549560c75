import { z } from 'zod'
import { AnswerRecordSchema } from '../../shared/answers'
import { NoticeSchema } from '../../shared/notices'
import { SessionSchema } from '../../shared/session'
import { SettingsSchema, defaultSettings } from '../../shared/settings'

/** Bump with a new entry in `migrations` whenever the shape of the data file changes. */
export const CURRENT_SCHEMA_VERSION = 2

export const DbSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: SettingsSchema,
  notices: z.array(NoticeSchema),
  sessions: z.array(SessionSchema),
  answers: z.array(AnswerRecordSchema)
})
export type Db = z.infer<typeof DbSchema>

export function emptyDb(): Db {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, settings: structuredClone(defaultSettings), notices: [], sessions: [], answers: [] }
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
  drillTimesMigration(2)
]

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
