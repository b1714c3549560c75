import { useMemo, useState } from 'react'
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Card,
  CardContent,
  Grid,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography
} from '@mui/material'
import ExpandMoreIcon from '@mui/icons-material/ExpandMore'
import InsightsIcon from '@mui/icons-material/Insights'
import TrendingDownIcon from '@mui/icons-material/TrendingDown'
import TrendingFlatIcon from '@mui/icons-material/TrendingFlat'
import TrendingUpIcon from '@mui/icons-material/TrendingUp'
import { coverageByBank, criterionTrends, progressByKind, progressByWeek, starTrends, type CoverageRow, type KindProgress, type Metric, type Trend, type WeekProgress } from '@shared/practice/progress'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { kindLabels, useLibrary } from '../library'
import { metricLabels, ProgressChart } from './ProgressChart'
import { useProgress } from './use-progress'

function Change({ value, unit = '', invert = false }: { value: number | null; unit?: string; invert?: boolean }) {
  if (value === null) return <Typography component="span" variant="body2" color="text.secondary">–</Typography>
  const rounded = Math.round(value * 10) / 10
  const better = invert ? rounded < 0 : rounded > 0
  const Icon = rounded === 0 ? TrendingFlatIcon : rounded > 0 ? TrendingUpIcon : TrendingDownIcon
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: rounded === 0 ? 'text.secondary' : better ? 'success.main' : 'error.main' }}>
      <Icon fontSize="small" aria-hidden />
      {rounded > 0 ? '+' : ''}
      {rounded}
      {unit}
    </Box>
  )
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 100))

