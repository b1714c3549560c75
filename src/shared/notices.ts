import { z } from 'zod'

/**
 * Things the app must tell the user once, such as a data file that was moved aside.
 * Persisted so that a restart before the user has read it does not lose it.
 */
export const NoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(['data-file-recovered', 'audio-recovered', 'audio-quarantined']),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  /** A file the notice is about (e.g. where the unreadable data file now is). */
  path: z.string().nullable(),
  createdAt: z.string()
})
export type Notice = z.infer<typeof NoticeSchema>
