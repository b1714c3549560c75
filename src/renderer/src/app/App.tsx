import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { CssBaseline, LinearProgress, ThemeProvider, useMediaQuery } from '@mui/material'
import { HashRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router'
import { LibraryPage, LibraryProvider, QuestionPage } from '../features/library'

// The Library is the first screen; every other page loads when first opened, so the scorer,
// the recorder and the whiteboard never weigh on start-up.
const PracticePage = lazy(() => import('../features/practice').then((m) => ({ default: m.PracticePage })))
const ReviewPage = lazy(() => import('../features/review').then((m) => ({ default: m.ReviewPage })))
const ProgressPage = lazy(() => import('../features/progress').then((m) => ({ default: m.ProgressPage })))
const SettingsPage = lazy(() => import('../features/settings').then((m) => ({ default: m.SettingsPage })))
import { AppLayout } from './AppLayout'
import { ErrorBoundary } from './ErrorBoundary'
import { SettingsProvider, useSettings } from '../lib/settings-context'
import { ShortcutSheet } from './ShortcutSheet'
import { isTypingTarget, pages } from '../lib/shortcuts'
import { buildTheme, type ColorMode } from './theme'

function useColorMode(): ColorMode {
  const { settings } = useSettings()
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true })
  if (settings.theme === 'system') return systemDark ? 'dark' : 'light'
  return settings.theme
}

function Shell() {
  const mode = useColorMode()
  const { updateSettings } = useSettings()
  const theme = useMemo(() => buildTheme(mode), [mode])
  const [sheetOpen, setSheetOpen] = useState(false)
  const navigate = useNavigate()
  const location = useLocation()

  const toggleTheme = () => void updateSettings({ theme: mode === 'dark' ? 'light' : 'dark' })

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault()
        setSheetOpen(true)
        return
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        const page = pages[Number(event.code.replace('Digit', '')) - 1]
        if (/^Digit[1-9]$/.test(event.code) && page) {
          event.preventDefault()
          void navigate(page.path)
        } else if (event.code === 'KeyT') {
          event.preventDefault()
          toggleTheme()
        }
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <AppLayout colorMode={mode} onToggleTheme={toggleTheme} onShowShortcuts={() => setSheetOpen(true)}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<LinearProgress aria-label="Loading page" />}>
          <Routes>
            <Route path="/" element={<Navigate to="/library" replace />} />
            <Route path="/library" element={<LibraryPage />} />
            <Route path="/library/q/:id" element={<QuestionPage />} />
            <Route path="/practice/*" element={<PracticePage />} />
            <Route path="/review/*" element={<ReviewPage />} />
            <Route path="/progress" element={<ProgressPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<Navigate to="/library" replace />} />
          </Routes>
          </Suspense>
        </ErrorBoundary>
      </AppLayout>
      <ShortcutSheet open={sheetOpen} onClose={() => setSheetOpen(false)} />
    </ThemeProvider>
  )
}

export function App() {
  return (
    <ErrorBoundary>
      <SettingsProvider fallback={<LinearProgress aria-label="Loading mockroom" />}>
        <LibraryProvider>
          <HashRouter>
            <Shell />
          </HashRouter>
        </LibraryProvider>
      </SettingsProvider>
    </ErrorBoundary>
  )
}
