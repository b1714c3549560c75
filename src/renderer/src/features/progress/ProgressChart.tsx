import { useMemo } from 'react'
import { Box, Typography } from '@mui/material'
import { LineChart } from '@mui/x-charts/LineChart'
import { dailySeriesByKind, dayKeyToDate, type Metric } from '@shared/practice/progress'
import type { AttemptSummary } from '@shared/practice/attempt-summary'
import { kindLabels } from '../library'

export const metricLabels: Record<Metric, string> = { overall: 'Score', wpm: 'Pace (words per minute)', fillersPerMinute: 'Fillers per minute' }

const dateLabel = (date: Date) => date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })

/** One line per question kind over the days practised (each day's mean). */
export function ProgressChart({ summaries, metric }: { summaries: readonly AttemptSummary[]; metric: Metric }) {
  const daily = useMemo(() => dailySeriesByKind(summaries, metric), [summaries, metric])
  const dates = daily.days.map(dayKeyToDate)
  const [first] = dates
  const last = dates.at(-1)
  if (!first || !last) {
    return (
      <Typography color="text.secondary" sx={{ py: 4 }}>
        {metric === 'overall' ? 'No scored answers yet.' : 'Pace and fillers come from recorded answers: typed ones have no timing.'}
      </Typography>
    )
  }
  const summary = daily.series.map((s) => `${kindLabels[s.kind]}: ${s.values.filter((v) => v !== null).join(', ')}`).join('; ')
  return (
    <Box role="img" aria-label={`${metricLabels[metric]} by day from ${dateLabel(first)} to ${dateLabel(last)}. ${summary}`} data-testid="progress-chart">
      <LineChart
        height={300}
        xAxis={[
          {
            scaleType: 'time',
            data: dates,
            valueFormatter: (value: Date) => dateLabel(value),
            tickNumber: Math.min(dates.length, 8),
            // A single day still gets a visible span around its point.
            ...(dates.length === 1 ? { min: new Date(first.getTime() - 86_400_000), max: new Date(first.getTime() + 86_400_000) } : {})
          }
        ]}
        yAxis={[{ label: metricLabels[metric], ...(metric === 'overall' ? { min: 0, max: 100 } : { min: 0 }), width: 60 }]}
        series={daily.series.map((s) => ({
          id: s.kind,
          label: kindLabels[s.kind],
          data: s.values,
          connectNulls: true,
          showMark: true,
          valueFormatter: (v: number | null) => (v === null ? '' : String(v))
        }))}
        grid={{ horizontal: true }}
      />
    </Box>
  )
}
