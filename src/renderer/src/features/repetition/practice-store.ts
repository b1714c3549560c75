import { useSyncExternalStore } from 'react'
import type { PracticeOverview } from '@shared/practice/practice-schema'
import { api, onEvent } from '../../lib/api'
import { messageOf } from '@shared/errors'

/**
 * One copy of the spaced-repetition overview (due questions, next due dates, favorites) for
 * every component that shows part of it: a Library page with a hundred star buttons makes one
 * request, not a hundred. Refreshed when an answer changes (its score may have moved a card).
 */
interface Snapshot {
  overview: PracticeOverview | null
  error: string | null
}

let snapshot: Snapshot = { overview: null, error: null }
let loading: Promise<void> | null = null
let unsubscribeEvents: (() => void) | null = null
let refreshTimer: ReturnType<typeof setTimeout> | null = null
const listeners = new Set<() => void>()

function set(next: Snapshot): void {
  snapshot = next
  for (const listener of listeners) listener()
}

export function refreshPractice(): Promise<void> {
  loading ??= api
    .getPractice({})
    .then(
      (overview) => set({ overview, error: null }),
      (e: unknown) => set({ ...snapshot, error: messageOf(e) })
    )
    .finally(() => {
      loading = null
    })
  return loading
}

/** After a change made here (a star), the backend's answer is the new truth. */
export function replacePractice(overview: PracticeOverview): void {
  set({ overview, error: null })
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (listeners.size === 1) {
    void refreshPractice()
    unsubscribeEvents = onEvent('answer', () => {
      // Autosaves arrive in bursts while typing: one refresh after they settle.
      if (refreshTimer) clearTimeout(refreshTimer)
      refreshTimer = setTimeout(() => void refreshPractice(), 1000)
    })
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) {
      unsubscribeEvents?.()
      unsubscribeEvents = null
      if (refreshTimer) clearTimeout(refreshTimer)
    }
  }
}

export function usePracticeOverview(): Snapshot {
  return useSyncExternalStore(subscribe, () => snapshot)
}
