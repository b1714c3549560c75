import { join } from 'node:path'
import type { Notice } from '@shared/notices'
import { QUARANTINE_DIR, type StartupRecovery } from './crash-recovery'

type NewNotice = Omit<Notice, 'id' | 'createdAt'>

function clock(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** What start-up recovery tells the user: which recordings were finished, which files were set aside. */
export function recoveryNotices(recovery: StartupRecovery, dataDir: string, titleOf: (questionId: string) => string): NewNotice[] {
  const notices: NewNotice[] = []
  const recovered = recovery.recovered.filter((take) => take.durationMs > 0)
  if (recovered.length > 0) {
    const names = recovered.map((take) => `“${titleOf(take.questionId)}” (${clock(take.durationMs)})`)
    notices.push({
      kind: 'audio-recovered',
      severity: 'warning',
      message:
        `mockroom stopped while recording. The audio of ${recovered.length === 1 ? 'this answer was' : `these ${recovered.length} answers were`} ` +
        `recovered up to the last second received: ${names.join(', ')}. It is transcribed now; open the answer to play it or review it.`,
      path: null
    })
  }
  if (recovery.quarantined.length > 0) {
    const folder = join(dataDir, QUARANTINE_DIR)
    const files = recovery.quarantined.map((entry) => `${entry.file} (${entry.reason})`)
    const moved = recovery.quarantined.some((entry) => entry.movedTo)
    notices.push({
      kind: 'audio-quarantined',
      severity: 'warning',
      message:
        `${recovery.quarantined.length === 1 ? 'One audio file' : `${recovery.quarantined.length} audio files`} could not be used: ${files.join('; ')}. ` +
        (moved ? `${recovery.quarantined.length === 1 ? 'It was' : 'They were'} moved aside, unchanged, to ${folder}. ` : '') +
        'The takes that had them are marked failed; everything else started normally.',
      path: moved ? folder : null
    })
  }
  return notices
}
