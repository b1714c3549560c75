import { z } from 'zod'
import { AnswerIdSchema, AnswerRecordSchema, TakeIdSchema } from './answers'
import { ApiErrorSchema } from './api/result'
import { ClarificationRecordSchema } from './interviewer/records'
import { DifficultySchema, LibrarySummarySchema, QuestionKindSchema, QuestionSchema, questionKinds } from './banks/types'
import {
  MermaidDraftSchema,
  SessionSchema,
  SessionStatusSchema,
  SessionTypeSchema,
  StarScaffoldSchema,
  TimerStateSchema,
  WhiteboardSchema
} from './session'
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
import { SettingsPatchSchema, SettingsSchema } from './settings'
import { SqlDrillRecordSchema } from './sql/drill-record'
import { SqlPrepareInputSchema, SqlPrepareResultSchema, SqlRunInputSchema, SqlRunOutcomeSchema } from './sql/types'

/**
 * The API contract: every method the renderer (or the CLI) can call on the backend, with the
 * schema of its input and of its output, and every event the backend pushes.
 *
 * This object is the only list of methods. Main's ipcMain table, the preload's `window.api`,
 * the HTTP routes of browser mode, the CLI's `call` command and the renderer's client are all
 * derived from it, so adding a method here (and implementing it in the backend, which the
 * compiler insists on) makes it work everywhere.
 */
const empty = z.object({}).strict()

/**
 * Upper bounds of what a caller may send, sized for real use with room to spare: a limit
 * keeps one request from growing db.json by megabytes (every later write rewrites it whole)
 * or holding the backend busy. The whiteboard allows pasted screenshots; Mermaid's own
 * parser stops at 50,000 characters.
 */
export const INPUT_LIMITS = {
  id: 512,
  notes: 100_000,
  starPart: 20_000,
  mermaidSource: 50_000,
  whiteboardScene: 4_000_000,
  whiteboardSvg: 4_000_000,
  microphoneId: 512,
  modelPath: 4096,
  listItems: 1000,
  /** A WAV of at most 256 MiB, base64. */
  audioBase64: 4 * Math.ceil((256 * 1024 * 1024) / 3),
  /** A bank file is at most 5 MB; this only stops absurd sizes before they are decoded. */
  bankBase64: 16 * 1024 * 1024
} as const

const limitedId = z.string().min(1).max(INPUT_LIMITS.id, `at most ${INPUT_LIMITS.id} characters`)
const limitedText = (max: number, what: string) => z.string().max(max, `${what} are limited to ${max.toLocaleString('en-US')} characters`)

