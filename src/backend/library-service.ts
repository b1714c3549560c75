import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportBanksResult, ImportPreview, SearchLibraryInput } from '@shared/contract'
import { assembleLibrary, bodySourceOf, completeQuestion, type AssembledLibrary, type LibraryEntry } from '@shared/banks/assemble-library'
import type { ScannedBank } from '@shared/banks/scan-bank'
import type { BankLibrary, LibrarySummary, Question, QuestionSummary } from '@shared/banks/types'
import { AppError } from '@shared/api/result'
import { buildSearchIndex, searchQuestions, type SearchIndex } from '@shared/search/search-questions'
import { bankIdForFile, inProcessBankOperations, type BankOperations } from './banks'
import { defined } from '@shared/defined'
import { analyzeBodies } from './library-body-analysis'
import { previewOf, reasonOf } from './library-import-preview'
import { readLibraryMeta, writeLibraryMeta, type LibraryMeta } from './library-meta'

export interface LibraryServiceOptions {
  /** The built-in banks shipped with the app (question-banks/). */
  builtInDir: string
  /** Where imported banks are copied (<dataDir>/banks). */
  importedDir: string
  /** Where parsing runs: a worker thread in the apps, this thread in the CLI and tests. */
  operations?: BankOperations
  /** Question ids that answers or sessions refer to: kept readable after their bank goes. */
  referencedQuestionIds?: () => ReadonlySet<string>
}

interface LibraryState {
  assembled: AssembledLibrary
  entries: Map<string, LibraryEntry>
  search: SearchIndex<QuestionSummary> | null
}

const detailCacheSize = 400

/**
 * The library, scanned on first use and kept until an import, a removal or a rename changes
 * it. Lists get summaries; a question is analysed in full (remark, in the bank worker) when it
 * is asked for, and kept in a small cache. Changes to the banks run one at a time.
 */
