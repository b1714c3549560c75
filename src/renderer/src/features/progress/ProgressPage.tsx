import { Alert, Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material'
import InsightsIcon from '@mui/icons-material/Insights'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import type { CriterionRate } from './progress-stats'
import { ScoreChart } from './ScoreChart'
import { useProgress } from './use-progress'

function RateRow({ rate }: { rate: CriterionRate }) {
  const pct = Math.round(rate.rate * 100)
  const good = rate.kind === 'listen' ? pct >= 60 : pct === 0
  return (
    <Box data-testid="criterion-rate">
      <Box sx={{ display: 'flex', justifyContent: 'space-between', fontSize: 14, gap: 2 }}>
        <span>{rate.label}</span>
        <Box component="span" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
          {rate.kind === 'listen' ? 'met' : 'shown'} in {rate.hits}/{rate.total} ({pct}%)
        </Box>
      </Box>
      <LinearProgress
        variant="determinate"
        value={pct}
        color={rate.kind === 'reject' ? (good ? 'success' : 'error') : good ? 'success' : 'warning'}
        aria-label={`${rate.label}: ${rate.kind === 'listen' ? 'met' : 'shown'} in ${pct}% of answers`}
      />
    </Box>
  )
}

export function ProgressPage() {
  const { stats, error } = useProgress()
  const header = <PageHeader title="Progress" subtitle="How your answers improve over time." />
  if (error) {
    return (
      <>
        {header}
        <Alert severity="error">{error}</Alert>
      </>
    )
  }
  if (!stats) {
    return (
      <>
        {header}
        <LinearProgress aria-label="Loading progress" />
      </>
    )
  }
  if (stats.points.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={<InsightsIcon />} title="No progress to show yet">
          Finish a practice session and your scores, pace and filler words will be tracked here.
          {stats.unscored > 0 ? ` ${stats.unscored} answer${stats.unscored === 1 ? ' is' : 's are'} not scored yet.` : ''}
        </EmptyState>
      </>
    )
  }
  const listen = stats.criteria.filter((c) => c.kind === 'listen')
  const reject = stats.criteria.filter((c) => c.kind === 'reject')
  return (
    <>
      {header}
      <Stack spacing={2} sx={{ maxWidth: 960 }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="overline" component="h2">
              Overall score over time
            </Typography>
            <ScoreChart points={stats.points} />
            {stats.unscored > 0 && (
              <Typography variant="caption" color="text.secondary">
                {stats.unscored} answer{stats.unscored === 1 ? '' : 's'} not scored (still transcribing, empty, or the question is gone).
              </Typography>
            )}
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="overline" component="h2">
              Rubric criteria, weakest first
            </Typography>
            <Stack spacing={1.5}>
              {listen.map((rate) => (
                <RateRow key={rate.key} rate={rate} />
              ))}
            </Stack>
            {reject.length > 0 && (
              <>
                <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
                  Patterns interviewers reject (lower is better)
                </Typography>
                <Stack spacing={1.5}>
                  {reject.map((rate) => (
                    <RateRow key={rate.key} rate={rate} />
                  ))}
                </Stack>
              </>
            )}
          </CardContent>
        </Card>
      </Stack>
    </>
  )
}