export const AppInfoSchema = z.object({
  name: z.literal('mockroom'),
  version: z.string(),
  /** Which adapter is serving the backend. */
  host: z.enum(['electron', 'web', 'cli', 'test']),
  dataDir: z.string(),
  dataFile: z.string()
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const ImportBanksInputSchema = z
  .object({
    files: z
      .array(
        z.object({
          name: z.string().min(1).max(255),
          /** The file's bytes, base64: binary-safe over IPC and HTTP alike. */
          base64: z.string().max(INPUT_LIMITS.bankBase64, 'the file is too large to import (bank files are at most 5 MB)'),
          /** Read the file as a new version of this imported bank (its questions keep their ids). */
          replaceBankId: limitedId.optional()
        })
      )
      .min(1)
      .max(500)
  })
  .strict()

export const ImportPreviewSchema = z.object({
  file: z.string(),
  /** Null when the file can be imported; else why not (it names what was wrong). */
  error: z.string().nullable(),
  bankId: z.string().nullable(),
  title: z.string(),
  /** The layouts questions were found in, most first (`layout` names the first). */
  layouts: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
  questionCount: z.number().int(),
  /** The first ten questions as they would be imported. */
  questions: z.array(z.object({ title: z.string(), kind: QuestionKindSchema, hasAnswer: z.boolean(), difficulty: DifficultySchema.nullable() })),
  warnings: z.array(z.string()),
  /** When the file replaces a bank: its questions kept (same ids), added and dropped. */
  replaces: z
    .object({ bankId: z.string(), title: z.string(), unchanged: z.number().int(), added: z.number().int(), removed: z.number().int() })
    .nullable()
})
export type ImportPreview = z.infer<typeof ImportPreviewSchema>

export const SearchLibraryInputSchema = z
  .object({
    query: z.string().max(500),
    kinds: z.array(QuestionKindSchema).max(20).optional(),
    bankIds: z.array(z.string().max(300)).max(500).optional(),
    section: z.string().max(2000).nullable().optional(),
    hasAnswer: z.boolean().nullable().optional()
  })
  .strict()
export type SearchLibraryInput = z.infer<typeof SearchLibraryInputSchema>

export const ImportBanksResultSchema = z.object({
  imported: z.array(z.object({ file: z.string(), bankId: z.string(), questionCount: z.number().int() })),
  errors: z.array(z.object({ file: z.string(), reason: z.string() }))
})
export type ImportBanksResult = z.infer<typeof ImportBanksResultSchema>

const PhaseOverrideSchema = z
  .object({ prepMs: z.number().int().min(0).optional(), answerMs: z.number().int().min(1000).optional() })
  .strict()

export const CreateSessionInputSchema = z
  .object({
    type: SessionTypeSchema,
    bankIds: z.array(limitedId).max(INPUT_LIMITS.listItems).default([]),
    kinds: z.array(QuestionKindSchema).max(INPUT_LIMITS.listItems).default([]),
    sections: z.array(z.string().max(INPUT_LIMITS.id)).max(INPUT_LIMITS.listItems).default([]),
    /** Ask exactly these questions (e.g. "practise this question" from the Library). */
    questionIds: z.array(limitedId).max(INPUT_LIMITS.listItems).optional(),
    count: z.number().int().min(1).max(50),
    order: z.enum(['random', 'as-listed']),
    seed: z.number().int().optional(),
    /** Per-kind phase lengths, over the defaults from Settings. */
    times: z.partialRecord(z.enum(questionKinds), PhaseOverrideSchema).optional()
  })
  .strict()
export type CreateSessionInput = z.infer<typeof CreateSessionInputSchema>

/** A timer's lists grow by one per pause or early advance: thousands means a runaway caller. */
const LimitedTimerSchema = TimerStateSchema.refine(
  (timer) => timer.phases.length <= 100 && timer.warningsMs.length <= 100 && timer.pauses.length <= 10_000 && timer.advances.length <= 1000,
  'the timer has too many phases, warnings, pauses or advances'
)

export const UpdateSessionInputSchema = z
  .object({
    id: limitedId,
    currentIndex: z.number().int().min(0).optional(),
    timer: LimitedTimerSchema.nullable().optional(),
    status: SessionStatusSchema.optional()
  })
  .strict()
export type UpdateSessionInput = z.infer<typeof UpdateSessionInputSchema>

export const SaveSessionItemInputSchema = z
  .object({
    sessionId: limitedId,
    questionId: limitedId,
    notes: limitedText(INPUT_LIMITS.notes, 'notes').optional(),
    starScaffold: StarScaffoldSchema.extend({
      situation: limitedText(INPUT_LIMITS.starPart, 'STAR notes'),
      task: limitedText(INPUT_LIMITS.starPart, 'STAR notes'),
      action: limitedText(INPUT_LIMITS.starPart, 'STAR notes'),
      result: limitedText(INPUT_LIMITS.starPart, 'STAR notes')
    }).optional(),
    whiteboard: WhiteboardSchema.extend({
      sceneJson: limitedText(INPUT_LIMITS.whiteboardScene, 'whiteboard scenes'),
      svg: limitedText(INPUT_LIMITS.whiteboardSvg, 'whiteboard pictures').optional()
    }).optional(),
    mermaid: MermaidDraftSchema.extend({ source: limitedText(INPUT_LIMITS.mermaidSource, 'Mermaid diagrams') }).optional(),
    sqlDrill: SqlDrillRecordSchema.optional(),
    skipped: z.boolean().optional(),
    phaseUsage: z.array(z.object({ phaseId: z.string().min(1).max(100), usedMs: z.number().nonnegative() })).max(20).optional()
  })
  .strict()
export type SaveSessionItemInput = z.infer<typeof SaveSessionItemInputSchema>

export const SaveTypedAnswerInputSchema = z
  .object({
    /** The session item's answerId; omitted for an answer given outside a session. */
    id: AnswerIdSchema.optional(),
    /** The typed take this text continues (the id a previous save returned); a new take otherwise. */
    takeId: TakeIdSchema.optional(),
    sessionId: limitedId.nullable(),
    questionId: limitedId,
    text: z.string().max(200_000),
    timeBoxMs: z.number().int().positive().optional()
  })
  .strict()
export type SaveTypedAnswerInput = z.infer<typeof SaveTypedAnswerInputSchema>

const byId = z.object({ id: limitedId }).strict()

/** A clarifying question typed (or said) in the clarify phase of a system-design question. */
export const AskClarifyingQuestionInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    sessionId: limitedId.nullable(),
    questionId: limitedId,
    asked: z.string().trim().min(1, 'Type a question first.').max(2000),
    timeBoxMs: z.number().int().positive().optional()
  })
  .strict()
export type AskClarifyingQuestionInput = z.infer<typeof AskClarifyingQuestionInputSchema>

export const AnswerFollowUpInputSchema = z.object({ answerId: AnswerIdSchema, followUpId: z.string().min(1).max(200), reply: z.string().max(200_000) }).strict()
export type AnswerFollowUpInput = z.infer<typeof AnswerFollowUpInputSchema>

