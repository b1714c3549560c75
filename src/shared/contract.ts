import { z } from 'zod'
import { AnswerRecordSchema } from './answers'
import { ApiErrorSchema } from './api/result'
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
import { SettingsPatchSchema, SettingsSchema } from './settings'

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
          /** The file's bytes, base64: binary-safe over IPC and HTTP alike (at most 5 MB of bytes). */
          base64: z.string().max(7_000_000),
          /** Read the file as a new version of this imported bank (its questions keep their ids). */
          replaceBankId: z.string().min(1).max(300).optional()
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
    bankIds: z.array(z.string()).default([]),
    kinds: z.array(QuestionKindSchema).default([]),
    sections: z.array(z.string()).default([]),
    /** Ask exactly these questions (e.g. "practise this question" from the Library). */
    questionIds: z.array(z.string()).optional(),
    count: z.number().int().min(1).max(50),
    order: z.enum(['random', 'as-listed']),
    seed: z.number().int().optional(),
    /** Per-kind phase lengths, over the defaults from Settings. */
    times: z.partialRecord(z.enum(questionKinds), PhaseOverrideSchema).optional()
  })
  .strict()
export type CreateSessionInput = z.infer<typeof CreateSessionInputSchema>

export const UpdateSessionInputSchema = z
  .object({
    id: z.string().min(1),
    currentIndex: z.number().int().min(0).optional(),
    timer: TimerStateSchema.nullable().optional(),
    status: SessionStatusSchema.optional()
  })
  .strict()
export type UpdateSessionInput = z.infer<typeof UpdateSessionInputSchema>

export const SaveSessionItemInputSchema = z
  .object({
    sessionId: z.string().min(1),
    questionId: z.string().min(1),
    notes: z.string().optional(),
    starScaffold: StarScaffoldSchema.optional(),
    whiteboard: WhiteboardSchema.optional(),
    mermaid: MermaidDraftSchema.optional(),
    skipped: z.boolean().optional()
  })
  .strict()
export type SaveSessionItemInput = z.infer<typeof SaveSessionItemInputSchema>

export const SaveTypedAnswerInputSchema = z
  .object({
    /** The session item's answerId; omitted for an answer given outside a session. */
    id: z.string().min(1).optional(),
    sessionId: z.string().min(1).nullable(),
    questionId: z.string().min(1),
    text: z.string().max(200_000),
    timeBoxMs: z.number().int().positive().optional()
  })
  .strict()
export type SaveTypedAnswerInput = z.infer<typeof SaveTypedAnswerInputSchema>

const byId = z.object({ id: z.string().min(1) }).strict()

/** Answer ids name audio files (`audio/<id>.wav`), so they are restricted to safe characters. */
const AnswerIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'letters, digits, - and _ only')
const KeyTermsSchema = z.array(z.string().max(200)).max(200)

export const StartRecordingInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    sessionId: z.string().min(1).nullable(),
    questionId: z.string().min(1),
    timeBoxMs: z.number().int().positive().optional(),
    /** Seeds the prompt of the windows transcribed while the candidate speaks. */
    keyTerms: KeyTermsSchema.optional()
  })
  .strict()
export type StartRecordingInput = z.infer<typeof StartRecordingInputSchema>

export const AppendAudioInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    /** 0, 1, 2, … in the order the chunks were recorded; a gap or repeat is refused. */
    seq: z.number().int().min(0),
    /** 16 kHz mono 16-bit little-endian PCM, base64 (about a second: 32 000 bytes). */
    pcmBase64: z.string().max(4_000_000)
  })
  .strict()
export type AppendAudioInput = z.infer<typeof AppendAudioInputSchema>

export const ImportAnswerAudioInputSchema = z
  .object({
    answerId: AnswerIdSchema,
    sessionId: z.string().min(1).nullable(),
    questionId: z.string().min(1),
    fileName: z.string().min(1).max(255),
    /** The WAV file's bytes, base64. */
    base64: z.string().min(1),
    timeBoxMs: z.number().int().positive().optional(),
    keyTerms: KeyTermsSchema.optional()
  })
  .strict()
export type ImportAnswerAudioInput = z.infer<typeof ImportAnswerAudioInputSchema>

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

