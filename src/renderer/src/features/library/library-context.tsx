import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { BankLibrary } from '../../../../shared/banks/types'
import { buildSearchIndex, type SearchIndex } from '../../../../shared/search/search-questions'
import { api } from '../../lib/api'

interface LibraryState {
  library: BankLibrary | null
  index: SearchIndex | null
  error: string | null
  reload: () => Promise<void>
  setLibrary: (library: BankLibrary) => void
}

const LibraryContext = createContext<LibraryState | null>(null)

/** The parsed banks, loaded once and shared by the Library, Practice and Review pages. */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const [library, setLibrary] = useState<BankLibrary | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(async () => {
    try {
      setLibrary(await api.getLibrary())
      setError(null)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const index = useMemo(() => (library ? buildSearchIndex(library.questions) : null), [library])
  const value = useMemo(() => ({ library, index, error, reload, setLibrary }), [library, index, error, reload])
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>
}

export function useLibrary(): LibraryState {
  const value = useContext(LibraryContext)
  if (!value) throw new Error('useLibrary must be used inside LibraryProvider')
  return value
}
