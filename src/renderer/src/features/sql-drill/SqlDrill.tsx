import { useMemo, useState } from 'react'
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Collapse,
  LinearProgress,
  Link,
  Stack,
  Typography
} from '@mui/material'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import FactCheckIcon from '@mui/icons-material/FactCheck'
import type { Question } from '@shared/banks/types'
import type { SqlDrillRecord } from '@shared/sql/drill-record'
import type { SqlDrill as SqlDrillData } from '@shared/sql/sql-drill'
import { dialectRules } from '@shared/sql/translate-oracle'
import type { SqlError, SqlPrepareResult, SqlResultSet } from '@shared/sql/types'
import { ResultGrid } from './ResultGrid'
import { SqlEditor } from './SqlEditor'
import { TablesPanel } from './TablesPanel'
import { useSqlDrill } from './use-sql-drill'

export interface SqlDrillProps {
  question: Question
  drill: SqlDrillData
  /** The record kept with a practice session (restores the query). */
  initial?: SqlDrillRecord
  /** Called after every run or check with the updated record. */
  onRecord?: (record: SqlDrillRecord) => void
}

function errorText(error: SqlError): string {
  const at = error.line ? `Line ${error.line}${error.column ? `, column ${error.column}` : ''}: ` : ''
  return `${at}${error.message}`
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`
}

const ruleLabels = Object.fromEntries(dialectRules.map((rule) => [rule.id, rule.id.replace(/-/g, ' ')]))

/** A SQL question's drill: the tables, an editor, Run and Check against the reference answer. */
export default function SqlDrill({ question, drill, initial, onRecord }: SqlDrillProps) {
  const state = useSqlDrill(question.id, drill, { initial, onRecord })
  const { prepared, outcome, check } = state
  const schema = useMemo(
    () => Object.fromEntries((prepared?.tables ?? []).map((table) => [table.name, table.columns.map((column) => column.name)])),
    [prepared]
  )
  const ready = Boolean(prepared) && !state.busy
  const errorLine = outcome?.error?.where === 'query' ? outcome.error.line : null

  return (
    <Card variant="outlined" data-testid="sql-drill">
      <CardContent>
        <DrillHeading />

        <EngineStatus prepared={prepared} prepareError={state.prepareError} />

        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
          <Box>
            <SqlEditor
              initialValue={state.query}
              schema={schema}
              errorLine={errorLine}
              onChange={state.setQuery}
              onRun={state.run}
              onCheck={state.runCheck}
            />
            <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={state.run} disabled={!ready || !state.query.trim()} data-testid="sql-run" title="Ctrl+Enter">
                Run
              </Button>
              <Button variant="outlined" startIcon={<FactCheckIcon />} onClick={state.runCheck} disabled={!ready || !state.query.trim()} data-testid="sql-check" title="Ctrl+Shift+Enter">
                Check
              </Button>
              {state.busy && <CircularProgress size={20} aria-label={state.busy === 'run' ? 'Running' : 'Checking'} />}
              <Typography variant="caption" color="text.secondary">
                Ctrl+Enter runs · Ctrl+Shift+Enter checks · Tab leaves the editor
              </Typography>
            </Stack>
          </Box>
          <Box component="section" aria-label="Tables">
            <Typography variant="overline" component="h3" sx={{ display: 'block', lineHeight: 1.5, mb: 0.5 }}>
              Tables
            </Typography>
            {prepared ? <TablesPanel tables={prepared.tables} /> : <LinearProgress aria-label="Loading the tables" sx={{ mt: 1 }} />}
          </Box>
        </Box>

        <Stack spacing={1.5} sx={{ mt: 2 }} aria-live="polite">
          {check && <CheckResult check={check} columns={outcome?.result ?? null} referenceColumns={prepared?.references[check.referenceIndex]?.result ?? null} />}
          {state.checkUnavailable && prepared && (
            <Alert severity="info" data-testid="sql-check-unavailable">
              {state.checkUnavailable}
            </Alert>
          )}
          {outcome?.error && <RunError error={outcome.error} />}
          {outcome && outcome.notes.length > 0 && (
            <Alert severity="info">
              {outcome.notes.map((note) => (
                <div key={note}>{note}</div>
              ))}
            </Alert>
          )}
          {outcome?.ok && <ResultSummary result={outcome.result} elapsedMs={outcome.elapsedMs} />}
          {outcome && outcome.rules.length > 0 && <TranslatedQuery rules={outcome.rules} translated={outcome.translated} />}
        </Stack>
      </CardContent>
    </Card>
  )
}

function ResultSummary({ result, elapsedMs }: { result: SqlResultSet | null; elapsedMs: number }) {
  const time = `${elapsedMs < 10 ? elapsedMs.toFixed(1) : Math.round(elapsedMs)} ms`
  if (!result) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="sql-row-count">
        Done in {time}. The last statement returns no rows.
      </Typography>
    )
  }
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 0.5 }} data-testid="sql-row-count">
        <strong>{plural(result.rows.length, 'row')}</strong> · {time}
      </Typography>
      {result.truncated && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="sql-row-limit">
          Stopped at the row limit: only the first {plural(result.rows.length, 'row')} are shown, and there are more. A recursive WITH without a stopping
          condition never ends on its own.
        </Alert>
      )}
      <ResultGrid columns={result.columns} rows={result.rows} label="Result" testId="sql-result" />
    </Box>
  )
}

function CheckResult({
  check,
  columns,
  referenceColumns
}: {
  check: NonNullable<ReturnType<typeof useSqlDrill>['check']>
  columns: SqlResultSet | null
  referenceColumns: SqlResultSet | null
}) {
  const matched = check.verdict === 'match'
  const which = check.referenceCount > 1 ? ` (reference query ${check.referenceIndex + 1} of ${check.referenceCount})` : ''
  return (
    <Alert severity={matched ? 'success' : 'warning'} data-testid="sql-check-result" sx={{ '& .MuiAlert-message': { width: '100%', minWidth: 0 } }}>
      <AlertTitle>{matched ? 'Check: matches' : 'Check: does not match'}</AlertTitle>
      {check.summary}
      {which}
      {check.missingRows.length > 0 && referenceColumns && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="subtitle2" component="h4">
            Missing: in the reference, not in yours ({check.missingRows.length})
          </Typography>
          <ResultGrid columns={referenceColumns.columns} rows={check.missingRows} label="Missing rows" testId="sql-missing-rows" maxHeight={200} tone="missing" />
        </Box>
      )}
      {check.extraRows.length > 0 && columns && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="subtitle2" component="h4">
            Extra: in yours, not in the reference ({check.extraRows.length})
          </Typography>
          <ResultGrid columns={columns.columns} rows={check.extraRows} label="Extra rows" testId="sql-extra-rows" maxHeight={200} tone="extra" />
        </Box>
      )}
    </Alert>
  )
}

/** The drill's title, and the Oracle-to-PostgreSQL rules behind a toggle. */
function DrillHeading() {
  const [showDialect, setShowDialect] = useState(false)
  return (
    <>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1 }}>
      <Typography variant="overline" component="h2">
        SQL drill
      </Typography>
      <Typography variant="caption" color="text.secondary">
        PostgreSQL, on this machine. Oracle syntax is translated (
        <Link component="button" variant="caption" onClick={() => setShowDialect((v) => !v)} aria-expanded={showDialect}>
          {showDialect ? 'hide the rules' : 'which'}
        </Link>
        ). Every run starts from a fresh copy of the tables.
      </Typography>
    </Stack>
    <Collapse in={showDialect}>
      <Box component="ul" sx={{ mt: 0, mb: 2, pl: 3, typography: 'body2' }}>
        {dialectRules.map((rule) => (
          <li key={rule.id}>
            <code>{rule.oracle}</code> → <code>{rule.postgres}</code>: {rule.why}
          </li>
        ))}
      </Box>
    </Collapse>
    </>
  )
}

/** The SQL engine starting, failing to start, or the question's setup failing. */
function EngineStatus({ prepared, prepareError }: { prepared: SqlPrepareResult | null; prepareError: string | null }) {
  return (
    <>
      {!prepared && !prepareError && (
        <Box data-testid="sql-engine-status" sx={{ mb: 2 }}>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            Starting the SQL engine and loading the tables… (the first time takes a few seconds)
          </Typography>
          <LinearProgress aria-label="Starting the SQL engine" />
        </Box>
      )}
      {prepareError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The SQL engine could not start: {prepareError}. Reload the page to try again.
        </Alert>
      )}
      {prepared && !prepared.setup.ok && prepared.setup.error && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="sql-setup-error">
          <AlertTitle>The question’s setup script does not run here</AlertTitle>
          {errorText(prepared.setup.error)} (line numbers count from the start of the setup shown above).
        </Alert>
      )}
    </>
  )
}

function RunError({ error }: { error: SqlError }) {
  return (
    <Alert severity={error.kind === 'timeout' ? 'warning' : 'error'} data-testid="sql-error">
      <AlertTitle>
        {error.kind === 'timeout'
          ? 'Stopped: time limit'
          : error.where === 'setup'
            ? 'The setup failed'
            : error.kind === 'refused'
              ? 'Not run'
              : 'Your query failed'}
      </AlertTitle>
      {errorText(error)}
      {error.hint && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {error.hint}
        </Typography>
      )}
    </Alert>
  )
}

/** The query as PostgreSQL ran it, after the Oracle rules translated it. */
function TranslatedQuery({ rules, translated }: { rules: readonly string[]; translated: string }) {
  const [showTranslated, setShowTranslated] = useState(false)
  return (
    <Box>
      <Link component="button" variant="body2" onClick={() => setShowTranslated((v) => !v)} aria-expanded={showTranslated}>
        {showTranslated ? 'Hide' : 'Show'} the query as PostgreSQL ran it (translated: {rules.map((id) => ruleLabels[id] ?? id).join(', ')})
      </Link>
      <Collapse in={showTranslated}>
        <Box component="pre" sx={{ fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 13, p: 1, mt: 1, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto' }}>
          {translated}
        </Box>
      </Collapse>
    </Box>
  )
}
