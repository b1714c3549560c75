import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material'
import type { SqlCell, SqlColumn } from '@shared/sql/types'

export interface ResultGridProps {
  columns: readonly SqlColumn[]
  rows: readonly (readonly SqlCell[])[]
  /** Names the table for screen readers ("Result", "Missing rows", a table's name). */
  label: string
  maxHeight?: number
  testId?: string
  /** Tints the rows: missing (expected, absent) or extra (returned, not expected). */
  tone?: 'missing' | 'extra'
  /** Show each column's type under its name (the tables panel lists types as chips instead). */
  showTypes?: boolean
}

/** A result as a compact grid: NULL shown as such, numbers right-aligned, header kept in view. */
export function ResultGrid({ columns, rows, label, maxHeight = 320, testId, tone, showTypes = true }: ResultGridProps) {
  const tint = tone === 'missing' ? 'warning.main' : tone === 'extra' ? 'error.main' : undefined
  if (columns.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No columns.
      </Typography>
    )
  }
  return (
    <TableContainer sx={{ maxHeight, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid={testId} tabIndex={0} aria-label={`${label} (scrollable)`}>
      <Table size="small" stickyHeader aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((column, i) => (
              <TableCell key={i} align={column.category === 'number' ? 'right' : 'left'} sx={{ fontWeight: 600, whiteSpace: 'nowrap', py: 0.5 }} title={column.type}>
                {column.name}
                {showTypes && (
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                    {column.type}
                  </Typography>
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r} sx={tint ? { boxShadow: (theme) => `inset 3px 0 0 ${tint === 'warning.main' ? theme.palette.warning.main : theme.palette.error.main}` } : undefined}>
              {columns.map((column, c) => {
                const cell = row[c] ?? null
                return (
                  <TableCell key={c} align={column.category === 'number' ? 'right' : 'left'} sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13, py: 0.25, whiteSpace: 'nowrap' }}>
                    {cell === null ? (
                      <Box component="span" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
                        null
                      </Box>
                    ) : (
                      cell
                    )}
                  </TableCell>
                )
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
