import type { AnswerRecord } from '@shared/answers'
import type { Session } from '@shared/session'

export interface SessionHistory {
  session: Session
  /** The session's answers in the order its questions were reached. */
  answers: AnswerRecord[]
  /** Items reached but skipped (no answer given). */
  skipped: number
}

export interface History {
  /** Newest first. */
  sessions: SessionHistory[]
  /** Answers given outside a session (or whose session is gone), newest first. */
  loose: AnswerRecord[]
}

const newestFirst = (a: { createdAt: string }, b: { createdAt: string }): number => b.createdAt.localeCompare(a.createdAt)

/** Every session with its answers, and the answers given outside sessions. */
export function buildHistory(sessions: readonly Session[], answers: readonly AnswerRecord[]): History {
  const bySession = new Map<string, AnswerRecord[]>()
  const loose: AnswerRecord[] = []
  const sessionIds = new Set(sessions.map((s) => s.id))
  for (const answer of answers) {
    // An answer whose takes were all deleted has nothing left to review.
    if (answer.state === 'empty') continue
    if (answer.sessionId !== null && sessionIds.has(answer.sessionId)) {
      const list = bySession.get(answer.sessionId) ?? []
      list.push(answer)
      bySession.set(answer.sessionId, list)
    } else {
      loose.push(answer)
    }
  }
  const history: SessionHistory[] = [...sessions].sort(newestFirst).map((session) => {
    const order = new Map(session.answers.map((item, index) => [item.answerId, index]))
    const own = (bySession.get(session.id) ?? []).sort(
      (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.createdAt.localeCompare(b.createdAt)
    )
    const answered = new Set(own.map((a) => a.id))
    const skipped = session.answers.filter((item) => item.skipped && !answered.has(item.answerId)).length
    return { session, answers: own, skipped }
  })
  return { sessions: history, loose: loose.sort(newestFirst) }
}

/** What a confirm dialog says will be deleted: exactly what the backend removes. */
export function describeSessionDeletion(entry: SessionHistory, when: string): string {
  const n = entry.answers.length
  const recordings = entry.answers.flatMap((a): Array<{ audioFile: string | null }> => (a.takes.length > 0 ? a.takes : [a])).filter((t) => t.audioFile !== null).length
  const what =
    n === 0
      ? `the session of ${when} (it has no answers)`
      : `the session of ${when} and its ${n} answer${n === 1 ? '' : 's'}` +
        (recordings > 0 ? `, ${recordings === 1 ? 'one recording' : `${recordings} recordings`} included` : '')
  return `This deletes ${what}. It cannot be undone.`
}

export function describeAnswerDeletion(
  answer: Pick<AnswerRecord, 'audioFile' | 'source'> & Partial<Pick<AnswerRecord, 'takes'>>,
  title: string,
  when: string
): string {
  const takes = answer.takes ?? []
  if (takes.length > 1) {
    const recordings = takes.filter((take) => take.audioFile !== null).length
    const audio = recordings > 0 ? `, ${recordings === 1 ? 'one recording' : `${recordings} recordings`} included` : ''
    return `This deletes your answer to “${title}” of ${when}: all ${takes.length} takes${audio}. It cannot be undone.`
  }
  const recording = answer.audioFile !== null ? ' and its recording' : ''
  const what = answer.source ? `${answer.source} answer` : 'answer'
  return `This deletes your ${what} to “${title}” of ${when}${recording}. It cannot be undone.`
}
