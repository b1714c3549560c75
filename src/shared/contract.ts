import { z } from 'zod'
import { AnswerIdSchema, AnswerRecordSchema, TakeIdSchema } from './answers'
import { ClarificationRecordSchema } from './interviewer/records'
import { LibrarySummarySchema, QuestionSchema } from './banks/types'
import { SessionSchema } from './session'
import { NoticeSchema } from './notices'
import { PracticeOverviewSchema } from './practice/practice-schema'
import {
  BackupExportSchema,
  BackupStatusSchema,
  RestorePreviewSchema,
  RestoreResultSchema,
  UploadBackupChunkInputSchema,
  UploadIdSchema
} from './backup-schema'
import { SettingsSchema } from './settings'
import { SqlPrepareInputSchema, SqlPrepareResultSchema, SqlRunInputSchema, SqlRunOutcomeSchema } from './sql/types'
import { AppInfoSchema, ImportBanksInputSchema, ImportBanksResultSchema, ImportPreviewSchema, SearchLibraryInputSchema } from './contract-schemas/library'
import { byId, empty, INPUT_LIMITS, limitedId } from './contract-schemas/limits'
import { ModelDownloadStateSchema, ModelListSchema, SettingsInputSchema, TranscriberCheckSchema, TranscriptionProgressEventSchema } from './contract-schemas/models'
import { AppendAudioInputSchema, ImportAnswerAudioInputSchema, KeyTermsSchema, StartRecordingInputSchema, TakeRefSchema } from './contract-schemas/recording'
import {
  AnswerFollowUpInputSchema,
  AskClarifyingQuestionInputSchema,
  CreateSessionInputSchema,
  SaveSessionItemInputSchema,
  SaveTypedAnswerInputSchema,
  TranscribeClipInputSchema,
  CancelClipInputSchema,
  UpdateSessionInputSchema
} from './contract-schemas/sessions'

// The input and output schemas live beside, by area; callers import them from here.
export { INPUT_LIMITS } from './contract-schemas/limits'
export * from './contract-schemas/library'
export * from './contract-schemas/sessions'
export * from './contract-schemas/recording'
export * from './contract-schemas/models'

/**
 * The API contract: every method the renderer (or the CLI) can call on the backend, with the
 * schema of its input and of its output, and every event the backend pushes.
 *
 * This object is the only list of methods. Main's ipcMain table, the preload's `window.api`,
 * the HTTP routes of browser mode, the CLI's `call` command and the renderer's client are all
 * derived from it, so adding a method here (and implementing it in the backend, which the
 * compiler insists on) makes it work everywhere.
 */
