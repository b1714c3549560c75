import { readFileSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseAudioPath } from '@shared/answers'
import type { AppInfo } from '@shared/contract'
import type { Handlers } from '@shared/api/handlers'
import type { Question } from '@shared/banks/types'
import { EventHub } from './events'
import { AnswersService } from './answers'
import { InterviewerService } from './interviewer/interviewer-service'
import { DictationService } from './dictation/dictation-service'
import { LibraryService } from './library-service'
import { workerBankOperations } from './banks'
import { NoticesService } from './notices'
import { RecordingService, type RecordingServiceOptions } from './recording'
import { recoveryNotices } from './recording/recovery-notices'
import { SessionsService } from './sessions-service'
import { resolveSqlWorker, SqlService } from './sql/sql-service'
import { SettingsService } from './settings'
import { openStore } from './storage/store'
import { ModelManager } from './models'
import { ModelsService } from './models-service'
import { Transcriber, TranscriptionService } from './transcription'
import { PracticeService } from './practice-service'
import { BackupService, rollDbBackup } from './backup'
import { codeOf } from '@shared/errors'

export interface BackendOptions {
  /** Where the data file, audio and models live (Electron's userData or APP_DATA_DIR). */
  dataDir: string
  /** The folder holding package.json, question-banks/ and resources/. */
  appRoot: string
  host: AppInfo['host']
  now?: () => Date
  /** Parse the question banks in the background right away (interactive hosts). */
  warmUp?: boolean
  /** The built bank-parser worker (out/main/bank-worker.js); without it, banks parse in process. */
  bankWorkerUrl?: URL
  /** The SQL engine's worker; defaults to out/main/sql-worker.js, or its source under tsx. */
  sqlWorkerUrl?: URL
  /** Injected by tests (a fake whisper); defaults to the real whisper.cpp. */
  transcriber?: Transcriber
  /** Where model downloads come from (tests serve them from 127.0.0.1). */
  modelBaseUrl?: string
  /** Window-cutting overrides for streaming transcription (tests use short windows). */
  windowCut?: RecordingServiceOptions['windowCut']
  /** How long a recording may hear nothing before it is closed as interrupted (default 10 s; tests use less). */
  recorderIdleMs?: number
}

export interface Backend {
  /** Implements every method of the contract: the compiler rejects a missing one. */
  api: Handlers
  events: EventHub
  dataDir: string
  /** The file behind a media URL (`audio/<answerId>.<takeId>.wav`), or null for anything else. */
  mediaFile(relativePath: string): string | null
  close(): Promise<void>
}

/** Scratch space for recordings, imports and whisper, inside the data folder and cleaned at every start. */
export const SCRATCH_DIR = 'tmp'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return codeOf(error) === 'EPERM'
  }
}

function bankFileOf(file: { name: string; base64: string; replaceBankId?: string }) {
  return { name: file.name, bytes: Buffer.from(file.base64, 'base64'), replaceBankId: file.replaceBankId }
}

/**
 * `<data>/tmp/run-<pid>`, fresh. Whatever else is in `<data>/tmp` is removed, except the scratch
 * of another mockroom process still running on the same data folder (the CLI beside the app).
 */
async function freshScratchDir(dataDir: string): Promise<string> {
  const root = join(dataDir, SCRATCH_DIR)
  await mkdir(root, { recursive: true })
  for (const name of await readdir(root)) {
    const pid = /^run-(\d+)$/.exec(name)?.[1]
    if (pid && Number(pid) !== process.pid && isRunning(Number(pid))) continue
    await rm(join(root, name), { recursive: true, force: true })
  }
  const dir = join(root, `run-${process.pid}`)
  await mkdir(dir, { recursive: true })
  return dir
}

