import { z } from 'zod'

export const ThemePreferenceSchema = z.enum(['system', 'light', 'dark'])
export type ThemePreference = z.infer<typeof ThemePreferenceSchema>

/**
 * The interviewer's voice. Only the system's offline voices are ever used (see
 * src/renderer/src/lib/speech.ts); with none, the interviewer shows captions only.
 */
export const InterviewerVoiceSettingsSchema = z.object({
  /** Read questions and follow-ups aloud. */
  enabled: z.boolean(),
  /** `voiceURI` of the chosen local voice, or null for the system's default local voice. */
  voiceURI: z.string().nullable(),
  /** Speaking rate, 1 = the voice's normal pace. */
  rate: z.number().min(0.5).max(2)
})
export type InterviewerVoiceSettings = z.infer<typeof InterviewerVoiceSettingsSchema>

export const defaultInterviewerVoice: InterviewerVoiceSettings = { enabled: true, voiceURI: null, rate: 1 }

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
  modelPath: z.string().nullable(),
  /** Filled with the defaults when missing, so a data file written before it existed still loads. */
  interviewerVoice: InterviewerVoiceSettingsSchema.default(() => ({ ...defaultInterviewerVoice }))
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
  modelPath: null,
  interviewerVoice: { ...defaultInterviewerVoice }
}

/**
 * A partial update: nested objects are replaced whole, which keeps merging predictable. Fields
 * with a default are redeclared without it: a patch that leaves them out must not reset them.
 */
export const SettingsPatchSchema = SettingsSchema.extend({ interviewerVoice: InterviewerVoiceSettingsSchema }).partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>
