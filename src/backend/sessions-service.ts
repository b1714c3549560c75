import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/api/result'
import type { QuestionSummary } from '@shared/banks/types'
import type { CreateSessionInput as CreateSessionRequest, SaveSessionItemInput, UpdateSessionInput } from '@shared/contract'
import { createSession, planSession, type PhaseTimeOverrides, type Session, type SessionAnswer } from '@shared/session'
import { filterSessionPool } from '@shared/session/session-pool'
import type { Settings } from '@shared/settings'
import type { Store } from './storage/store'
import { defined } from '@shared/defined'

/** Phase lengths from the user's settings, as the planner's per-kind overrides. */
function timesFromSettings(settings: Settings): PhaseTimeOverrides {
  const star = { prepMs: settings.defaultTimes.behavioral.thinkSec * 1000, answerMs: settings.defaultTimes.behavioral.answerSec * 1000 }
  const design = {
    prepMs: settings.defaultTimes.systemDesign.clarifySec * 1000,
    answerMs: settings.defaultTimes.systemDesign.designSec * 1000
  }
  const { handsOn, concept } = settings.defaultTimes
  const drill = { prepMs: handsOn.readSec * 1000, answerMs: handsOn.answerSec * 1000 }
  return {
    behavioral: star,
    product: star,
    'system-design': design,
    scenario: design,
    sql: drill,
    coding: drill,
    concept: { prepMs: concept.thinkSec * 1000, answerMs: concept.answerSec * 1000 }
  }
}

export class SessionsService {
  constructor(
    private readonly store: Store,
    /** Summaries are enough: planning reads ids, kinds, banks, sections and worked-example marks. */
    private readonly questions: () => Promise<QuestionSummary[]>,
    private readonly now: () => Date
  ) {}

  list(): Session[] {
    return [...this.store.read().sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  get(id: string): Session {
    const session = this.store.read().sessions.find((s) => s.id === id)
    if (!session) throw new AppError('NOT_FOUND', `No session with id ${id}.`)
    return session
  }

  async create(request: CreateSessionRequest): Promise<Session> {
    const all = await this.questions()
    const byId = new Map(all.map((q) => [q.id, q]))
    const pool = request.questionIds?.length
      ? request.questionIds.map((id) => {
          const question = byId.get(id)
          if (!question) throw new AppError('NOT_FOUND', `No question with id ${id}.`)
          return question
        })
      : filterSessionPool(all, request)
    const times: PhaseTimeOverrides = { ...timesFromSettings(this.store.read().settings), ...request.times }
    const plan = planSession({
      // Explicitly chosen questions are asked whatever their kind.
      type: request.questionIds?.length ? 'mixed' : request.type,
      questions: pool,
      count: request.count,
      order: request.order,
      seed: request.seed ?? Math.floor(this.now().getTime() % 2 ** 31),
      times
    })
    if (plan.items.length === 0) {
      throw new AppError('NOT_FOUND', 'No question matches these choices: pick other banks, sections or kinds.')
    }
    const createdAt = this.now().toISOString()
    const session = { ...createSession({ id: randomUUID(), createdAt, type: request.type, items: plan.items }), updatedAt: createdAt }
    await this.store.update((db) => {
      db.sessions.push(session)
    })
    return session
  }

  async update({ id, ...patch }: UpdateSessionInput): Promise<Session> {
    const current = this.get(id)
    if (patch.currentIndex !== undefined && patch.currentIndex > current.items.length) {
      throw new AppError('VALIDATION', `Question ${patch.currentIndex + 1} is past the end of this session (${current.items.length} questions).`)
    }
    const db = await this.store.update((draft) => {
      const session = defined(draft.sessions.find((s) => s.id === id), `session ${id}`)
      if (patch.currentIndex !== undefined) session.currentIndex = patch.currentIndex
      if (patch.timer !== undefined) session.timer = patch.timer
      if (patch.status !== undefined) session.status = patch.status
      session.updatedAt = this.now().toISOString()
    })
    return defined(db.sessions.find((s) => s.id === id), `session ${id}`)
  }

  /** Creates the item's answer entry on first save, so its answerId is fixed from then on. */
  async saveItem({ sessionId, questionId, ...patch }: SaveSessionItemInput): Promise<Session> {
    const session = this.get(sessionId)
    if (!session.items.some((item) => item.questionId === questionId)) {
      throw new AppError('NOT_FOUND', `Question ${questionId} is not part of this session.`)
    }
    const db = await this.store.update((draft) => {
      const target = defined(draft.sessions.find((s) => s.id === sessionId), `session ${sessionId}`)
      let answer = target.answers.find((a) => a.questionId === questionId)
      if (!answer) {
        answer = { questionId, answerId: randomUUID(), notes: '', skipped: false } satisfies SessionAnswer
        target.answers.push(answer)
      }
      Object.assign(answer, Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)))
      target.updatedAt = this.now().toISOString()
    })
    return defined(db.sessions.find((s) => s.id === sessionId), `session ${sessionId}`)
  }

  /** Removes the session record; its answers belong to AnswersService, which the caller asks. */
  async remove(id: string): Promise<void> {
    this.get(id)
    await this.store.update((db) => {
      db.sessions = db.sessions.filter((s) => s.id !== id)
    })
  }
}
