import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import {
  answerView,
  applyAnswerChange,
  createAnswer,
  currentTake,
  type AnswerChange,
  type AnswerOwner,
  type AnswerRecord,
  type StoredAnswer
} from '@shared/answers'
import { AppError } from '@shared/api/result'
import type { SaveTypedAnswerInput } from '@shared/contract'
import type { SqlDrillRecord } from '@shared/sql/drill-record'
import type { ClarificationRecord, FollowUpRecord } from '@shared/interviewer/records'
import type { EventHub } from '../events'
import type { Store } from '../storage/store'
import { defined } from '@shared/defined'

/**
 * The one owner of answer records. Every change goes through `patch`, which applies the pure
 * answer machine to the stored answer inside one store update: a change that is not legal in
 * the take's state is refused with the machine's coded error, and nothing is half-written.
 * Recording, transcription and recovery ask for transitions here; none writes an answer itself.
 */
export class AnswersService {
  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
    private readonly events: EventHub,
    private readonly now: () => Date
  ) {}

  list(filter: { sessionId?: string; questionId?: string }): AnswerRecord[] {
    return this.store
      .read()
      .answers.filter((a) => (!filter.sessionId || a.sessionId === filter.sessionId) && (!filter.questionId || a.questionId === filter.questionId))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(answerView)
  }

  get(id: string): AnswerRecord {
    return answerView(this.stored(id))
  }

  /** The answer as stored (with every take), for the services that ask for its transitions. */
  stored(id: string): StoredAnswer {
    const answer = this.find(id)
    if (!answer) throw new AppError('NOT_FOUND', `No answer with id ${id}.`)
    return answer
  }

  find(id: string): StoredAnswer | undefined {
    return this.store.read().answers.find((a) => a.id === id)
  }

  /** Every stored answer, for start-up recovery. */
  all(): readonly StoredAnswer[] {
    return this.store.read().answers
  }

  /**
   * The answer with this id, created without takes if it does not exist yet. Its question and
   * session are fixed here, once; later changes never carry them again.
   */
  async ensure(id: string, owner: AnswerOwner): Promise<AnswerRecord> {
    const existing = this.find(id)
    if (existing) {
      if (existing.questionId !== owner.questionId || existing.sessionId !== owner.sessionId) {
        throw new AppError('CONFLICT', `Answer ${id} belongs to another question or session.`)
      }
      if (existing.timeBoxMs !== null || !owner.timeBoxMs) return answerView(existing)
    }
    const at = this.now().toISOString()
    const db = await this.store.update((draft) => {
      const found = draft.answers.find((a) => a.id === id)
      if (!found) draft.answers.push(createAnswer(id, owner, at))
      else if (found.timeBoxMs === null && owner.timeBoxMs) found.timeBoxMs = owner.timeBoxMs
    })
    return answerView(defined(db.answers.find((a) => a.id === id), `answer ${id}`))
  }

  /**
   * Applies one transition of the answer machine, persists it and announces the result. With an
   * owner, an answer that does not exist yet is created in the same write, so a failed write
   * leaves no empty answer behind.
   */
  async patch(id: string, change: AnswerChange, owner?: AnswerOwner): Promise<AnswerRecord> {
    const at = this.now().toISOString()
    const db = await this.store.update((draft) => {
      let index = draft.answers.findIndex((a) => a.id === id)
      if (index === -1 && owner) index = draft.answers.push(createAnswer(id, owner, at)) - 1
      if (index === -1) throw new AppError('NOT_FOUND', `No answer with id ${id}.`)
      const found = defined(draft.answers[index], `answer ${id}`)
      if (owner && (found.questionId !== owner.questionId || found.sessionId !== owner.sessionId)) {
        throw new AppError('CONFLICT', `Answer ${id} belongs to another question or session.`)
      }
      if (owner && found.timeBoxMs === null && owner.timeBoxMs) found.timeBoxMs = owner.timeBoxMs
      draft.answers[index] = applyAnswerChange(found, change, at)
    })
    const saved = answerView(defined(db.answers.find((a) => a.id === id), `answer ${id}`))
    this.events.emit('answer', saved)
    return saved
  }

  /** Typed text: continues typed take `takeId`, or starts a new typed take. */
  async saveTyped(input: SaveTypedAnswerInput): Promise<AnswerRecord> {
    const id = input.id ?? randomUUID()
    const owner = { sessionId: input.sessionId, questionId: input.questionId, timeBoxMs: input.timeBoxMs ?? null }
    return this.patch(id, { type: 'type', text: input.text, ...(input.takeId ? { takeId: input.takeId } : {}) }, owner)
  }

  /** A correction of take `takeId` (default: the current one); the original transcript is kept. */
  async updateText(id: string, text: string, takeId?: string): Promise<AnswerRecord> {
    const target = takeId ?? currentTake(this.stored(id))?.id
    if (!target) throw new AppError('ILLEGAL_TRANSITION', 'This answer has no take to correct yet: record or type it first.')
    return this.patch(id, { type: 'edit', takeId: target, text })
  }

  /**
   * The SQL drill's latest state, kept with the answer so scoring and the review read it there.
   * The answer is created (without a take) when the drill runs before anything is typed or said.
   */
  saveSqlDrill(id: string, owner: AnswerOwner, record: SqlDrillRecord): Promise<AnswerRecord> {
    return this.patch(id, { type: 'sqlDrill', record }, owner)
  }

  restoreTake(id: string, takeId: string): Promise<AnswerRecord> {
    return this.patch(id, { type: 'restore', takeId })
  }

  /** Deletes one take and then its audio (the user asked; the rest of the answer stays). */
  async deleteTake(id: string, takeId: string): Promise<AnswerRecord> {
    const take = this.stored(id).takes.find((t) => t.id === takeId)
    const saved = await this.patch(id, { type: 'deleteTake', takeId })
    if (take?.audioFile) await this.removeFile(take.audioFile)
    return saved
  }

  /**
   * Adds one clarifying exchange to the answer (created if it has no take yet: the clarify phase
   * comes before any answer). Not a take: the machine's states are untouched.
   */
  async addClarification(id: string, owner: AnswerOwner, record: ClarificationRecord): Promise<AnswerRecord> {
    return this.changeThread(id, owner, (answer) => ({ ...answer, clarifications: [...answer.clarifications, record] }))
  }

  /** Saves the follow-ups chosen for the answer, once: an answer that has them keeps its own. */
  async setFollowUps(id: string, records: readonly FollowUpRecord[]): Promise<AnswerRecord> {
    return this.changeThread(id, undefined, (answer) => (answer.followUps.length > 0 ? answer : { ...answer, followUps: [...records] }))
  }

  /** The candidate's reply to one follow-up (typed; saved again as they type). */
  async replyToFollowUp(id: string, followUpId: string, reply: string): Promise<AnswerRecord> {
    const at = this.now().toISOString()
    return this.changeThread(id, undefined, (answer) => {
      if (!answer.followUps.some((f) => f.id === followUpId)) {
        throw new AppError('NOT_FOUND', `This answer has no follow-up ${followUpId}: it may have been deleted. Reload the page.`)
      }
      return { ...answer, followUps: answer.followUps.map((f) => (f.id === followUpId ? { ...f, reply, answeredAt: reply.trim() ? at : null } : f)) }
    })
  }

  private async changeThread(id: string, owner: AnswerOwner | undefined, change: (answer: StoredAnswer) => StoredAnswer): Promise<AnswerRecord> {
    const at = this.now().toISOString()
    const db = await this.store.update((draft) => {
      let index = draft.answers.findIndex((a) => a.id === id)
      if (index === -1 && owner) index = draft.answers.push(createAnswer(id, owner, at)) - 1
      const found = draft.answers[index]
      if (!found) throw new AppError('NOT_FOUND', `No answer with id ${id}.`)
      if (owner && (found.questionId !== owner.questionId || found.sessionId !== owner.sessionId)) {
        throw new AppError('CONFLICT', `Answer ${id} belongs to another question or session.`)
      }
      const changed = change(found)
      if (changed !== found) draft.answers[index] = { ...changed, updatedAt: at }
    })
    const saved = answerView(defined(db.answers.find((a) => a.id === id), `answer ${id}, just saved`))
    this.events.emit('answer', saved)
    return saved
  }

  /** Deletes the answer, every take and their audio. */
  async remove(id: string): Promise<void> {
    const answer = this.stored(id)
    await this.store.update((db) => {
      db.answers = db.answers.filter((a) => a.id !== id)
    })
    for (const take of answer.takes) if (take.audioFile) await this.removeFile(take.audioFile)
  }

  /** Deletes every answer of a session (the session is being deleted); returns how many. */
  async removeForSession(sessionId: string): Promise<number> {
    const doomed = this.store.read().answers.filter((a) => a.sessionId === sessionId)
    if (doomed.length === 0) return 0
    await this.store.update((db) => {
      db.answers = db.answers.filter((a) => a.sessionId !== sessionId)
    })
    for (const take of doomed.flatMap((a) => a.takes)) if (take.audioFile) await this.removeFile(take.audioFile)
    return doomed.length
  }

  private async removeFile(relative: string): Promise<void> {
    // The record is gone already; a file that cannot be removed is only wasted space.
    await rm(join(this.dataDir, relative), { force: true }).catch(() => undefined)
  }
}
