import { lazy, Suspense, useMemo } from 'react'
import { Skeleton } from '@mui/material'
import type { Question } from '@shared/banks/types'
import type { SqlDrillRecord } from '@shared/sql/drill-record'
import { sqlDrillOf } from '@shared/sql/sql-drill'

// The editor (CodeMirror) loads when a SQL question with a setup is first shown; the engine
// starts in the backend at the same moment (sqlPrepare).
const SqlDrill = lazy(() => import('./SqlDrill'))

export interface SqlDrillSectionProps {
  question: Question
  initial?: SqlDrillRecord
  onRecord?: (record: SqlDrillRecord) => void
}

/** The drill of a SQL question with a setup script; nothing for any other question. */
export function SqlDrillSection({ question, initial, onRecord }: SqlDrillSectionProps) {
  const drill = useMemo(() => sqlDrillOf(question), [question])
  if (!drill) return null
  return (
    <Suspense fallback={<Skeleton variant="rounded" height={320} aria-label="Loading the SQL drill" />}>
      <SqlDrill key={question.id} question={question} drill={drill} initial={initial} onRecord={onRecord} />
    </Suspense>
  )
}