function TrendTable({ trends, caption, testId }: { trends: Trend[]; caption: string; testId: string }) {
  return (
    <Table size="small" aria-label={caption} data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{caption}</TableCell>
          <TableCell sx={{ width: '28%' }}>Now</TableCell>
          <TableCell align="right">Earlier → recent</TableCell>
          <TableCell align="right">Answers</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {trends.map((t) => {
          const now = Math.round((t.recent ?? t.value) * 100)
          return (
            <TableRow key={t.key}>
              <TableCell>{t.type === 'reject' ? `Avoids: ${t.label}` : t.label}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <LinearProgress variant="determinate" value={now} sx={{ flex: 1 }} color={now >= 60 ? 'success' : 'warning'} aria-label={`${t.label}: ${now}%`} />
                  <Typography variant="body2" sx={{ width: 40, textAlign: 'right' }}>
                    {now}%
                  </Typography>
                </Stack>
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {t.earlier === null ? '–' : `${pct(t.earlier)}% → ${pct(t.recent)}% `}
                {t.change !== null && <Change value={pct(t.change)} unit=" pts" />}
              </TableCell>
              <TableCell align="right">{t.attempts}</TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}

function Section({ title, children, subtitle }: { title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <Card variant="outlined" component="section">
      <CardContent>
        <Typography variant="overline" component="h2">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {subtitle}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  )
}

export function ProgressPage() {
  const { summaries, unscored, error } = useProgress()
  const { library } = useLibrary()
  const [metric, setMetric] = useState<Metric>('overall')
  const kinds = useMemo(() => (summaries ? progressByKind(summaries) : []), [summaries])
  const weeks = useMemo(() => (summaries ? progressByWeek(summaries).reverse().slice(0, 8) : []), [summaries])
  const criteria = useMemo(() => (summaries ? criterionTrends(summaries) : []), [summaries])
  const star = useMemo(() => (summaries ? starTrends(summaries) : []), [summaries])
  const coverage = useMemo(() => (summaries && library ? coverageByBank(library.questions, library.banks, summaries) : []), [summaries, library])

  const header = <PageHeader title="Progress" subtitle="Am I getting better? Scores, pace and fillers over time, per kind of question." />
  if (error || !summaries) {
    return (
      <>
        {header}
        {error ? <Alert severity="error">{error}</Alert> : <LinearProgress aria-label="Loading progress" />}
      </>
    )
  }
  if (summaries.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={<InsightsIcon />} title="No progress to show yet">
          Answer a few questions and your scores, pace and filler words are tracked here, per kind of question.
          {unscored > 0 ? ` ${unscored} answer${unscored === 1 ? ' is' : 's are'} not scored yet.` : ''}
        </EmptyState>
      </>
    )
  }
  return (
    <>
      {header}
      <Stack spacing={2} sx={{ maxWidth: 1100 }}>
        <KindCards kinds={kinds} />

        <Section title="Over time" subtitle="One line per kind of question; each point is that day's mean.">
          <ToggleButtonGroup exclusive size="small" value={metric} aria-label="Measure" onChange={(_e, v: Metric | null) => v && setMetric(v)} sx={{ mb: 1, flexWrap: 'wrap' }}>
            {(Object.keys(metricLabels) as Metric[]).map((m) => (
              <ToggleButton key={m} value={m}>
                {m === 'overall' ? 'Score' : m === 'wpm' ? 'Pace' : 'Fillers'}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <ProgressChart summaries={summaries} metric={metric} />
          {unscored > 0 && (
            <Typography variant="caption" color="text.secondary">
              {unscored} answer{unscored === 1 ? '' : 's'} not scored (still transcribing, empty, or the question is gone).
            </Typography>
          )}
        </Section>

        <Section title="Week by week">
          <WeekTable weeks={weeks} />
        </Section>

        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: star.length > 0 ? 7 : 12 }}>
            <Section title="Rubric criteria, weakest first" subtitle="Share of answers that met each criterion; a reject pattern counts when avoided.">
              <TrendTable trends={criteria} caption="Criterion" testId="criterion-trends" />
            </Section>
          </Grid>
          {star.length > 0 && (
            <Grid size={{ xs: 12, lg: 5 }}>
              <Section title="STAR parts, weakest first" subtitle="How fully your stories cover each part.">
                <TrendTable trends={star} caption="Part" testId="star-trends" />
              </Section>
            </Grid>
          )}
        </Grid>

        <Section title="Coverage" subtitle="Questions practised out of all, and the mean of their latest scores.">
          <CoverageList coverage={coverage} />
        </Section>
      </Stack>
    </>
  )
}

/** Each kind of question: its latest score, how many answers and the change. */
function KindCards({ kinds }: { kinds: readonly KindProgress[] }) {
  return (
    <Grid container spacing={2} data-testid="kind-progress">
      {kinds.map((k) => (
        <Grid key={k.kind} size={{ xs: 12, sm: 6, md: 3 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="overline">{kindLabels[k.kind]}</Typography>
              <Typography variant="h4" component="p">
                {k.latestScore}
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}latest
                </Typography>
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {k.attempts} answer{k.attempts === 1 ? '' : 's'} · mean {k.meanScore} · <Change value={k.change} />
              </Typography>
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  )
}

function WeekTable({ weeks }: { weeks: readonly WeekProgress[] }) {
  return (
    <Table size="small" aria-label="Week by week">
      <TableHead>
        <TableRow>
          <TableCell>Week of</TableCell>
          <TableCell align="right">Answers</TableCell>
          <TableCell align="right">Mean score</TableCell>
          <TableCell align="right">Pace (WPM)</TableCell>
          <TableCell align="right">Fillers / min</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {weeks.map((w) => (
          <TableRow key={w.week}>
            <TableCell>{new Date(`${w.week}T12:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}</TableCell>
            <TableCell align="right">{w.attempts}</TableCell>
            <TableCell align="right">{w.meanScore}</TableCell>
            <TableCell align="right">{w.meanWpm ?? '–'}</TableCell>
            <TableCell align="right">{w.meanFillersPerMinute ?? '–'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

/** Per bank, how many questions were practised and their mean latest score; its sections inside. */
function CoverageList({ coverage }: { coverage: readonly CoverageRow[] }) {
  return (
    <Box data-testid="coverage">
      {coverage.map((bank) => (
        <Accordion key={bank.id} disableGutters variant="outlined" sx={{ '&:before': { display: 'none' } }}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`coverage-${bank.id}`} sx={{ '& .MuiAccordionSummary-content': { minWidth: 0 } }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', width: '100%', pr: 1 }}>
              <Typography sx={{ flex: 1, minWidth: 0 }} noWrap>
                {bank.title}
              </Typography>
              <LinearProgress variant="determinate" value={(bank.practised / bank.total) * 100} sx={{ width: { xs: 60, sm: 140 } }} aria-label={`${bank.title}: ${bank.practised} of ${bank.total} practised`} />
              <Typography variant="body2" sx={{ width: 150, textAlign: 'right' }} color="text.secondary">
                {bank.practised}/{bank.total} · {bank.meanLatestScore === null ? 'no score' : `avg ${bank.meanLatestScore}`}
              </Typography>
            </Stack>
          </AccordionSummary>
          <AccordionDetails id={`coverage-${bank.id}`}>
            <Table size="small" aria-label={`${bank.title} by section`}>
              <TableBody>
                {bank.sections.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>{s.title}</TableCell>
                    <TableCell align="right">
                      {s.practised}/{s.total}
                    </TableCell>
                    <TableCell align="right">{s.meanLatestScore ?? '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  )
}
