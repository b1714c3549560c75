import { useCallback, useEffect, useState } from 'react'
import { Alert, LinearProgress, Stack } from '@mui/material'
import HistoryIcon from '@mui/icons-material/History'
import { isResumable, type Session } from '../../../../shared/session'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { api } from '../../lib/api'
import { useLibrary } from '../library'
import { SessionList } from './SessionList'
import { SessionSetup } from './SessionSetup'

/** Resume an interrupted session, start a new one, or look back at past ones. */
export default function PracticeHome() {
  const { library, error: libraryError } = useLibrary()
  const [sessions, setSessions] = useState<Session[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    api.listSessions().then(setSessions, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }, [])
  useEffect(load, [load])

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
        {inProgress.length > 0 && (
          <SessionList title="Resume where you stopped" label="Sessions in progress" sessions={inProgress} resumable onChanged={load} />
        )}
        {library ? <SessionSetup /> : !libraryError && <LinearProgress aria-label="Loading question banks" />}
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