export const contract = {
  getAppInfo: { input: empty, output: AppInfoSchema },
  getSettings: { input: empty, output: SettingsSchema },
  updateSettings: { input: SettingsInputSchema, output: SettingsSchema },
  listNotices: { input: empty, output: z.array(NoticeSchema) },
  dismissNotice: { input: z.object({ id: limitedId }).strict(), output: z.array(NoticeSchema) },
  /** Banks, rubrics and question summaries (no answers, setup or diagrams: `getQuestions` has those). */
  getLibrary: { input: empty, output: LibrarySummarySchema },
  /** Whole questions by id, including questions of removed banks that answers still refer to. */
  getQuestions: {
    input: z.object({ ids: z.array(limitedId).max(INPUT_LIMITS.listItems) }).strict(),
    output: z.object({ questions: z.array(QuestionSchema) })
  },
  /** Question ids matching a search (titles, sections, answers, follow-ups), best first. */
  searchLibrary: { input: SearchLibraryInputSchema, output: z.object({ ids: z.array(z.string()) }) },
  /** What importing these files would add, without storing anything. */
  previewBanks: { input: ImportBanksInputSchema, output: z.object({ previews: z.array(ImportPreviewSchema) }) },
  importBanks: { input: ImportBanksInputSchema, output: ImportBanksResultSchema },
  removeBank: { input: z.object({ bankId: limitedId }).strict(), output: LibrarySummarySchema },
  renameBank: { input: z.object({ bankId: limitedId, title: z.string().trim().min(1).max(200) }).strict(), output: LibrarySummarySchema },

  createSession: { input: CreateSessionInputSchema, output: SessionSchema },
  listSessions: { input: empty, output: z.array(SessionSchema) },
  getSession: { input: byId, output: SessionSchema },
  updateSession: { input: UpdateSessionInputSchema, output: SessionSchema },
  saveSessionItem: { input: SaveSessionItemInputSchema, output: SessionSchema },
  deleteSession: { input: byId, output: z.object({ deletedAnswers: z.number().int() }) },

  listAnswers: {
    input: z.object({ sessionId: limitedId.optional(), questionId: limitedId.optional() }).strict(),
    output: z.array(AnswerRecordSchema)
  },
  getAnswer: { input: byId, output: AnswerRecordSchema },
  saveTypedAnswer: { input: SaveTypedAnswerInputSchema, output: AnswerRecordSchema },
  /** The interviewer answers a clarifying question from the question's model answer; the exchange is saved with the answer. */
  askClarifyingQuestion: { input: AskClarifyingQuestionInputSchema, output: z.object({ clarification: ClarificationRecordSchema, answer: AnswerRecordSchema }) },
  /** Chooses the follow-ups for the finished answer (once; later calls return the ones asked) and saves them with it. */
  askFollowUps: { input: z.object({ answerId: AnswerIdSchema }).strict(), output: AnswerRecordSchema },
  /** Saves the typed reply to one follow-up, as part of the same answer. */
  answerFollowUp: { input: AnswerFollowUpInputSchema, output: AnswerRecordSchema },
  /** Transcribes a short spoken clip (a clarifying question, a follow-up reply) to text for the candidate to check; silence is an empty text. */
  transcribeClip: { input: TranscribeClipInputSchema, output: z.object({ text: z.string() }) },
  /** Stops the transcription of clip `clipId` (the candidate cancelled it); `cancelled` is false when it had already finished. */
  cancelClip: { input: CancelClipInputSchema, output: z.object({ cancelled: z.boolean() }) },
  /** Corrects the text of take `takeId` (default: the current take); the transcript is kept. */
  updateAnswerText: {
    input: z.object({ id: AnswerIdSchema, takeId: TakeIdSchema.optional(), text: z.string().max(200_000) }).strict(),
    output: AnswerRecordSchema
  },
  /** Makes an older take the current one again. */
  restoreTake: { input: TakeRefSchema, output: AnswerRecordSchema },
  /** Deletes one take and its audio (never while it records). */
  deleteTake: { input: TakeRefSchema, output: AnswerRecordSchema },
  deleteAnswer: { input: byId, output: z.object({ deleted: z.literal(true) }) },

  startRecording: { input: StartRecordingInputSchema, output: AnswerRecordSchema },
  appendAudio: { input: AppendAudioInputSchema, output: z.object({ receivedMs: z.number().int().nonnegative() }) },
  stopRecording: {
    input: z
      .object({
        answerId: AnswerIdSchema,
        takeId: TakeIdSchema.optional(),
        keyTerms: KeyTermsSchema.default([]),
        /** How many chunks the page sent; the backend waits a moment for any still on their way. */
        chunks: z.number().int().min(0).optional()
      })
      .strict(),
    output: AnswerRecordSchema
  },
  importAnswerAudio: { input: ImportAnswerAudioInputSchema, output: AnswerRecordSchema },
  /** Transcribes the answer's audio again (after a failure, a cancel or a recovery). */
  transcribeAnswer: {
    input: z.object({ answerId: AnswerIdSchema, takeId: TakeIdSchema.optional(), keyTerms: KeyTermsSchema.optional() }).strict(),
    output: AnswerRecordSchema
  },
  cancelTranscription: { input: z.object({ answerId: AnswerIdSchema, takeId: TakeIdSchema.optional() }).strict(), output: AnswerRecordSchema },
  /**
   * Readiness before a session: is a model installed, does whisper.cpp load it, does it hear a
   * short spoken phrase. Cached per model file; `force` runs it again.
   */
  checkTranscriber: { input: z.object({ force: z.boolean().optional() }).strict(), output: TranscriberCheckSchema },

  listModels: { input: empty, output: ModelListSchema },
  /** Starts the download and returns at once; progress and the end arrive as `modelDownload` events. */
  downloadModel: {
    input: z.object({ id: limitedId, allowUnverified: z.boolean().optional() }).strict(),
    output: ModelListSchema
  },
  cancelModelDownload: { input: z.object({ id: limitedId }).strict(), output: ModelListSchema },
  /** Copies a model file from an absolute path on this machine into the models folder. */
  importModel: { input: z.object({ path: z.string().min(1).max(INPUT_LIMITS.modelPath, `a path is at most ${INPUT_LIMITS.modelPath} characters`) }).strict(), output: ModelListSchema },
  removeModel: { input: z.object({ file: z.string().min(1).max(255) }).strict(), output: ModelListSchema },

  /** Spaced-repetition status (due today, next due per question) and favorites. */
  getPractice: { input: empty, output: PracticeOverviewSchema },
  setFavorite: { input: z.object({ questionId: limitedId, favorite: z.boolean() }).strict(), output: PracticeOverviewSchema },

  /** Writes everything (db.json, audio, imported banks, whiteboards) to one zip in <data>/backups. */
  exportBackup: { input: empty, output: BackupExportSchema },
  getBackupStatus: { input: empty, output: BackupStatusSchema },
  /** A restore starts with the zip uploaded in chunks, then a preview, then the user's confirm. */
  uploadBackupChunk: { input: UploadBackupChunkInputSchema, output: z.object({ receivedBytes: z.number().int().nonnegative() }) },
  previewRestore: { input: z.object({ uploadId: UploadIdSchema }).strict(), output: RestorePreviewSchema },
  restoreBackup: { input: z.object({ uploadId: UploadIdSchema }).strict(), output: RestoreResultSchema },
  discardRestore: { input: z.object({ uploadId: UploadIdSchema }).strict(), output: z.object({ discarded: z.literal(true) }) },
  /** SQL drills: runs a question's setup and lists its tables, and runs its reference answers (starts the engine on first use). */
  sqlPrepare: { input: SqlPrepareInputSchema, output: SqlPrepareResultSchema },
  /** Runs the candidate's query after the setup, in a fresh database, within the time and row limits. */
  sqlRun: { input: SqlRunInputSchema, output: SqlRunOutcomeSchema }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

/** Events the backend pushes to every connected renderer. */
export const contractEvents = {
  notice: NoticeSchema,
  /** An answer changed (recording stopped, transcription finished or failed, text edited). */
  answer: AnswerRecordSchema,
  transcriptionProgress: TranscriptionProgressEventSchema,
  modelDownload: ModelDownloadStateSchema
} as const satisfies Record<string, z.ZodType>

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export type EventName = keyof typeof contractEvents
export type EventPayload<E extends EventName> = z.output<(typeof contractEvents)[E]>

export const methodNames = Object.keys(contract) as MethodName[]
export const eventNames = Object.keys(contractEvents) as EventName[]

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(contractEvents, name)
}

/** The IPC channel of a method: one channel per method, never a generic one. */
export function methodChannel(name: MethodName): string {
  return `mockroom:${name}`
}

export function eventChannel(name: EventName): string {
  return `mockroom:event:${name}`
}
