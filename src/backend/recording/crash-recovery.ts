import { existsSync } from 'node:fs'
import { mkdir, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { AnswerChange, Take } from '@shared/answers'
import type { AnswersService } from '../answers'
import { readWavFile, scanAudioFolder } from '../audio'
import type { TakeKey } from '../transcription'
import { messageOf } from '@shared/errors'

export interface RecoveredTake extends TakeKey {
  questionId: string
  durationMs: number
}

export interface QuarantinedFile {
  /** Where the file was, relative to the data folder. */
  file: string
  /** Where it is now (absolute), or null if it could not be moved (or was missing). */
  movedTo: string | null
  reason: string
  takes: TakeKey[]
}

export interface StartupRecovery {
  /** Takes cut off mid-recording, closed with the audio that reached the disk. */
  recovered: RecoveredTake[]
  /** Damaged or missing audio, set aside; the takes that had it are marked failed. */
  quarantined: QuarantinedFile[]
  /** Takes whose audio is complete and waits for whisper (cut-off ones and interrupted transcriptions). */
  toTranscribe: TakeKey[]
}

export const QUARANTINE_DIR = 'quarantine'

/** Moves a damaged file or folder into `<data>/quarantine/`, never over another; null if it cannot be moved. */
async function moveAside(dataDir: string, path: string, stamp: string): Promise<string | null> {
  if (!existsSync(path)) return null
  const folder = join(dataDir, QUARANTINE_DIR)
  try {
    await mkdir(folder, { recursive: true })
    let target = join(folder, basename(path))
    if (existsSync(target)) target = join(folder, `${stamp}-${basename(path)}`)
    await rename(path, target)
    return target
  } catch {
    return null
  }
}

function damagedMessage(reason: string, movedTo: string | null): string {
  const where = movedTo ? ` It was moved aside, unchanged, to ${movedTo}.` : ''
  return `The audio of this take cannot be used: ${reason}.${where} Record the answer again, or restore another take.`
}

/**
 * What start-up does before anything records: mend WAVs a crash left unfinished, close every
 * take still marked `recording` with the audio that reached the disk, and set aside (never
 * delete) audio that cannot be read, marking its take failed with the reason. One bad file is
 * never a reason not to start: every step is taken per file and per take.
 */
export async function recoverAtStart(options: { dataDir: string; answers: AnswersService; now: () => Date }): Promise<StartupRecovery> {
  const { dataDir, answers } = options
  const stamp = options.now().toISOString().replace(/[:.]/g, '-')
  const result: StartupRecovery = { recovered: [], quarantined: [], toTranscribe: [] }
  const handled = new Set<string>()
  const takesWith = (file: string): Array<TakeKey & { take: Take }> =>
    answers.all().flatMap((answer) => answer.takes.filter((take) => take.audioFile === file).map((take) => ({ answerId: answer.id, takeId: take.id, take })))

  const tryPatch = async (key: TakeKey, change: AnswerChange): Promise<boolean> => {
    try {
      await answers.patch(key.answerId, change)
      return true
    } catch (error) {
      console.error(`mockroom: could not recover take ${key.takeId} of answer ${key.answerId}: ${messageOf(error)}`)
      return false
    }
  }

  const quarantine = async (file: string, path: string | null, reason: string, only?: TakeKey): Promise<void> => {
    const movedTo = path ? await moveAside(dataDir, path, stamp) : null
    const takes = only ? [only] : takesWith(file).filter((t) => t.take.source !== 'typed')
    for (const key of takes) {
      handled.add(`${key.answerId}/${key.takeId}`)
      await tryPatch(key, { type: 'quarantine', takeId: key.takeId, error: { code: 'AUDIO_DAMAGED', message: damagedMessage(reason, movedTo) } })
    }
    result.quarantined.push({ file, movedTo, reason, takes: takes.map(({ answerId, takeId }) => ({ answerId, takeId })) })
  }

  const audioDir = join(dataDir, 'audio')
  let damaged: Array<{ path: string; reason: string }> = []
  try {
    damaged = (await scanAudioFolder(audioDir)).damaged
  } catch (error) {
    console.error(`mockroom: the audio folder could not be scanned: ${messageOf(error)}`)
  }
  for (const entry of damaged) await quarantine(`audio/${basename(entry.path)}`, entry.path, entry.reason)

  for (const answer of answers.all()) {
    for (const take of answer.takes) {
      const key = { answerId: answer.id, takeId: take.id }
      if (handled.has(`${key.answerId}/${key.takeId}`)) continue
      if (take.state !== 'recording' && take.state !== 'transcribing') continue
      const path = take.audioFile ? join(dataDir, take.audioFile) : null
      if (take.state === 'recording' && (!path || !existsSync(path))) {
        // The record is written before the file, so no file means no audio ever arrived.
        await tryPatch(key, { type: 'stopRecording', takeId: take.id, durationMs: 0, interrupted: true })
        result.recovered.push({ ...key, questionId: answer.questionId, durationMs: 0 })
        continue
      }
      if (!path || !existsSync(path)) {
        await quarantine(take.audioFile ?? `audio/${answer.id}.${take.id}.wav`, null, 'the audio file is missing', key)
        continue
      }
      let durationMs: number
      try {
        durationMs = (await readWavFile(path)).durationMs
      } catch (error) {
        const reason = messageOf(error).replace(`${path}: `, '')
        await quarantine(take.audioFile ?? `audio/${answer.id}.${take.id}.wav`, path, reason, key)
        continue
      }
      if (take.state === 'recording') {
        if (await tryPatch(key, { type: 'stopRecording', takeId: take.id, durationMs, interrupted: true })) {
          result.recovered.push({ ...key, questionId: answer.questionId, durationMs })
          if (durationMs > 0) result.toTranscribe.push(key)
        }
      } else {
        // Killed while whisper ran: the audio is complete, so run it again.
        result.toTranscribe.push(key)
      }
    }
  }
  return result
}