/** The longest spoken clarifying question or follow-up reply the backend transcribes. */
export const CLIP_MAX_MS = 120_000
/** A short spoken clip (a clarifying question, a follow-up reply) to turn into text; nothing is stored. */
export const TranscribeClipInputSchema = z
  .object({
    /** 16 kHz mono 16-bit little-endian PCM, base64 (2 minutes: 5 120 000 characters). */
    pcmBase64: z.string().max(8_000_000, 'a spoken clip is at most 2 minutes long'),
    /** The question's key terms, so whisper spells the jargon the way the bank does. */
    keyTerms: z.array(z.string().max(200)).max(200).optional(),
    purpose: z.enum(['clarify', 'follow-up'])
  })
  .strict()
export type TranscribeClipInput = z.infer<typeof TranscribeClipInputSchema>

const KeyTermsSchema = z.array(z.string().max(200)).max(200)
const TakeRefSchema = z.object({ answerId: AnswerIdSchema, takeId: TakeIdSchema }).strict()

export const StartRecordingInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    sessionId: limitedId.nullable(),
    questionId: limitedId,
    timeBoxMs: z.number().int().positive().optional(),
    /** Seeds the prompt of the windows transcribed while the candidate speaks. */
    keyTerms: KeyTermsSchema.optional()
  })
  .strict()
export type StartRecordingInput = z.infer<typeof StartRecordingInputSchema>

export const AppendAudioInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    /** The take startRecording opened; a chunk for any other take is refused. */
    takeId: TakeIdSchema.optional(),
    /** 0, 1, 2, … in the order the chunks were recorded; a gap or repeat is refused. An empty chunk keeps a paused recording alive. */
    seq: z.number().int().min(0),
    /** 16 kHz mono 16-bit little-endian PCM, base64 (about a second: 32 000 bytes). */
    pcmBase64: z.string().max(4_000_000)
  })
  .strict()
export type AppendAudioInput = z.infer<typeof AppendAudioInputSchema>

export const ImportAnswerAudioInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    sessionId: limitedId.nullable(),
    questionId: limitedId,
    fileName: z.string().min(1).max(255),
    /** The WAV file's bytes, base64. */
    base64: z.string().min(1).max(INPUT_LIMITS.audioBase64, 'the WAV file is larger than 256 MB'),
    timeBoxMs: z.number().int().positive().optional(),
    keyTerms: KeyTermsSchema.optional()
  })
  .strict()
export type ImportAnswerAudioInput = z.infer<typeof ImportAnswerAudioInputSchema>

/** Settings as a caller may send them: the stored schema, with bounds on the free-text fields. */
export const SettingsInputSchema = SettingsPatchSchema.extend({
  microphoneId: z.string().max(INPUT_LIMITS.microphoneId, `a microphone id is at most ${INPUT_LIMITS.microphoneId} characters`).nullable().optional(),
  modelPath: z.string().max(INPUT_LIMITS.modelPath, `a model path is at most ${INPUT_LIMITS.modelPath} characters`).nullable().optional()
})

export const InstalledModelSchema = z.object({
  file: z.string(),
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  catalogueId: z.string().nullable()
})
export type InstalledModelInfo = z.infer<typeof InstalledModelSchema>

export const ModelDownloadStateSchema = z.object({
  id: z.string(),
  file: z.string(),
  state: z.enum(['downloading', 'done', 'failed', 'cancelled']),
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  resumedFromBytes: z.number().nonnegative(),
  error: ApiErrorSchema.nullable()
})
export type ModelDownloadState = z.infer<typeof ModelDownloadStateSchema>

export const CatalogueEntrySchema = z.object({
  id: z.string(),
  file: z.string(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  approxMegabytes: z.number(),
  englishOnly: z.boolean(),
  description: z.string(),
  installed: z.boolean(),
  /** Bytes of an interrupted download, which the next download resumes from. */
  partialBytes: z.number().int().nonnegative().nullable(),
  download: ModelDownloadStateSchema.nullable()
})
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>

export const ModelListSchema = z.object({
  installed: z.array(InstalledModelSchema),
  catalogue: z.array(CatalogueEntrySchema),
  /** The model transcription uses now (settings.modelPath if present, else the first installed). */
  activePath: z.string().nullable()
})
export type ModelList = z.infer<typeof ModelListSchema>

export const TranscriberCheckSchema = z.object({
  /** A model is installed, loads, and heard words in the spoken self-test. */
  ready: z.boolean(),
  /** File name of the model tested; null when none is installed. */
  model: z.string().nullable(),
  /** What whisper heard in the test phrase ("Hello, this is a test."). */
  heard: z.string(),
  /** How long the self-test took. */
  elapsedMs: z.number().int().nonnegative().nullable(),
  /** What to fix, in words the user can act on; null when ready. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable()
})
export type TranscriberCheck = z.infer<typeof TranscriberCheckSchema>

export const TranscriptionProgressEventSchema = z.object({
  answerId: z.string(),
  takeId: z.string().optional(),
  percent: z.number().min(0).max(100)
})
export type TranscriptionProgressEvent = z.infer<typeof TranscriptionProgressEventSchema>

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
