import type { SqlLimits, SqlPrepareResult, SqlRunOutcome } from '@shared/sql/types'

export type SqlWorkerRequest =
  | { id: number; op: 'prepare'; setup: string; references: string[]; limits: SqlLimits }
  | { id: number; op: 'run'; setup: string; query: string; limits: SqlLimits }

export type SqlWorkerReply =
  | { type: 'ready'; startMs: number }
  | { type: 'start-failed'; message: string }
  | { type: 'reply'; id: number; ok: true; value: SqlPrepareResult | SqlRunOutcome }
  | { type: 'reply'; id: number; ok: false; message: string }