export const TranscriptionProgressEventSchema = z.object({
  answerId: z.string(),
  percent: z.number().min(0).max(100)
})
export type TranscriptionProgressEvent = z.infer<typeof TranscriptionProgressEventSchema>

export const contract = {
  getAppInfo: { input: empty, output: AppInfoSchema },
  getSettings: { input: empty, output: SettingsSchema },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  listNotices: { input: empty, output: z.array(NoticeSchema) },
  dismissNotice: { input: z.object({ id: z.string().min(1) }).strict(), output: z.array(NoticeSchema) },
  /** Banks, rubrics and question summaries (no answers, setup or diagrams: `getQuestions` has those). */
  getLibrary: { input: empty, output: LibrarySummarySchema },
  /** Whole questions by id, including questions of removed banks that answers still refer to. */
  getQuestions: {
    input: z.object({ ids: z.array(z.string().min(1).max(400)).max(1000) }).strict(),
    output: z.object({ questions: z.array(QuestionSchema) })
  },
  /** Question ids matching a search (titles, sections, answers, follow-ups), best first. */
  searchLibrary: { input: SearchLibraryInputSchema, output: z.object({ ids: z.array(z.string()) }) },
  /** What importing these files would add, without storing anything. */
  previewBanks: { input: ImportBanksInputSchema, output: z.object({ previews: z.array(ImportPreviewSchema) }) },
  importBanks: { input: ImportBanksInputSchema, output: ImportBanksResultSchema },
  removeBank: { input: z.object({ bankId: z.string().min(1) }).strict(), output: LibrarySummarySchema },
  renameBank: { input: z.object({ bankId: z.string().min(1), title: z.string().trim().min(1).max(200) }).strict(), output: LibrarySummarySchema },

  createSession: { input: CreateSessionInputSchema, output: SessionSchema },
  listSessions: { input: empty, output: z.array(SessionSchema) },
  getSession: { input: byId, output: SessionSchema },
  updateSession: { input: UpdateSessionInputSchema, output: SessionSchema },
  saveSessionItem: { input: SaveSessionItemInputSchema, output: SessionSchema },
  deleteSession: { input: byId, output: z.object({ deletedAnswers: z.number().int() }) },

  listAnswers: {
    input: z.object({ sessionId: z.string().optional(), questionId: z.string().optional() }).strict(),
    output: z.array(AnswerRecordSchema)
  },
  getAnswer: { input: byId, output: AnswerRecordSchema },
  saveTypedAnswer: { input: SaveTypedAnswerInputSchema, output: AnswerRecordSchema },
  updateAnswerText: { input: z.object({ id: z.string().min(1), text: z.string().max(200_000) }).strict(), output: AnswerRecordSchema },
  deleteAnswer: { input: byId, output: z.object({ deleted: z.literal(true) }) },

  startRecording: { input: StartRecordingInputSchema, output: AnswerRecordSchema },
  appendAudio: { input: AppendAudioInputSchema, output: z.object({ receivedMs: z.number().int().nonnegative() }) },
  stopRecording: {
    input: z.object({ answerId: AnswerIdSchema, keyTerms: KeyTermsSchema.default([]) }).strict(),
    output: AnswerRecordSchema
  },
  importAnswerAudio: { input: ImportAnswerAudioInputSchema, output: AnswerRecordSchema },
  /** Transcribes the answer's audio again (after a failure, a cancel or a recovery). */
  transcribeAnswer: {
    input: z.object({ answerId: AnswerIdSchema, keyTerms: KeyTermsSchema.optional() }).strict(),
    output: AnswerRecordSchema
  },
  cancelTranscription: { input: z.object({ answerId: AnswerIdSchema }).strict(), output: AnswerRecordSchema },

  listModels: { input: empty, output: ModelListSchema },
  /** Starts the download and returns at once; progress and the end arrive as `modelDownload` events. */
  downloadModel: {
    input: z.object({ id: z.string().min(1), allowUnverified: z.boolean().optional() }).strict(),
    output: ModelListSchema
  },
  cancelModelDownload: { input: z.object({ id: z.string().min(1) }).strict(), output: ModelListSchema },
  /** Copies a model file from an absolute path on this machine into the models folder. */
  importModel: { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: ModelListSchema },
  removeModel: { input: z.object({ file: z.string().min(1).max(255) }).strict(), output: ModelListSchema }
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
