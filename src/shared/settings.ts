import { z } from 'zod'

export const ThemePreferenceSchema = z.enum(['system', 'light', 'dark'])
export type ThemePreference = z.infer<typeof ThemePreferenceSchema>

/** User preferences, persisted in the data file (never in localStorage: one source of truth). */
export const SettingsSchema = z.object({
  theme: ThemePreferenceSchema,
  /** `deviceId` from enumerateDevices, or null for the system default. */
  microphoneId: z.string().nullable(),
  /** Start recording when the answer phase begins. */
  autoRecord: z.boolean(),
  /** Play a sound at each timer warning. */
  warningSound: z.boolean(),
  /** Default phase lengths in seconds, by session type. */
  defaultTimes: z.object({
    behavioral: z.object({ thinkSec: z.number().int().min(0), answerSec: z.number().int().min(10) }),
    systemDesign: z.object({
      clarifySec: z.number().int().min(0),
      designSec: z.number().int().min(10)
    }),
    /** SQL and coding drills. */
    handsOn: z.object({ readSec: z.number().int().min(0), answerSec: z.number().int().min(10) }),
    concept: z.object({ thinkSec: z.number().int().min(0), answerSec: z.number().int().min(10) })
  }),
  /** Absolute path of the Whisper model to use, or null to use the first installed one. */
  modelPath: z.string().nullable()
})
export type Settings = z.infer<typeof SettingsSchema>

export const defaultSettings: Settings = {
  theme: 'system',
  microphoneId: null,
  autoRecord: true,
  warningSound: true,
  defaultTimes: {
    behavioral: { thinkSec: 60, answerSec: 180 },
    systemDesign: { clarifySec: 300, designSec: 2100 },
    handsOn: { readSec: 120, answerSec: 600 },
    concept: { thinkSec: 30, answerSec: 120 }
  },
  modelPath: null
}

/** A partial update: nested objects are replaced whole, which keeps merging predictable. */
export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>
