import { join } from 'node:path'
import type { Handlers } from '@shared/api/handlers'
import type { AppInfo } from '@shared/contract'
import type { AnswersService } from './answers'
import type { BackupService } from './backup'
import type { DictationService } from './dictation/dictation-service'
import type { InterviewerService } from './interviewer/interviewer-service'
import type { LibraryService } from './library-service'
import type { ModelsService } from './models-service'
import type { NoticesService } from './notices'
import type { PracticeService } from './practice-service'
import type { RecordingService } from './recording'
import type { SessionsService } from './sessions-service'
import type { SettingsService } from './settings'
import type { SqlService } from './sql/sql-service'
import type { Store } from './storage/store'
import type { TranscriptionService } from './transcription'

/** Every service the contract's methods reach, built and wired by `createBackend`. */
export interface Services {
  appInfo: Omit<AppInfo, 'dataFile'>
  appRoot: string
  store: Store
  settings: SettingsService
  notices: NoticesService
  library: LibraryService
  sessions: SessionsService
  answers: AnswersService
  interviewer: InterviewerService
  dictation: DictationService
  sql: SqlService
  models: ModelsService
  transcription: TranscriptionService
  recording: RecordingService
  practice: PracticeService
  backup: BackupService
  /** Brings the practice cards up to date a moment after answers change. */
  scheduleSync: () => void
}

function bankFileOf(file: { name: string; base64: string; replaceBankId?: string }) {
  return { name: file.name, bytes: Buffer.from(file.base64, 'base64'), replaceBankId: file.replaceBankId }
}

type HandlersOf<M extends keyof Handlers> = Pick<Handlers, M>

function appHandlers(s: Services): HandlersOf<'getAppInfo' | 'getSettings' | 'updateSettings' | 'listNotices' | 'dismissNotice'> {
  return {
    async getAppInfo() {
      return { ...s.appInfo, dataFile: s.store.file }
    },
    getSettings: async () => s.settings.get(),
    updateSettings: (patch) => s.settings.update(patch),
    listNotices: async () => s.notices.list(),
    dismissNotice: ({ id }) => s.notices.dismiss(id)
  }
}

function libraryHandlers({ library }: Services): HandlersOf<
  'getLibrary' | 'getQuestions' | 'searchLibrary' | 'previewBanks' | 'importBanks' | 'removeBank' | 'renameBank'
> {
  return {
    getLibrary: () => library.get(),
    getQuestions: async ({ ids }) => ({ questions: await library.questions(ids) }),
    searchLibrary: async (input) => ({ ids: await library.search(input) }),
    previewBanks: async ({ files }) => ({ previews: await library.preview(files.map(bankFileOf)) }),
    importBanks: ({ files }) => library.importFiles(files.map(bankFileOf)),
    removeBank: ({ bankId }) => library.removeBank(bankId),
    renameBank: ({ bankId, title }) => library.renameBank(bankId, title)
  }
}

function sessionHandlers({ sessions, answers, recording, scheduleSync }: Services): HandlersOf<
  'createSession' | 'listSessions' | 'getSession' | 'updateSession' | 'saveSessionItem' | 'deleteSession'
> {
  return {
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
    }
  }
}

function answerHandlers({ answers, interviewer, dictation, recording, scheduleSync }: Services): HandlersOf<
  | 'listAnswers'
  | 'getAnswer'
  | 'saveTypedAnswer'
  | 'askClarifyingQuestion'
  | 'askFollowUps'
  | 'answerFollowUp'
  | 'transcribeClip'
  | 'cancelClip'
  | 'updateAnswerText'
  | 'restoreTake'
  | 'deleteTake'
  | 'deleteAnswer'