/** The composition root: builds every service, wires them, and maps the contract onto them. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const events = new EventHub()
  // A copy of db.json as it was before this start (and any migration) rewrites it.
  await rollDbBackup(options.dataDir, now())
  const { store, recovery } = await openStore({ dataDir: options.dataDir, now })
  const scratchDir = await freshScratchDir(options.dataDir)
  const version = (JSON.parse(readFileSync(join(options.appRoot, 'package.json'), 'utf8')) as { version: string })
    .version

  const notices = new NoticesService(store, events, now)
  if (recovery) {
    await notices.add({
      kind: 'data-file-recovered',
      severity: 'warning',
      message:
        `Your data file could not be read (${recovery.reason}). It was moved aside, unchanged, ` +
        `and mockroom started with a fresh one. The old file is at: ${recovery.movedTo}`,
      path: recovery.movedTo
    })
  }
  const settings = new SettingsService(store)

  const library = new LibraryService({
    builtInDir: join(options.appRoot, 'question-banks'),
    importedDir: join(options.dataDir, 'banks'),
    operations: options.bankWorkerUrl ? workerBankOperations(options.bankWorkerUrl) : undefined,
    referencedQuestionIds: () => {
      const db = store.read()
      return new Set([...db.answers.map((a) => a.questionId), ...db.sessions.flatMap((s) => s.items.map((i) => i.questionId))])
    }
  })

  if (options.warmUp) {
    // Failures surface on the first real call, which retries the load.
    setImmediate(() => void library.get().catch(() => undefined))
  }
  /** The one place services look a whole question up, so the library's shape can change behind it. */
  const questionById = async (id: string): Promise<Question | undefined> => (await library.questions([id]))[0]
  const sessions = new SessionsService(store, () => library.summaries(), now)
  const answers = new AnswersService(store, options.dataDir, events, now)
  const interviewer = new InterviewerService(
    answers,
    {
      question: questionById,
      following: async (id, count) => {
        const all = await library.summaries()
        const at = all.findIndex((q) => q.id === id)
        return at === -1 ? [] : library.questions(all.slice(at + 1, at + 1 + count).map((q) => q.id))
      },
      rubrics: async () => (await library.get()).rubrics
    },
    now
  )
  // Started on the first SQL call (a SQL question opened), never at launch.
  const sql = new SqlService(options.sqlWorkerUrl ?? resolveSqlWorker(options.appRoot), join(options.dataDir, 'cache'), join(options.appRoot, 'vendor', 'sql-engine'))

  const models = new ModelsService(new ModelManager({ dataDir: options.dataDir, baseUrl: options.modelBaseUrl }), store, events)
  const transcription = new TranscriptionService({
    events,
    models: models.manager,
    chosenModelPath: () => settings.get().modelPath,
    transcriber: options.transcriber ?? new Transcriber({ tmpDir: scratchDir })
  })
  const dictation = new DictationService({ transcription, scratchDir })
  const recording = new RecordingService({
    dataDir: options.dataDir,
    scratchDir,
    answers,
    transcription,
    windowCut: options.windowCut,
    keyTermsOf: async (questionId) => (await questionById(questionId))?.keyTerms ?? [],
    idleMs: options.recorderIdleMs,
    now
  })
  // Before anything records: finish what a crash left mid-recording and set damaged audio aside.
  const startup = await recording.recoverAtStart()
  // Then tell the user, naming the questions; that waits for the banks, so start-up does not.
  const told =
    startup.recovered.length > 0 || startup.quarantined.length > 0
      ? (async () => {
          const titles = new Map<string, string>()
          for (const { questionId } of startup.recovered) {
            const title = await library.summaries().then((all) => all.find((question) => question.id === questionId)?.title, () => undefined)
            titles.set(questionId, title ?? questionId)
          }
          for (const notice of recoveryNotices(startup, options.dataDir, (questionId) => titles.get(questionId) ?? questionId)) {
            await notices.add(notice)
          }
        })().catch((error: unknown) => console.error(`mockroom: could not record the recovery notice: ${String(error)}`))
      : Promise.resolve()

  const practice = new PracticeService(store, library, now)
  // Cards follow answers: a burst of autosaves while typing becomes one sync a moment later.
  let syncTimer: NodeJS.Timeout | null = null
  const scheduleSync = () => {
    if (syncTimer) clearTimeout(syncTimer)
    syncTimer = setTimeout(() => {
      syncTimer = null
      void practice.sync().catch(() => undefined) // retried by the next change or read
    }, 1500)
    syncTimer.unref()
  }
  // Interactive hosts keep cards current in the background (their banks parse in a worker);
  // elsewhere (CLI, tests) cards sync when read, so no bank parse blocks a recording's loop.
  const unsubscribePractice = options.warmUp ? events.subscribe((name) => name === 'answer' && scheduleSync()) : () => undefined
  if (options.warmUp) scheduleSync()
  const backup = new BackupService({
    dataDir: options.dataDir,
    store,
    appVersion: version,
    now,
    busyReason: () =>
      store.read().answers.some((a) => a.takes.some((t) => t.state === 'recording' || t.state === 'transcribing'))
        ? 'an answer is being recorded or transcribed. Stop it (or let it finish), then restore.'
        : null,
    afterRestore: async () => {
      library.invalidate()
      await practice.sync().catch(() => undefined) // retried by the next change or read
    }
  })
  await backup.clearStaging()

  const api: Handlers = {
    async getAppInfo() {
      return { name: 'mockroom', version, host: options.host, dataDir: options.dataDir, dataFile: store.file }
    },
    getSettings: async () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    listNotices: async () => notices.list(),
    dismissNotice: ({ id }) => notices.dismiss(id),
    getLibrary: () => library.get(),
    getQuestions: async ({ ids }) => ({ questions: await library.questions(ids) }),
    searchLibrary: async (input) => ({ ids: await library.search(input) }),
    previewBanks: async ({ files }) => ({ previews: await library.preview(files.map(bankFileOf)) }),
    importBanks: ({ files }) => library.importFiles(files.map(bankFileOf)),
    removeBank: ({ bankId }) => library.removeBank(bankId),
    renameBank: ({ bankId, title }) => library.renameBank(bankId, title),

    createSession: (input) => sessions.create(input),
    listSessions: async () => sessions.list(),
    getSession: async ({ id }) => sessions.get(id),
    updateSession: (input) => sessions.update(input),
    async saveSessionItem(input) {
      const session = await sessions.saveItem(input)
      // The runner reads the drill from the session item; scoring and the review read it from the answer.
      const answerId = input.sqlDrill ? session.answers.find((a) => a.questionId === input.questionId)?.answerId : undefined
      if (input.sqlDrill && answerId) await answers.saveSqlDrill(answerId, { sessionId: session.id, questionId: input.questionId }, input.sqlDrill)
      return session
    },
    async deleteSession({ id }) {
      sessions.get(id)
      for (const answer of answers.list({ sessionId: id })) await recording.abandon(answer.id)
      const deletedAnswers = await answers.removeForSession(id)
      await sessions.remove(id)
      scheduleSync()
      return { deletedAnswers }
    },

    listAnswers: async (filter) => answers.list(filter),
    getAnswer: async ({ id }) => answers.get(id),
    saveTypedAnswer: (input) => answers.saveTyped(input),
    askClarifyingQuestion: (input) => interviewer.clarify(input),
    askFollowUps: ({ answerId }) => interviewer.followUps(answerId),
    answerFollowUp: ({ answerId, followUpId, reply }) => interviewer.reply(answerId, followUpId, reply),
    transcribeClip: (input) => dictation.transcribeClip(input),
    updateAnswerText: ({ id, takeId, text }) => answers.updateText(id, text, takeId),
    restoreTake: ({ answerId, takeId }) => answers.restoreTake(answerId, takeId),
    deleteTake: ({ answerId, takeId }) => recording.deleteTake(answerId, takeId),
    async deleteAnswer({ id }) {
      await recording.abandon(id)
      await answers.remove(id)
      scheduleSync()
      return { deleted: true as const }
    },

    startRecording: (input) => recording.start(input),
    appendAudio: (input) => recording.append(input),
    stopRecording: ({ answerId, takeId, keyTerms, chunks }) => recording.stop(answerId, takeId, keyTerms, chunks),
    importAnswerAudio: (input) => recording.importAudio(input),
    transcribeAnswer: ({ answerId, takeId, keyTerms }) => recording.transcribe(answerId, takeId, keyTerms),
    cancelTranscription: ({ answerId, takeId }) => recording.cancel(answerId, takeId),
    checkTranscriber: ({ force }) => transcription.selfTest(join(options.appRoot, 'resources', 'self-test.wav'), force),

    listModels: () => models.list(),
    downloadModel: ({ id, allowUnverified }) => models.startDownload(id, allowUnverified),
    cancelModelDownload: ({ id }) => models.cancelDownload(id),
    importModel: ({ path }) => models.importModel(path),
    removeModel: ({ file }) => models.removeModel(file),

    getPractice: () => practice.overview(),
    setFavorite: ({ questionId, favorite }) => practice.setFavorite(questionId, favorite),
    exportBackup: () => backup.exportBackup(),
    getBackupStatus: () => backup.status(),
    uploadBackupChunk: ({ uploadId, seq, base64 }) => backup.uploadChunk(uploadId, seq, base64),
    previewRestore: ({ uploadId }) => backup.preview(uploadId),
    restoreBackup: ({ uploadId }) => backup.restore(uploadId),
    discardRestore: ({ uploadId }) => backup.discard(uploadId),
    sqlPrepare: (input) => sql.prepare(input),
    sqlRun: (input) => sql.run(input)
  }

  return {
    api,
    events,
    dataDir: options.dataDir,
    mediaFile(relativePath) {
      if (relativePath.startsWith('backups/')) return backup.exportFile(relativePath.slice('backups/'.length))
      const audio = parseAudioPath(relativePath)
      return audio ? join(options.dataDir, 'audio', `${audio.stem}.wav`) : null
    },
    async close() {
      if (syncTimer) clearTimeout(syncTimer)
      unsubscribePractice()
      await told
      await recording.close()
      transcription.close()
      models.close()
      await library.close()
      await sql.close()
    }
  }
}
