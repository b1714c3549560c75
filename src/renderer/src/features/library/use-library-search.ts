import { useEffect, useMemo, useState } from 'react'
import type { LibrarySummary, QuestionSummary } from '@shared/banks/types'
import { buildSearchIndex, searchQuestions, type QuestionFilters } from '@shared/search/search-questions'
import { api } from '../../lib/api'
import { messageOf } from '@shared/errors'

const DEBOUNCE_MS = 150

export interface LibrarySearch {
  results: QuestionSummary[]
  /** A query is being searched in the backend (the results shown are the previous ones). */
  searching: boolean
  error: string | null
}

/**
 * Filters run here on the summaries; a text query goes to the backend, which holds the answer
 * text the renderer is not sent (a 5 MB bank's answers would otherwise cross on every load).
 */
export function useLibrarySearch(library: LibrarySummary | null, query: string, filters: QuestionFilters): LibrarySearch {
  const index = useMemo(() => (library ? buildSearchIndex(library.questions, () => '') : null), [library])
  const byId = useMemo(() => new Map(library?.questions.map((q) => [q.id, q]) ?? []), [library])
  const filterKey = JSON.stringify(filters)
  const trimmed = query.trim()
  const local = useMemo(
    () => (index && !trimmed ? searchQuestions(index, '', filters) : null),
    // filters is rebuilt by the caller on every render; its JSON form is the real dependency
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, trimmed, filterKey]
  )
  const [remote, setRemote] = useState<{ key: string; results: QuestionSummary[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const key = `${trimmed}\n${filterKey}`

  useEffect(() => {
    if (!library || !trimmed) return
    let active = true
    const timer = setTimeout(() => {
      api.searchLibrary({ query: trimmed, ...filters }).then(
        ({ ids }) => {
          if (!active) return
          setRemote({ key, results: ids.map((id) => byId.get(id)).filter((q): q is QuestionSummary => q !== undefined) })
          setError(null)
        },
        (e: unknown) => active && setError(messageOf(e))
      )
    }, DEBOUNCE_MS)
    return () => {
      active = false
      clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [library, key, byId])

  if (local) return { results: local, searching: false, error: null }
  return { results: remote?.results ?? [], searching: remote?.key !== key, error }
}