export class LibraryService {
  private loading: Promise<LibraryState> | null = null
  private readonly operations: BankOperations
  private meta: LibraryMeta
  private readonly details = new Map<string, Promise<Question>>()
  private changes: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: LibraryServiceOptions) {
    mkdirSync(options.importedDir, { recursive: true })
    this.operations = options.operations ?? inProcessBankOperations
    this.meta = readLibraryMeta(options.importedDir)
  }

  /** Banks, rubrics and question summaries. */
  async get(): Promise<LibrarySummary> {
    return this.summaryOf(await this.state())
  }

  async summaries(): Promise<QuestionSummary[]> {
    return (await this.state()).assembled.summary.questions
  }

  /** Whole questions in the order asked; unknown ids are left out. */
  async questions(ids: readonly string[]): Promise<Question[]> {
    const state = await this.state()
    const missing = ids.filter((id) => state.entries.has(id) && !this.details.has(id))
    if (missing.length > 0) this.analyze(state, missing)
    const found: Question[] = []
    for (const id of ids) {
      const pending = this.details.get(id)
      if (pending && state.entries.has(id)) found.push(await pending)
      else {
        const retired = this.meta.retired[id]
        if (retired) found.push(retired)
      }
    }
    return found
  }

  /**
   * Every question whole, for background work that reads them all (the scorer's CLI, card
   * sync): analysed in the bank worker like any other; the renderer gets summaries instead.
   */
  async full(): Promise<BankLibrary> {
    const state = await this.state()
    const summary = this.summaryOf(state)
    const questions = await this.analyzeQuestions(state, [...state.entries.keys()])
    return { ...summary, questions }
  }

  /** Forgets the scanned library and bank names (after a restore replaced the imported banks). */
  invalidate(): void {
    this.loading = null
    this.details.clear()
    this.meta = readLibraryMeta(this.options.importedDir)
  }

  /** Ids of the questions matching a search, best first (answers and follow-ups included). */
  async search(input: SearchLibraryInput): Promise<string[]> {
    const state = await this.state()
    state.search ??= buildSearchIndex(state.assembled.summary.questions, (summary) => {
      const { bank, question } = defined(state.entries.get(summary.id)?.copies[0], `question ${summary.id}`)
      return [question.prompt ?? '', bodySourceOf(defined(state.assembled.banks[bank], `bank ${bank}`), question), question.followUps.join(' ')].join(' ')
    })
    return searchQuestions(state.search, input.query, {
      kinds: input.kinds,
      bankIds: input.bankIds,
      section: input.section ?? null,
      hasAnswer: input.hasAnswer ?? null
    }).map((q) => q.id)
  }

  /** What importing each file would add; nothing is stored. */
  async preview(files: Array<{ name: string; bytes: Uint8Array; replaceBankId?: string }>): Promise<ImportPreview[]> {
    const state = await this.state()
    const previews: ImportPreview[] = []
    for (const file of files) {
      const target = this.replacedBank(state, file.name, file.replaceBankId)
      try {
        const scanned = await this.operations.scanFile({ fileName: file.name, bytes: file.bytes, bankId: target?.bank.id })
        // A replaced bank keeps the name the user gave it.
        const title = target ? this.titleOf(target.bank) : scanned.bank.title
        previews.push(previewOf(file.name, { ...scanned, bank: { ...scanned.bank, title } }, target && { ...target, bank: { ...target.bank, title } }))
      } catch (error) {
        previews.push({
          file: file.name,
          error: reasonOf(error),
          bankId: null,
          title: file.name,
          layouts: [],
          questionCount: 0,
          questions: [],
          warnings: [],
          replaces: null
        })
      }
    }
    return previews
  }

  importFiles(files: Array<{ name: string; bytes: Uint8Array; replaceBankId?: string }>): Promise<ImportBanksResult> {
    return this.change(async () => {
      const before = await this.state()
      const result: ImportBanksResult = { imported: [], errors: [] }
      for (const file of files) {
        try {
          const target = this.replacedBank(before, file.name, file.replaceBankId)
          if (file.replaceBankId && !target) throw new AppError('NOT_FOUND', `No imported bank with id ${file.replaceBankId}.`)
          const bank = await this.operations.importFile({
            importedDir: this.options.importedDir,
            fileName: file.name,
            bytes: file.bytes,
            bankId: target?.bank.id,
            storeAs: target?.bank.file
          })
          result.imported.push({ file: file.name, bankId: bank.id, questionCount: bank.questionCount })
        } catch (error) {
          result.errors.push({ file: file.name, reason: reasonOf(error) })
        }
      }
      if (result.imported.length > 0) await this.reload(before)
      return result
    })
  }

  removeBank(bankId: string): Promise<LibrarySummary> {
    return this.change(async () => {
      const before = await this.state()
      const bank = before.assembled.summary.banks.find((b) => b.id === bankId)
      if (!bank) throw new AppError('NOT_FOUND', `No bank with id ${bankId}.`)
      if (bank.source !== 'imported') throw new AppError('CONFLICT', `${this.titleOf(bank)} is built in and cannot be removed.`)
      try {
        rmSync(join(this.options.importedDir, bank.file))
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error
        // Already gone (removed by hand): the reload below drops it from the library all the same.
      }
      if (this.meta.titles[bankId] !== undefined) {
        delete this.meta.titles[bankId]
        writeLibraryMeta(this.options.importedDir, this.meta)
      }
      return this.summaryOf(await this.reload(before))
    })
  }

  renameBank(bankId: string, title: string): Promise<LibrarySummary> {
    return this.change(async () => {
      const state = await this.state()
      const bank = state.assembled.summary.banks.find((b) => b.id === bankId)
      if (!bank) throw new AppError('NOT_FOUND', `No bank with id ${bankId}.`)
      const clean = title.replace(/\s+/g, ' ').trim()
      if (!clean) throw new AppError('VALIDATION', 'A bank needs a name.')
      if (clean === bank.title) delete this.meta.titles[bankId]
      else this.meta.titles[bankId] = clean
      writeLibraryMeta(this.options.importedDir, this.meta)
      return this.summaryOf(state)
    })
  }

  close(): Promise<void> {
    return this.operations.close()
  }

  private state(): Promise<LibraryState> {
    if (this.loading) return this.loading
    const loading = this.operations.scanLibrary({ builtInDir: this.options.builtInDir, importedDir: this.options.importedDir }).then((scanned) => {
      const assembled = assembleLibrary(scanned.banks, { errors: scanned.errors })
      return { assembled, entries: new Map(assembled.entries.map((e) => [e.summary.id, e])), search: null }
    })
    loading.catch(() => {
      // A failed load is not cached: the next call tries again.
      if (this.loading === loading) this.loading = null
    })
    this.loading = loading
    return loading
  }

  /** Scans again after a change; questions that history refers to and that left are kept aside. */
  private async reload(before: LibraryState): Promise<LibraryState> {
    this.loading = null
    this.details.clear()
    const after = await this.state()
    const referenced = this.options.referencedQuestionIds?.() ?? new Set<string>()
    const orphans = [...referenced].filter((id) => before.entries.has(id) && !after.entries.has(id) && !this.meta.retired[id])
    if (orphans.length > 0) {
      for (const question of await this.analyzeQuestions(before, orphans)) this.meta.retired[question.id] = question
      writeLibraryMeta(this.options.importedDir, this.meta)
    }
    return after
  }

  private change<T>(task: () => Promise<T>): Promise<T> {
    const run = this.changes.then(task, task)
    this.changes = run.catch(() => undefined) // the queue only orders changes; the caller gets the failure from `run`
    return run
  }

  private summaryOf(state: LibraryState): LibrarySummary {
    const summary = state.assembled.summary
    return { ...summary, banks: summary.banks.map((b) => ({ ...b, title: this.titleOf(b) })) }
  }

  private titleOf(bank: { id: string; title: string }): string {
    return this.meta.titles[bank.id] ?? bank.title
  }

  /** An imported bank this file would replace: the one named, or the one stored under its name. */
  private replacedBank(state: LibraryState, fileName: string, replaceBankId: string | undefined): ScannedBank | null {
    const banks = state.assembled.banks
    if (replaceBankId) return banks.find((b) => b.bank.id === replaceBankId && b.bank.source === 'imported') ?? null
    const id = bankIdForFile(fileName, 'imported')
    return banks.find((b) => b.bank.source === 'imported' && b.bank.id === id && b.bank.file === fileName) ?? null
  }

  private analyze(state: LibraryState, ids: readonly string[]): void {
    const all = this.analyzeQuestions(state, ids)
    ids.forEach((id, i) => {
      const one = all.then((questions) => defined(questions[i], `question ${id}`))
      // Failures are handled where the question is awaited; the cache must not keep them.
      one.catch(() => this.details.delete(id))
      this.details.set(id, one)
    })
    // Oldest first: a Map iterates in insertion order, and deleting while iterating is safe.
    for (const key of this.details.keys()) {
      if (this.details.size <= detailCacheSize) break
      this.details.delete(key)
    }
  }

  private async analyzeQuestions(state: LibraryState, ids: readonly string[]): Promise<Question[]> {
    const entries = ids.map((id) => defined(state.entries.get(id), `question ${id}`))
    const bodies = entries.flatMap((entry) => entry.copies.map((c) => bodySourceOf(defined(state.assembled.banks[c.bank], `bank ${c.bank}`), c.question)))
    const analyses = await analyzeBodies(this.operations, bodies)
    let at = 0
    return entries.map((entry) => {
      const own = analyses.slice(at, at + entry.copies.length)
      at += entry.copies.length
      return completeQuestion(entry, own)
    })
  }
}
