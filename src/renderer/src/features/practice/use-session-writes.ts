import { useCallback, useRef, useState } from 'react'
import { messageOf } from '@shared/errors'

export interface WriteQueue {
  /** Queues a write after every write before it; resolves to undefined when it failed (saveError says why). */
  persist: <T>(write: () => Promise<T>) => Promise<T | undefined>
  /** Resolves once every write queued so far has settled. */
  settled: () => Promise<unknown>
  /** The last save that failed, in words the user can act on. */
  saveError: string | null
  dismissSaveError: () => void
}

/** Writes run one after another, so an older state can never land after a newer one. */
export function useWriteQueue(): WriteQueue {
  const [saveError, setSaveError] = useState<string | null>(null)
  const writes = useRef<Promise<unknown>>(Promise.resolve())

  const persist = useCallback(<T,>(write: () => Promise<T>): Promise<T | undefined> => {
    const run = writes.current.then(write).then(
      (value) => value,
      (error: unknown) => {
        setSaveError(`Your progress could not be saved: ${messageOf(error)} Check that mockroom is still running, then try again.`)
        return undefined
      }
    )
    writes.current = run
    return run
  }, [])

  const settled = useCallback(() => writes.current, [])
  const dismissSaveError = useCallback(() => setSaveError(null), [])
  return { persist, settled, saveError, dismissSaveError }
}

export interface Flushes {
  registerFlush: (flush: () => Promise<void>) => () => void
  flushAll: () => Promise<void>
}

/** Pending edits (notes, whiteboard…) register a flush, run before leaving a question. */
export function useFlushes(): Flushes {
  const flushes = useRef(new Set<() => Promise<void>>())

  const flushAll = useCallback(async () => {
    await Promise.all([...flushes.current].map((flush) => flush().catch(() => undefined)))
  }, [])

  const registerFlush = useCallback((flush: () => Promise<void>) => {
    flushes.current.add(flush)
    return () => void flushes.current.delete(flush)
  }, [])

  return { registerFlush, flushAll }
}
