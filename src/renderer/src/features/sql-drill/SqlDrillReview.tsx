import { Alert, AlertTitle, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material'
import type { CorrectnessResult } from '@shared/scoring/report-schema'
import type { SqlDrillRecord } from '@shared/sql/drill-record'
import type { SqlColumn } from '@shared/sql/types'
import { ResultGrid } from './ResultGrid'

/** Rows of the result shown on the review: enough to recognise it, the count says the rest. */
const SHOWN_ROWS = 10

const plural = (n: number, word: string): string => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`

const verdictTitles: Record<NonNullable<SqlDrillRecord['lastCheck']>['verdict'], string> = {
  match: 'Check: matches',
  'wrong-rows': 'Check: wrong rows',
  'wrong-order': 'Check: right rows, wrong order',
  'wrong-columns': 'Check: right rows, other columns',
  truncated: 'Check: more rows than the row limit'
}

/** The verdict as a title; wrong rows say which way they are wrong. */
function verdictTitle(check: NonNullable<SqlDrillRecord['lastCheck']>): string {
  if (check.verdict !== 'wrong-rows') return verdictTitles[check.verdict]
  const missing = check.missingRows.length > 0
  const extra = check.extraRows.length > 0
  return missing && extra ? 'Check: missing and extra rows' : missing ? 'Check: missing rows' : extra ? 'Check: extra rows' : verdictTitles['wrong-rows']
}

/** Columns for rows whose own columns are not kept (the reference's missing rows): the result's when they fit. */
function columnsFor(rows: readonly unknown[][], known: readonly SqlColumn[] | undefined): SqlColumn[] {
  const width = rows[0]?.length ?? 0
  if (known && known.length === width) return [...known]
  return Array.from({ length: width }, (_, i) => ({ name: `column ${i + 1}`, type: '', category: 'other' as const }))
}

/** How the runs went, in words: "Run 3 times; matched on run 2". */
function runsLine(record: SqlDrillRecord): string {
  const runs = `Run ${plural(record.runs, 'time')}`
  if (record.firstMatchAtRun === 1) return `${runs}; matched on the first run`
  if (record.firstMatchAtRun !== null) return `${runs}; first matched on run ${record.firstMatchAtRun}`
  return record.checkable ? `${runs}; never matched the reference` : `${runs}; the bank gives no reference query to check against`
}

export interface SqlDrillReviewProps {
  record: SqlDrillRecord
  /** The score report's judgement of the drill, when the answer was scored. */
  correctness?: CorrectnessResult | undefined
}

/** The review of a SQL drill: the query as last run (read-only), its result and the check's verdict. */
export function SqlDrillReview({ record, correctness }: SqlDrillReviewProps) {
  const check = record.lastCheck
  const result = record.lastResult
  const error = record.lastError
  return (
    <Card variant="outlined" component="section" aria-labelledby="sql-drill-review-title" data-testid="sql-drill-review" sx={{ breakInside: 'avoid' }}>
      <CardContent>
        <Typography id="sql-drill-review-title" variant="overline" component="h2">
          SQL drill
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1.5 }}>
          <Typography variant="body2" data-testid="sql-review-runs">
            {runsLine(record)}
          </Typography>
          {correctness && correctness.score !== null && (
            <Chip
              size="small"
              variant="outlined"
              color={correctness.score >= 60 ? 'success' : correctness.score > 0 ? 'warning' : 'error'}
              label={`Correctness ${correctness.score}/100`}
              data-testid="sql-review-correctness"
            />
          )}
        </Stack>

        <Stack spacing={2}>
          <ReviewedQuery query={record.query} />

          {error ? (
            <Alert severity={error.kind === 'timeout' ? 'warning' : 'error'} data-testid="sql-review-error">
              <AlertTitle>The last run failed</AlertTitle>
              {error.line ? `Line ${error.line}${error.column ? `, column ${error.column}` : ''}: ` : ''}
              {error.message}
            </Alert>
          ) : (
            result && <ReviewedResult result={result} />
          )}

          {check ? (
            <CheckDetails check={check} columns={result?.columns} />
          ) : (
            !error &&
            record.checkable && (
              <Alert severity="info" data-testid="sql-review-check">
                {record.runs === 0 ? 'The query was never run.' : 'The last query was run but not checked against the reference.'}
              </Alert>
            )
          )}
        </Stack>
      </CardContent>
    </Card>
  )
}

/** The query as last written. */
function ReviewedQuery({ query }: { query: string }) {
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" id="sql-review-query-label" gutterBottom>
        Your query
      </Typography>
      {query.trim() ? (
        <Box
          component="pre"
          tabIndex={0}
          aria-labelledby="sql-review-query-label"
          data-testid="sql-review-query"
          sx={{
            m: 0,
            p: 1.5,
            maxHeight: 240,
            overflow: 'auto',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'action.hover',
            fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
            fontSize: 13,
            lineHeight: 1.5,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere'
          }}
        >
          {query}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          No query was written.
        </Typography>
      )}
    </Box>
  )
}

/** The last run's result: its row count and first rows. */
function ReviewedResult({ result }: { result: NonNullable<SqlDrillRecord['lastResult']> }) {
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom data-testid="sql-review-row-count">
        Result: {plural(result.rowCount, 'row')}
        {result.truncated ? ' (stopped at the row limit)' : ''}
        {result.rowCount > SHOWN_ROWS ? `, the first ${SHOWN_ROWS} shown` : ''}
      </Typography>
      <ResultGrid
        columns={result.columns}
        rows={result.rows.slice(0, SHOWN_ROWS)}
        label="Your query's result"
        testId="sql-review-result"
        maxHeight={260}
      />
    </Box>
  )
}

/** The check against the reference: its verdict, and the rows missing or extra. */
function CheckDetails({ check, columns }: { check: NonNullable<SqlDrillRecord['lastCheck']>; columns: SqlColumn[] | undefined }) {
  const missing = check.missingRows
  const extra = check.extraRows
  return (
    <Alert
      severity={check.verdict === 'match' ? 'success' : 'warning'}
      data-testid="sql-review-check"
      sx={{ '& .MuiAlert-message': { width: '100%', minWidth: 0 } }}
    >
      <AlertTitle>{verdictTitle(check)}</AlertTitle>
      {check.summary}
      {missing.length > 0 && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="subtitle2" component="h4">
            Missing: in the reference, not in yours ({missing.length})
          </Typography>
          <ResultGrid columns={columnsFor(missing, columns)} rows={missing.slice(0, SHOWN_ROWS)} label="Missing rows" testId="sql-review-missing" maxHeight={200} tone="missing" showTypes={false} />
        </Box>
      )}
      {extra.length > 0 && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="subtitle2" component="h4">
            Extra: in yours, not in the reference ({extra.length})
          </Typography>
          <ResultGrid columns={columnsFor(extra, columns)} rows={extra.slice(0, SHOWN_ROWS)} label="Extra rows" testId="sql-review-extra" maxHeight={200} tone="extra" showTypes={false} />
        </Box>
      )}
    </Alert>
  )
}
