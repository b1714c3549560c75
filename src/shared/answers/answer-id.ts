import { z } from 'zod'

/**
 * The one rule for answer ids, take ids and the audio file names made from them. The contract,
 * the WAV writer and the media route all use these, so an id the API accepts always names a
 * file the media route serves, and nothing else ever does.
 */
const ANSWER_ID_PATTERN = '[A-Za-z0-9][A-Za-z0-9_-]{0,127}'
const TAKE_ID_PATTERN = 't[1-9][0-9]{0,5}'

/** Answer ids name audio files (`audio/<id>.<take>.wav`), so they are restricted to safe characters. */
export const AnswerIdSchema = z.string().regex(new RegExp(`^${ANSWER_ID_PATTERN}$`), 'letters, digits, - and _ only (at most 128)')

/** `t1`, `t2`, … in the order the takes were made; never reused within an answer. */
export const TakeIdSchema = z.string().regex(new RegExp(`^${TAKE_ID_PATTERN}$`), 'a take id such as t1')

/** The name of an audio file without `.wav`: `<answerId>` (audio from before takes) or `<answerId>.<takeId>`. */
const AUDIO_STEM = new RegExp(`^(${ANSWER_ID_PATTERN})(?:\\.(${TAKE_ID_PATTERN}))?$`)
const AUDIO_PATH = new RegExp(`^audio/((${ANSWER_ID_PATTERN})(?:\\.(${TAKE_ID_PATTERN}))?)\\.wav$`)

export function takeNumber(takeId: string): number {
  return Number(takeId.slice(1))
}

export function takeIdOf(n: number): string {
  return `t${n}`
}

/** Where a take's audio lives, relative to the data folder. */
export function takeAudioFile(answerId: string, takeId: string): string {
  return `audio/${answerId}.${takeId}.wav`
}

export function isAudioStem(stem: string): boolean {
  return AUDIO_STEM.test(stem)
}

/** `audio/<stem>.wav` → its stem and answer id, or null for any other path (the media route's rule). */
export function parseAudioPath(relativePath: string): { stem: string; answerId: string; takeId: string | null } | null {
  const [, stem, answerId, takeId] = AUDIO_PATH.exec(relativePath) ?? []
  if (stem === undefined || answerId === undefined) return null
  return { stem, answerId, takeId: takeId ?? null }
}
