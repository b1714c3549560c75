import { useState } from 'react'
import { Box, Chip, Stack, Tab, Tabs, Typography } from '@mui/material'
import type { SqlTable } from '@shared/sql/types'
import { ResultGrid } from './ResultGrid'

/** The question's tables after its setup ran: one tab per table, schema chips and the first rows. */
export function TablesPanel({ tables }: { tables: readonly SqlTable[] }) {
  const [index, setIndex] = useState(0)
  const shown = Math.min(index, tables.length - 1)
  const table = tables[shown]
  if (!table) {
    return (
      <Typography variant="body2" color="text.secondary">
        The setup creates no tables.
      </Typography>
    )
  }
  return (
    <Box data-testid="sql-tables">
      {tables.length > 1 && (
        <Tabs value={shown} onChange={(_, value: number) => setIndex(value)} variant="scrollable" aria-label="Tables" sx={{ minHeight: 36, mb: 1 }}>
          {tables.map((t) => (
            <Tab key={t.name} label={t.name} sx={{ minHeight: 36, py: 0.5, textTransform: 'none', fontFamily: 'ui-monospace, Menlo, monospace' }} />
          ))}
        </Tabs>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ fontFamily: 'ui-monospace, Menlo, monospace' }}>
          {table.name}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {table.rowCount} row{table.rowCount === 1 ? '' : 's'}
          {table.rows.length < table.rowCount ? ` (first ${table.rows.length} shown)` : ''}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} aria-label={`Columns of ${table.name}`}>
        {table.columns.map((column) => (
          <Chip key={column.name} size="small" variant="outlined" label={`${column.name} ${column.type}`} sx={{ fontFamily: 'ui-monospace, Menlo, monospace' }} />
        ))}
      </Stack>
      <ResultGrid columns={table.columns} rows={table.rows} label={`Rows of ${table.name}`} maxHeight={260} showTypes={false} />
    </Box>
  )
}
