import { answerView, type AnswerRecord } from '@shared/answers'
import { AppError } from '@shared/api/result'
import type { LibrarySummary, Question } from '@shared/banks/types'
import { defaultLexicon } from '@shared/scoring/default-lexicon'
import { attemptOf, practiceOverview, scoreAttempt, syncCards, type PracticeOverview } from '@shared/practice'
import type { Store } from './storage/store'

/**
 * Spaced repetition and favorites: the only writer of `db.practice`. Cards follow the answers:
 * `sync()` reviews every new or changed scored answer (rating from its score) and forgets
 * deleted ones. It runs after every answer change and before every read, one at a time.
 */
/** What practice reads of the library: summaries to know ids, whole questions to score answers. */
export interface PracticeLibrary {
  get(): Promise<LibrarySummary>
  questions(ids: readonly string[]): Promise<Question[]>
}

export class PracticeService {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly store: Store,
    private readonly library: PracticeLibrary,
    private readonly now: () => Date
  ) {}

  /** Reviews what changed since the last sync. Serialised, so two syncs never race. */
  sync(): Promise<void> {
    const run = async () => {
      const answers: readonly AnswerRecord[] = this.store.read().answers.map(answerView)
      // A library that fails to load leaves unscored answers for the next sync.
      const library = await this.scoringLibrary(answers).catch(() => null)
      const result = syncCards(this.store.read().practice, answers.map(attemptOf), (attempt) =>
        library ? (scoreAttempt(attempt, library, defaultLexicon)?.report.overall ?? null) : null
      )
      if (result.changed.length === 0) return
      await this.store.update((db) => {
        db.practice.cards = result.state.cards
      })
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined) // the queue only orders writes; the caller gets the failure from `next`
    return next
  }

  async overview(): Promise<PracticeOverview> {
    await this.sync()
    const library = await this.library.get().catch(() => null) // no library: every card counts as current (the library page reports the load error)
    const known = library ? new Set(library.questions.map((q) => q.id)) : null
    return practiceOverview(this.store.read().practice, this.now(), known ? (id) => known.has(id) : undefined)
  }

  async setFavorite(questionId: string, favorite: boolean): Promise<PracticeOverview> {
    if (favorite) {
      const library = await this.library.get()
      if (!library.questions.some((q) => q.id === questionId)) throw new AppError('NOT_FOUND', `No question with id ${questionId}.`)
    }
    const at = this.now().toISOString()
    await this.store.update((db) => {
      const has = db.practice.favorites.some((f) => f.questionId === questionId)
      if (favorite && !has) db.practice.favorites.push({ questionId, addedAt: at })
      if (!favorite && has) db.practice.favorites = db.practice.favorites.filter((f) => f.questionId !== questionId)
    })
    return this.overview()
  }

  /** The answered questions whole (scoring reads their answers and key terms) and the rubrics. */
  private async scoringLibrary(answers: readonly AnswerRecord[]): Promise<{ questions: Question[]; rubrics: LibrarySummary['rubrics'] }> {
    const ids = [...new Set(answers.map((answer) => answer.questionId))]
    const [summary, questions] = await Promise.all([this.library.get(), this.library.questions(ids)])
    return { questions, rubrics: summary.rubrics }
  }
}