> {
  return {
    listAnswers: async (filter) => answers.list(filter),
    getAnswer: async ({ id }) => answers.get(id),
    saveTypedAnswer: (input) => answers.saveTyped(input),
    askClarifyingQuestion: (input) => interviewer.clarify(input),
    askFollowUps: ({ answerId }) => interviewer.followUps(answerId),
    answerFollowUp: ({ answerId, followUpId, reply }) => interviewer.reply(answerId, followUpId, reply),
    transcribeClip: (input) => dictation.transcribeClip(input),
    cancelClip: async ({ clipId }) => ({ cancelled: dictation.cancelClip(clipId) }),
    updateAnswerText: ({ id, takeId, text }) => answers.updateText(id, text, takeId),
    restoreTake: ({ answerId, takeId }) => answers.restoreTake(answerId, takeId),
    deleteTake: ({ answerId, takeId }) => recording.deleteTake(answerId, takeId),
    async deleteAnswer({ id }) {
      await recording.abandon(id)
      await answers.remove(id)
      scheduleSync()
      return { deleted: true as const }
    }
  }
}

function recordingHandlers({ recording, transcription, appRoot }: Services): HandlersOf<
  'startRecording' | 'appendAudio' | 'stopRecording' | 'importAnswerAudio' | 'transcribeAnswer' | 'cancelTranscription' | 'checkTranscriber'
> {
  return {
    startRecording: (input) => recording.start(input),
    appendAudio: (input) => recording.append(input),
    stopRecording: ({ answerId, takeId, keyTerms, chunks }) => recording.stop(answerId, takeId, keyTerms, chunks),
    importAnswerAudio: (input) => recording.importAudio(input),
    transcribeAnswer: ({ answerId, takeId, keyTerms }) => recording.transcribe(answerId, takeId, keyTerms),
    cancelTranscription: ({ answerId, takeId }) => recording.cancel(answerId, takeId),
    checkTranscriber: ({ force }) => transcription.selfTest(join(appRoot, 'resources', 'self-test.wav'), force)
  }
}

function modelHandlers({ models }: Services): HandlersOf<'listModels' | 'downloadModel' | 'cancelModelDownload' | 'importModel' | 'removeModel'> {
  return {
    listModels: () => models.list(),
    downloadModel: ({ id, allowUnverified }) => models.startDownload(id, allowUnverified),
    cancelModelDownload: ({ id }) => models.cancelDownload(id),
    importModel: ({ path }) => models.importModel(path),
    removeModel: ({ file }) => models.removeModel(file)
  }
}

function practiceHandlers({ practice }: Services): HandlersOf<'getPractice' | 'setFavorite'> {
  return {
    getPractice: () => practice.overview(),
    setFavorite: ({ questionId, favorite }) => practice.setFavorite(questionId, favorite)
  }
}

function backupHandlers({ backup }: Services): HandlersOf<
  'exportBackup' | 'getBackupStatus' | 'uploadBackupChunk' | 'previewRestore' | 'restoreBackup' | 'discardRestore'
> {
  return {
    exportBackup: () => backup.exportBackup(),
    getBackupStatus: () => backup.status(),
    uploadBackupChunk: ({ uploadId, seq, base64 }) => backup.uploadChunk(uploadId, seq, base64),
    previewRestore: ({ uploadId }) => backup.preview(uploadId),
    restoreBackup: ({ uploadId }) => backup.restore(uploadId),
    discardRestore: ({ uploadId }) => backup.discard(uploadId)
  }
}

function sqlHandlers({ sql }: Services): HandlersOf<'sqlPrepare' | 'sqlRun'> {
  return {
    sqlPrepare: (input) => sql.prepare(input),
    sqlRun: (input) => sql.run(input)
  }
}

/** The contract mapped onto the services, area by area: the compiler rejects a method left out. */
export function contractHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...libraryHandlers(services),
    ...sessionHandlers(services),
    ...answerHandlers(services),
    ...recordingHandlers(services),
    ...modelHandlers(services),
    ...practiceHandlers(services),
    ...backupHandlers(services),
    ...sqlHandlers(services)
  }
}
