import { readFileSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseAudioPath } from '@shared/answers'
import type { AppInfo } from '@shared/contract'
import type { Handlers } from '@shared/api/handlers'
import { contractHandlers } from './contract-handlers'
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
import type { StartupRecovery } from './recording/crash-recovery'
import { SessionsService } from './sessions-service'
import { resolveSqlWorker, SqlService } from './sql/sql-service'
import { SettingsService } from './settings'
import { openStore, type Store } from './storage/store'
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

/** The data folder opened: db.json (moved aside, with a notice, when unreadable) and a fresh scratch folder. */
async function openData(options: BackendOptions, now: () => Date, events: EventHub) {
  // A copy of db.json as it was before this start (and any migration) rewrites it.
  await rollDbBackup(options.dataDir, now())
  const { store, recovery } = await openStore({ dataDir: options.dataDir, now })
  const scratchDir = await freshScratchDir(options.dataDir)
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
  return { store, scratchDir, notices }
}

function createLibrary(options: BackendOptions, store: Store): LibraryService {
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
  return library
}

/** The one place services look a whole question up, so the library's shape can change behind it. */
const questionLookup =
  (library: LibraryService) =>
  async (id: string): Promise<Question | undefined> =>
    (await library.questions([id]))[0]

function createInterviewer(answers: AnswersService, library: LibraryService, now: () => Date): InterviewerService {
  return new InterviewerService(
    answers,
    {
      question: questionLookup(library),
      following: async (id, count) => {
        const all = await library.summaries()
        const at = all.findIndex((q) => q.id === id)
        return at === -1 ? [] : library.questions(all.slice(at + 1, at + 1 + count).map((q) => q.id))
      },
      rubrics: async () => (await library.get()).rubrics
    },
    now
  )
}

/** Models, transcription, recording and dictation, then the recovery of what a crash left mid-recording. */
async function createRecording(
  options: BackendOptions,
  shared: { store: Store; events: EventHub; settings: SettingsService; answers: AnswersService; library: LibraryService; scratchDir: string; now: () => Date }
) {
  const { store, events, settings, answers, library, scratchDir, now } = shared
  const models = new ModelsService(new ModelManager({ dataDir: options.dataDir, baseUrl: options.modelBaseUrl }), store, events)
  const transcription = new TranscriptionService({
    events,
    models: models.manager,
    chosenModelPath: () => settings.get().modelPath,
    transcriber: options.transcriber ?? new Transcriber({ tmpDir: scratchDir })
  })
  const questionById = questionLookup(library)
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
  const dictation = new DictationService({ transcription, scratchDir })
  return { models, transcription, recording, dictation, startup }
}

/** Tells the user what start-up recovered, naming the questions; that waits for the banks, so start-up does not. */
function noticeRecovery(startup: StartupRecovery, dataDir: string, library: LibraryService, notices: NoticesService): Promise<void> {
  if (startup.recovered.length === 0 && startup.quarantined.length === 0) return Promise.resolve()
  return (async () => {
    const titles = new Map<string, string>()
    for (const { questionId } of startup.recovered) {
      const title = await library.summaries().then((all) => all.find((question) => question.id === questionId)?.title, () => undefined)
      titles.set(questionId, title ?? questionId)
    }
    for (const notice of recoveryNotices(startup, dataDir, (questionId) => titles.get(questionId) ?? questionId)) {
      await notices.add(notice)
    }
  })().catch((error: unknown) => console.error(`mockroom: could not record the recovery notice: ${String(error)}`))
}

/**
 * Cards follow answers: a burst of autosaves while typing becomes one sync a moment later.
 * Interactive hosts keep cards current in the background (their banks parse in a worker);
 * elsewhere (CLI, tests) cards sync when read, so no bank parse blocks a recording's loop.
 */
function practiceSyncing(practice: PracticeService, events: EventHub, warmUp: boolean | undefined) {
  let syncTimer: NodeJS.Timeout | null = null
  const scheduleSync = () => {
    if (syncTimer) clearTimeout(syncTimer)
    syncTimer = setTimeout(() => {
      syncTimer = null
      void practice.sync().catch(() => undefined) // retried by the next change or read
    }, 1500)
    syncTimer.unref()
  }
  const unsubscribe = warmUp ? events.subscribe((name) => name === 'answer' && scheduleSync()) : () => undefined
  if (warmUp) scheduleSync()
  const stop = () => {
    if (syncTimer) clearTimeout(syncTimer)
    unsubscribe()
  }
  return { scheduleSync, stop }
}

async function createBackup(options: BackendOptions, store: Store, version: string, library: LibraryService, practice: PracticeService, now: () => Date) {
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
  return backup
}

/** The composition root: builds every service, wires them, and maps the contract onto them. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const events = new EventHub()
  const { store, scratchDir, notices } = await openData(options, now, events)
  const version = (JSON.parse(readFileSync(join(options.appRoot, 'package.json'), 'utf8')) as { version: string }).version
  const settings = new SettingsService(store)
  const library = createLibrary(options, store)
  const sessions = new SessionsService(store, () => library.summaries(), now)
  const answers = new AnswersService(store, options.dataDir, events, now)
  const interviewer = createInterviewer(answers, library, now)
  // Started on the first SQL call (a SQL question opened), never at launch.
  const sql = new SqlService(options.sqlWorkerUrl ?? resolveSqlWorker(options.appRoot), join(options.dataDir, 'cache'), join(options.appRoot, 'vendor', 'sql-engine'))
  const { models, transcription, recording, dictation, startup } = await createRecording(options, { store, events, settings, answers, library, scratchDir, now })
  const told = noticeRecovery(startup, options.dataDir, library, notices)
  const practice = new PracticeService(store, library, now)
  const syncing = practiceSyncing(practice, events, options.warmUp)
  const backup = await createBackup(options, store, version, library, practice, now)

  const api = contractHandlers({
    appInfo: { name: 'mockroom', version, host: options.host, dataDir: options.dataDir },
    appRoot: options.appRoot,
    store,
    settings,
    notices,
    library,
    sessions,
    answers,
    interviewer,
    dictation,
    sql,
    models,
    transcription,
    recording,
    practice,
    backup,
    scheduleSync: syncing.scheduleSync
  })

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
      syncing.stop()
      await told
      await recording.close()
      transcription.close()
      models.close()
      await library.close()
      await sql.close()
    }
  }
}
