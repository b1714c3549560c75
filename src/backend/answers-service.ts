import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { AnswerRecord } from '../shared/answers'
import { AppError } from '../shared/api/result'
import type { SaveTypedAnswerInput } from '../shared/contract'
import type { EventHub } from './events'
import type { Store } from './storage/store'

/** Answers and their text; recording and transcription add to these records. */
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
  }

  get(id: string): AnswerRecord {
    const answer = this.store.read().answers.find((a) => a.id === id)
    if (!answer) throw new AppError('NOT_FOUND', `No answer with id ${id}.`)
    return answer
  }

  /** Creates or replaces the record with this id (a session item's answerId). */
  async upsert(id: string, fields: Partial<AnswerRecord> & Pick<AnswerRecord, 'questionId' | 'sessionId' | 'source'>): Promise<AnswerRecord> {
    const at = this.now().toISOString()
    const db = await this.store.update((draft) => {
      const existing = draft.answers.find((a) => a.id === id)
      if (existing) {
        Object.assign(existing, fields, { updatedAt: at })
      } else {
        draft.answers.push({
          id,
          createdAt: at,
          updatedAt: at,
          status: 'ready',
          recovered: false,
          audioFile: null,
          durationMs: null,
          timeBoxMs: null,
          transcript: null,
          text: '',
          edited: false,
          error: null,
          ...fields
        })
      }
    })
    const saved = db.answers.find((a) => a.id === id)!
    this.events.emit('answer', saved)
    return saved
  }

  saveTyped(input: SaveTypedAnswerInput): Promise<AnswerRecord> {
    // Typing over a recorded answer is a correction: its audio and transcript stay.
    const existing = input.id ? this.store.read().answers.find((a) => a.id === input.id) : undefined
    if (existing && existing.source !== 'typed') return this.updateText(existing.id, input.text)
    return this.upsert(input.id ?? randomUUID(), {
      sessionId: input.sessionId,
      questionId: input.questionId,
      source: 'typed',
      status: 'ready',
      text: input.text,
      timeBoxMs: input.timeBoxMs ?? null
    })
  }

  /** A correction: `text` changes, the original transcript is kept beside it. */
  async updateText(id: string, text: string): Promise<AnswerRecord> {
    const answer = this.get(id)
    return this.upsert(id, {
      sessionId: answer.sessionId,
      questionId: answer.questionId,
      source: answer.source,
      text,
      edited: answer.source !== 'typed' && text !== (answer.transcript?.text ?? '')
    })
  }

  async remove(id: string): Promise<void> {
    const answer = this.get(id)
    await this.store.update((db) => {
      db.answers = db.answers.filter((a) => a.id !== id)
    })
    if (answer.audioFile) await rm(join(this.dataDir, answer.audioFile), { force: true })
  }
}
