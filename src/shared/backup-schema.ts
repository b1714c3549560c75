import { z } from 'zod'

/** Backup and restore as the API sees them (the backend's backup service implements them). */

export const BackupCountsSchema = z.object({
  answers: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  audioFiles: z.number().int().nonnegative(),
  /** Imported question-bank files. */
  banks: z.number().int().nonnegative(),
  /** Sessions with a whiteboard or a diagram saved. */
  whiteboards: z.number().int().nonnegative(),
  favorites: z.number().int().nonnegative()
})
export type BackupCounts = z.infer<typeof BackupCountsSchema>

export const BackupFileSchema = z.object({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  /** For exported zips: where the renderer downloads it (`backups/<file>`). */
  mediaPath: z.string().nullable()
})
export type BackupFile = z.infer<typeof BackupFileSchema>

export const BackupExportSchema = BackupFileSchema.extend({
  /** Absolute path of the zip on this machine. */
  path: z.string(),
  counts: BackupCountsSchema
})
export type BackupExport = z.infer<typeof BackupExportSchema>

export const BackupStatusSchema = z.object({
  backupsDir: z.string(),
  /** The rolling copies of db.json, newest first (at most five are kept). */
  automatic: z.array(BackupFileSchema),
  /** Zips exported earlier, newest first. */
  exports: z.array(BackupFileSchema)
})
export type BackupStatus = z.infer<typeof BackupStatusSchema>

/** Upload ids name a staging file, so they are restricted to safe characters. */
export const UploadIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/, 'letters, digits, - and _ only (8–64)')

export const UploadBackupChunkInputSchema = z
  .object({
    uploadId: UploadIdSchema,
    /** 0, 1, 2, … in order; chunk 0 starts the upload afresh. */
    seq: z.number().int().min(0),
    /** At most 3 MB of the zip's bytes, base64. */
    base64: z.string().max(4_000_000)
  })
  .strict()

export const RestorePreviewSchema = z.object({
  uploadId: z.string(),
  /** When the backup was made, and by which version. */
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  backup: BackupCountsSchema,
  /** What is in the data folder now, and will be moved aside by a restore. */
  current: BackupCountsSchema,
  bytes: z.number().int().nonnegative(),
  /** Things the user should know before confirming (files the backup lacks, …). */
  warnings: z.array(z.string())
})
export type RestorePreview = z.infer<typeof RestorePreviewSchema>

export const RestoreResultSchema = z.object({
  restored: BackupCountsSchema,
  /** Where the data that was replaced now lives (nothing is deleted), or null if there was none. */
  movedAsideTo: z.string().nullable()
})
export type RestoreResult = z.infer<typeof RestoreResultSchema>
