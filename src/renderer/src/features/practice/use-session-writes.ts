import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react'
import { messageOf } from '@shared/errors'

export interface WriteQueue {
  /** Queues a write after every write before it; resolves to undefined when it failed (saveError says why). */
  persist: <T>(write: () => Promise<T>) => Promise<T | undefined>
  /** Resolves once every write queued so far has settled. */
  settled: () => Promise<unknown>
  /** The last save that failed, in words the user can act on. */
  saveError: string | null
  /** Shows a save problem found outside the queue (an edit that could not be flushed). */
  reportSaveError: (message: string) => void
  dismissSaveError: () => void
}

/** Writes run one after another, so an older state can never land after a newer one. */
export function useWriteQueue(): WriteQueue {
  const [saveError, setSaveError] = useState<string | null>(null)
  const writes = useRef<Promise<unknown>>(Promise.resolve())
  const leaving = usePageLeaving()

  const persist = useCallback(<T,>(write: () => Promise<T>): Promise<T | undefined> => {
    // As the page goes away there is no time to wait for each answer: the pending saves go at once.
    const after = leaving.current ? Promise.resolve() : writes.current
    const run = after.then(write).then(
      (value) => value,
      (error: unknown) => {
        setSaveError(`Your progress could not be saved: ${messageOf(error)} Check that mockroom is still running, then try again.`)
        return undefined
      }
    )
    writes.current = run
    return run
  }, [leaving])

  const settled = useCallback(() => writes.current, [])
  const dismissSaveError = useCallback(() => setSaveError(null), [])
  return { persist, settled, saveError, reportSaveError: setSaveError, dismissSaveError }
}

/** Saves one pending edit now; resolves false (or rejects) when it could not be saved. */
export type Flush = () => Promise<unknown>

/**
 * True from the moment the page starts to go away (reload, tab closed) until it is shown again
 * (back from the browser's page cache). Listened to in the capture phase, so it is set before
 * the edits' own pagehide handlers send what they hold.
 */
function usePageLeaving(): MutableRefObject<boolean> {
  const leaving = useRef(false)
  useEffect(() => {
    const onHide = () => void (leaving.current = true)
    const onShow = () => void (leaving.current = false)
    window.addEventListener('pagehide', onHide, { capture: true })
    window.addEventListener('pageshow', onShow)
    return () => {
      window.removeEventListener('pagehide', onHide, { capture: true })
      window.removeEventListener('pageshow', onShow)
    }
  }, [])
  return leaving
}

export interface Flushes {
  registerFlush: (flush: Flush) => () => void
  /** Runs every registered flush; false when any of them could not save its edit. */
  flushAll: () => Promise<boolean>
}

/** Pending edits (notes, whiteboard…) register a flush, run before leaving a question. */
export function useFlushes(): Flushes {
  const flushes = useRef(new Set<Flush>())

  const flushAll = useCallback(async () => {
    const results = await Promise.all([...flushes.current].map((flush) => flush().then((saved) => saved !== false, () => false)))
    return results.every(Boolean)
  }, [])

  const registerFlush = useCallback((flush: Flush) => {
    flushes.current.add(flush)
    return () => void flushes.current.delete(flush)
  }, [])

  return { registerFlush, flushAll }
}
