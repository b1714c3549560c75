import { lazy, Suspense } from 'react'
import { LinearProgress } from '@mui/material'
import { Navigate, Route, Routes } from 'react-router'

// Loaded on first visit: the first screen (the Library) does not pay for Practice.
const PracticeHome = lazy(() => import('./PracticeHome'))
const SessionRunner = lazy(() => import('./SessionRunner'))

/** Mounted at /practice/*: setup and resume list at /practice, the runner at /practice/session/:id. */
export function PracticePage() {
  return (
    <Suspense fallback={<LinearProgress aria-label="Loading Practice" />}>
      <Routes>
        <Route index element={<PracticeHome />} />
        <Route path="session/:id" element={<SessionRunner />} />
        <Route path="*" element={<Navigate to="/practice" replace />} />
      </Routes>
    </Suspense>
  )
}
