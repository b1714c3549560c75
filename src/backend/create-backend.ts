import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo } from '../shared/contract'
import type { Handlers } from '../shared/api/handlers'
import { AppError } from '../shared/api/result'
import type { Notice } from '../shared/notices'
import { EventHub } from './events'
import { AnswersService } from './answers-service'
import { LibraryService } from './library-service'
import { workerBankOperations } from './banks'
import { SessionsService } from './sessions-service'
import { openStore } from './storage/store'
import { ModelManager } from './models'
import { ModelsService } from './models-service'
import { RecordingService, type RecordingServiceOptions } from './recording-service'
import { TranscriptionService } from './transcription-service'
import type { Transcriber } from './transcription'

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
  /** Injected by tests (a fake whisper); defaults to the real whisper.cpp. */
  transcriber?: Transcriber
  /** Where model downloads come from (tests serve them from 127.0.0.1). */
  modelBaseUrl?: string
  /** Window-cutting overrides for streaming transcription (tests use short windows). */
  windowCut?: RecordingServiceOptions['windowCut']
}

export interface Backend {
  /** Implements every method of the contract: the compiler rejects a missing one. */
  api: Handlers
  events: EventHub
  dataDir: string
  /** The file behind a media URL (`audio/<answerId>.wav`), or null for anything else. */
  mediaFile(relativePath: string): string | null
  close(): Promise<void>
}

let noticeCounter = 0

function bankFileOf(file: { name: string; base64: string; replaceBankId?: string }) {
  return { name: file.name, bytes: Buffer.from(file.base64, 'base64'), replaceBankId: file.replaceBankId }
}

function noticeId(now: Date): string {
  noticeCounter += 1
  return `${now.getTime().toString(36)}-${noticeCounter}`
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const events = new EventHub()
  const { store, recovery } = await openStore({ dataDir: options.dataDir, now })
  const version = (JSON.parse(readFileSync(join(options.appRoot, 'package.json'), 'utf8')) as { version: string })
    .version

  if (recovery) {
    const at = now()
    const notice: Notice = {
      id: noticeId(at),
      kind: 'data-file-recovered',
      severity: 'warning',
      message:
        `Your data file could not be read (${recovery.reason}). It was moved aside, unchanged, ` +
        `and mockroom started with a fresh one. The old file is at: ${recovery.movedTo}`,
      path: recovery.movedTo,
      createdAt: at.toISOString()
    }
    await store.update((db) => {
      db.notices.push(notice)
    })
  }

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
  const sessions = new SessionsService(store, options.dataDir, () => library.summaries(), now)
  const answers = new AnswersService(store, options.dataDir, events, now)

  const models = new ModelsService(new ModelManager({ dataDir: options.dataDir, baseUrl: options.modelBaseUrl }), store, events)
  const transcription = new TranscriptionService({ store, answers, events, models: models.manager, transcriber: options.transcriber })
  const keyTermsOf = async (questionId: string) => (await library.questions([questionId]))[0]?.keyTerms ?? []
  const recording = new RecordingService({
    dataDir: options.dataDir,
    answers,
    transcription,
    windowCut: options.windowCut,
    keyTermsOf
  })
  // Before anything records: mend what a crash left mid-recording and tell the user.
  const recovered = await recording.recoverUnfinished()
  if (recovered.length > 0) {
    const at = now()
    const questions = await library.summaries().catch(() => [])
    const names = recovered.map(({ answer, durationMs }) => {
      const title = questions.find((question) => question.id === answer.questionId)?.title ?? answer.questionId
      const seconds = Math.round(durationMs / 1000)
      return `“${title}” (${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')})`
    })
    const notice: Notice = {
      id: noticeId(at),
      kind: 'audio-recovered',
      severity: 'warning',
      message:
        `mockroom stopped while recording. The audio of ${recovered.length === 1 ? 'this answer was' : `these ${recovered.length} answers was`} ` +
        `recovered up to the last second received: ${names.join(', ')}. Open the answer to play it or transcribe it.`,
      path: null,
      createdAt: at.toISOString()
    }
    await store.update((db) => {
      db.notices.push(notice)
    })
    events.emit('notice', notice)
  }

  const api: Handlers = {
    async getAppInfo() {
      return { name: 'mockroom', version, host: options.host, dataDir: options.dataDir, dataFile: store.file }
    },
    async getSettings() {
      return store.read().settings
    },
    async updateSettings(patch) {
      const db = await store.update((draft) => {
        draft.settings = { ...draft.settings, ...patch }
      })
      return db.settings
    },
    async listNotices() {
      return store.read().notices
    },
    async dismissNotice({ id }) {
      if (!store.read().notices.some((notice) => notice.id === id)) {
        throw new AppError('NOT_FOUND', `No notice with id ${id}.`)
      }
      const db = await store.update((draft) => {
        draft.notices = draft.notices.filter((notice) => notice.id !== id)
      })
      return db.notices
    },
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
    saveSessionItem: (input) => sessions.saveItem(input),
    deleteSession: ({ id }) => sessions.remove(id),

    listAnswers: async (filter) => answers.list(filter),
    getAnswer: async ({ id }) => answers.get(id),
    saveTypedAnswer: (input) => answers.saveTyped(input),
    updateAnswerText: ({ id, text }) => answers.updateText(id, text),
    async deleteAnswer({ id }) {
      await recording.abandon(id)
      await answers.remove(id)
      return { deleted: true as const }
    },

    startRecording: (input) => recording.start(input),
    appendAudio: (input) => recording.append(input),
    stopRecording: ({ answerId, keyTerms }) => recording.stop(answerId, keyTerms),
    importAnswerAudio: (input) => recording.importAudio(input),
    transcribeAnswer: ({ answerId, keyTerms }) => recording.transcribe(answerId, keyTerms),
    cancelTranscription: ({ answerId }) => transcription.cancel(answerId),

    listModels: () => models.list(),
    downloadModel: ({ id, allowUnverified }) => models.startDownload(id, allowUnverified),
    cancelModelDownload: ({ id }) => models.cancelDownload(id),
    importModel: ({ path }) => models.importModel(path),
    removeModel: ({ file }) => models.removeModel(file)
  }

  return {
    api,
    events,
    dataDir: options.dataDir,
    mediaFile(relativePath) {
      const match = /^audio\/([A-Za-z0-9_-]{1,100})\.wav$/.exec(relativePath)
      return match ? join(options.dataDir, 'audio', `${match[1]}.wav`) : null
    },
    async close() {
      await recording.close()
      transcription.close()
      models.close()
      await library.close()
    }
  }
}
