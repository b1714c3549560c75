import { useEffect, useMemo, useState } from 'react'
import { CssBaseline, LinearProgress, ThemeProvider, useMediaQuery } from '@mui/material'
import { HashRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router'
import { LibraryPage, LibraryProvider, QuestionPage } from '../features/library'
import { PracticePage } from '../features/practice'
import { ProgressPage } from '../features/progress'
import { ReviewPage } from '../features/review'
import { SettingsPage } from '../features/settings'
import { AppLayout } from './AppLayout'
import { ErrorBoundary } from './ErrorBoundary'
import { SettingsProvider, useSettings } from './settings-context'
import { ShortcutSheet } from './ShortcutSheet'
import { isTypingTarget, pages } from './shortcuts'
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
