import { useEffect, useState, type RefObject } from 'react'
import { useSearchParams } from 'react-router'
import type { QuestionKind } from '@shared/banks/types'
import { isTypingTarget } from '../../lib/shortcuts'

export const PAGE_SIZE = 100

export interface LibraryParams {
  query: string
  kinds: QuestionKind[]
  /** '' for all banks. */
  bankId: string
  /** '' for all sections. */
  section: string
  answer: string
  /** How many results show; back to one page whenever a filter changes. */
  limit: number
  showMore: () => void
  /** Sets (or, with null or '', clears) search parameters, keeping the others. */
  update: (changes: Record<string, string | null>) => void
}

/** The library's search and filters, kept in the address so Back and a reload keep them. */
export function useLibraryParams(): LibraryParams {
  const [params, setParams] = useSearchParams()
  const [limit, setLimit] = useState(PAGE_SIZE)

  const update = (changes: Record<string, string | null>) => {
    setLimit(PAGE_SIZE)
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        return next
      },
      { replace: true }
    )
  }

  return {
    query: params.get('q') ?? '',
    kinds: (params.get('kind')?.split(',').filter(Boolean) ?? []) as QuestionKind[],
    bankId: params.get('bank') ?? '',
    section: params.get('section') ?? '',
    answer: params.get('answer') ?? 'any',
    limit,
    showMore: () => setLimit((n) => n + PAGE_SIZE),
    update
  }
}

/** "/" anywhere but in a text field focuses the search box. */
export function useSlashToSearch(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTypingTarget(event.target)) {
        event.preventDefault()
        searchRef.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [searchRef])
}
