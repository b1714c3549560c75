import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { LibrarySummary, Question } from '@shared/banks/types'
import { api } from '../../lib/api'
import { messageOf } from '@shared/errors'

interface LibraryState {
  /** Banks, rubrics and question summaries: enough for lists, filters and planning. */
  library: LibrarySummary | null
  error: string | null
  reload: () => Promise<void>
  setLibrary: (library: LibrarySummary) => void
  /**
   * Whole questions by id, fetched once per library load and shared by every page (unknown ids
   * are absent). Questions of removed banks that answers refer to are included.
   */
  loadQuestions: (ids: readonly string[]) => Promise<Map<string, Question>>
}

const LibraryContext = createContext<LibraryState | null>(null)

/** Largest batch the contract's getQuestions accepts. */
const batchSize = 1000

/** The parsed banks, loaded once and shared by the Library, Practice and Review pages. */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const [library, setLibraryState] = useState<LibrarySummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const cache = useRef(new Map<string, Promise<Question | null>>())

  const setLibrary = useCallback((next: LibrarySummary) => {
    // A new library (an import, a removal) may have changed any question: fetch again.
    cache.current = new Map()
    setLibraryState(next)
  }, [])

  const reload = useCallback(async () => {
    try {
      setLibrary(await api.getLibrary())
      setError(null)
    } catch (e) {
      setError(messageOf(e))
    }
  }, [setLibrary])

  useEffect(() => {
    void reload()
  }, [reload])

  const loadQuestions = useCallback(async (ids: readonly string[]) => {
    const known = cache.current
    const wanted = [...new Set(ids)].filter((id) => !known.has(id))
    for (let i = 0; i < wanted.length; i += batchSize) {
      const batch = wanted.slice(i, i + batchSize)
      const fetched = api.getQuestions({ ids: batch }).then((r) => new Map(r.questions.map((q) => [q.id, q])))
      for (const id of batch) {
        const one = fetched.then((found) => found.get(id) ?? null)
        // A failed fetch is not remembered: the next page that asks tries again.
        one.catch(() => {
          if (known.get(id) === one) known.delete(id)
        })
        known.set(id, one)
      }
    }
    const found = new Map<string, Question>()
    await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const question = await known.get(id)
        if (question) found.set(id, question)
      })
    )
    return found
  }, [])

  const value = useMemo(() => ({ library, error, reload, setLibrary, loadQuestions }), [library, error, reload, setLibrary, loadQuestions])
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>
}

export function useLibrary(): LibraryState {
  const value = useContext(LibraryContext)
  if (!value) throw new Error('useLibrary must be used inside LibraryProvider')
  return value
}
