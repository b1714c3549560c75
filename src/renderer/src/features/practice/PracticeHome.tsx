import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material'
import EventRepeatIcon from '@mui/icons-material/EventRepeat'
import { Link as RouterLink, useSearchParams } from 'react-router'
import { SCORE_RATING_DOC } from '@shared/practice/rating'
import HistoryIcon from '@mui/icons-material/History'
import { isResumable, type Session } from '@shared/session'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { api } from '../../lib/api'
import { useLibrary } from '../library'
import { usePracticeOverview } from '../repetition'
import { SessionList } from './SessionList'
import { SessionSetup } from './SessionSetup'
import { messageOf } from '@shared/errors'

function BoxedText({ due }: { due: number | null }) {
  return (
    <div>
      <Typography variant="h6" component="h2" id="due-title" data-testid="due-today">
        Due today: {due ?? '…'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {SCORE_RATING_DOC} Weak answers come back sooner.
      </Typography>
    </div>
  )
}

/** Resume an interrupted session, start a new one, or look back at past ones. */
export default function PracticeHome() {
  const { library, error: libraryError } = useLibrary()
  const [sessions, setSessions] = useState<Session[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    api.listSessions().then(setSessions, (e: unknown) => setError(messageOf(e)))
  }, [])
  useEffect(load, [load])

  const { overview } = usePracticeOverview()
  const [params] = useSearchParams()
  const due = overview?.dueToday.length ?? null
  // Sessions nobody touched for 14 days leave the Resume list on their own; they stay in the past ones.
  const now = Date.now()
  const inProgress = sessions?.filter((s) => isResumable(s, now)) ?? []
  const past = sessions?.filter((s) => !isResumable(s, now)) ?? []

  return (
    <>
      <PageHeader title="Practice" subtitle="Timed mock interviews: behavioral (STAR), system design, drills." />
      <Stack spacing={3}>
        {error && <Alert severity="error">Your sessions could not be listed: {error}</Alert>}
        {libraryError && <Alert severity="error">The question banks could not be loaded: {libraryError}</Alert>}
        <Card variant="outlined" component="section" aria-labelledby="due-title">
          <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <EventRepeatIcon color={due ? 'warning' : 'disabled'} />
            <BoxedText due={due} />
            {due ? (
              <Button component={RouterLink} to="/practice?source=due" variant="outlined" sx={{ ml: 'auto' }}>
                Practise due questions
              </Button>
            ) : null}
          </CardContent>
        </Card>
        {inProgress.length > 0 && (
          <SessionList title="Resume where you stopped" label="Sessions in progress" sessions={inProgress} resumable onChanged={load} />
        )}
        {library ? <SessionSetup key={params.get('source') ?? ''} /> : !libraryError && <LinearProgress aria-label="Loading question banks" />}
        {sessions === null && !error ? null : past.length > 0 ? (
          <SessionList title="Past sessions" label="Past sessions" sessions={past} />
        ) : (
          inProgress.length === 0 && (
            <EmptyState icon={<HistoryIcon />} title="No practice session yet">
              Start one above: it picks questions from your banks, runs the clock and keeps your answers on this machine.
            </EmptyState>
          )
        )}
      </Stack>
    </>
  )
}
