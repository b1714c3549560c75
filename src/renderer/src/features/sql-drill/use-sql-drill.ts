import { useCallback, useEffect, useRef, useState } from 'react'
import { checkAgainstReferences, type CheckReport } from '@shared/sql/compare-results'
import { emptyDrillRecord, recordRun, type SqlDrillRecord } from '@shared/sql/drill-record'
import type { SqlDrill } from '@shared/sql/sql-drill'
import type { SqlPrepareResult, SqlRunOutcome } from '@shared/sql/types'
import { api } from '../../lib/api'
import { messageOf } from '@shared/errors'

export interface SqlDrillState {
  prepared: SqlPrepareResult | null
  prepareError: string | null
  query: string
  setQuery: (query: string) => void
  busy: 'run' | 'check' | null
  outcome: SqlRunOutcome | null
  check: CheckReport | null
  /** Why Check is unavailable (no reference query, or it does not run), or null. */
  checkUnavailable: string | null
  run: () => void
  runCheck: () => void
}

const draftKey = (questionId: string) => `mockroom:sql-drill:${questionId}`

function readDraft(questionId: string): string | null {
  try {
    return window.localStorage.getItem(draftKey(questionId))
  } catch {
    return null // storage disabled: the draft lives only in the editor, which is fine
  }
}

/** Prepares the drill (engine, tables, references), runs and checks the candidate's query. */
export function useSqlDrill(
  questionId: string,
  drill: SqlDrill,
  options: { initial?: SqlDrillRecord; onRecord?: (record: SqlDrillRecord) => void } = {}
): SqlDrillState {
  const { prepared, prepareError } = usePreparedDrill(drill)
  const [query, setQueryState] = useState(() => options.initial?.query ?? readDraft(questionId) ?? '')
  const [busy, setBusy] = useState<'run' | 'check' | null>(null)
  const [outcome, setOutcome] = useState<SqlRunOutcome | null>(null)
  const [check, setCheck] = useState<CheckReport | null>(null)
  const record = useRef<SqlDrillRecord>(options.initial ?? emptyDrillRecord('', !drill.referenceUnavailable, new Date().toISOString()))
  const latest = useRef({ query, prepared, onRecord: options.onRecord, busy })
  latest.current = { query, prepared, onRecord: options.onRecord, busy }

  const setQuery = useCallback(
    (value: string) => {
      setQueryState(value)
      try {
        window.localStorage.setItem(draftKey(questionId), value)
      } catch {
        // Storage full or disabled: the text stays in the editor and in the practice record.
      }
    },
    [questionId]
  )

  const checkUnavailable = whyNoCheck(drill, prepared)

  const execute = useCallback(
    (mode: 'run' | 'check') => {
      const { query: text, prepared: ready, busy: running } = latest.current
      if (!ready || running || !text.trim()) return
      setBusy(mode)
      api.sqlRun({ setup: drill.setup, query: text }).then(
        (result) => {
          const report =
            mode === 'check' && result.ok && result.result && !checkUnavailable ? checkAgainstReferences(result.result, ready.references) : null
          setOutcome(result)
          setCheck(report)
          const referenceRowCount = report ? (ready.references[report.referenceIndex]?.result.rows.length ?? 0) : 0
          record.current = recordRun(
            record.current,
            text,
            { result: result.result, error: result.error },
            report ? { ...report, referenceRowCount } : null,
            new Date().toISOString()
          )
          latest.current.onRecord?.(record.current)
          setBusy(null)
        },
        (error: unknown) => {
          setOutcome(engineFailure(error))
          setCheck(null)
          setBusy(null)
        }
      )
    },
    [drill.setup, checkUnavailable]
  )

  return {
    prepared,
    prepareError,
    query,
    setQuery,
    busy,
    outcome,
    check,
    checkUnavailable,
    run: () => execute('run'),
    runCheck: () => execute('check')
  }
}

/** The question's tables, set up by the SQL engine (again when the setup changes). */
function usePreparedDrill(drill: SqlDrill) {
  const [prepared, setPrepared] = useState<SqlPrepareResult | null>(null)
  const [prepareError, setPrepareError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setPrepared(null)
    setPrepareError(null)
    api.sqlPrepare({ setup: drill.setup, references: drill.references }).then(
      (value) => live && setPrepared(value),
      (error: unknown) => live && setPrepareError(messageOf(error))
    )
    return () => {
      live = false
    }
  }, [drill.setup, drill.references])
  return { prepared, prepareError }
}

/** Why Check cannot compare with the reference answer; null when it can. */
function whyNoCheck(drill: SqlDrill, prepared: SqlPrepareResult | null): string | null {
  const referenceFailure = prepared?.referenceErrors.find((error) => error !== null) ?? null
  return (
    drill.referenceUnavailable ??
    (prepared && !prepared.setup.ok ? 'The setup script does not run, so neither does the reference.' : null) ??
    (referenceFailure ? `The reference answer does not run here: ${referenceFailure.message}` : null) ??
    (prepared && prepared.references.length === 0 ? 'The reference answer returns no rows to compare with.' : null)
  )
}

/** A run the engine itself could not do (it crashed or could not be reached), as an outcome to show. */
function engineFailure(error: unknown): SqlRunOutcome {
  return {
    ok: false,
    result: null,
    error: { kind: 'engine', message: messageOf(error), where: 'query', line: null, column: null, hint: null },
    elapsedMs: 0,
    translated: '',
    rules: [],
    notes: []
  }
}
