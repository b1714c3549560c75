import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Settings, SettingsPatch } from '@shared/settings'
import { api } from './api'
import { messageOf } from '@shared/errors'

interface SettingsContextValue {
  settings: Settings
  updateSettings: (patch: SettingsPatch) => Promise<void>
}

const SettingsContext = createContext<SettingsContextValue | null>(null)

/** Loads settings from the backend before rendering, so the first paint has the right theme. */
export function SettingsProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api.getSettings().then(setSettings, (e: unknown) => setError(messageOf(e)))
  }, [])

  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    setSettings(await api.updateSettings(patch))
  }, [])

  const value = useMemo(() => (settings ? { settings, updateSettings } : null), [settings, updateSettings])
  if (error) throw new Error(`Could not load settings: ${error}`)
  if (!value) return fallback
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext)
  if (!value) throw new Error('useSettings must be used inside SettingsProvider')
  return value
}
