import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '@shared/errors'

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error'

export interface Autosave {
  status: AutosaveStatus
  error: string | null
  /** Saves a pending change now (before moving to the next question, say); false when that failed. */
  flush: () => Promise<boolean>
}

/**
 * Saves `value` a moment after it stops changing, and only when it differs from what was last
 * saved (compared by `key`, e.g. a JSON string). A pending change is also saved on unmount, and
 * when the page goes away (reload, tab closed).
 */
export function useAutosave<T>(value: T, key: string, save: (value: T) => Promise<void>, delayMs = 1200): Autosave {
  const [status, setStatus] = useState<AutosaveStatus>('idle')
  const [error, setError] = useState<string | null>(null)
  const savedKey = useRef(key)
  const latest = useRef({ value, key, save })
  latest.current = { value, key, save }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inFlight = useRef<Promise<boolean>>(Promise.resolve(true))

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    await inFlight.current
    const { value: current, key: currentKey, save: persist } = latest.current
    if (currentKey === savedKey.current) return true
    setStatus('saving')
    const run = persist(current).then(
      () => {
        savedKey.current = currentKey
        setError(null)
        setStatus(latest.current.key === currentKey ? 'saved' : 'pending')
        return true
      },
      (e: unknown) => {
        setError(messageOf(e))
        setStatus('error')
        return false
      }
    )
    inFlight.current = run
    return run
  }, [])

  useEffect(() => {
    if (key === savedKey.current) return
    setStatus('pending')
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void flush(), delayMs)
  }, [key, delayMs, flush])

  useEffect(() => () => void flush(), [flush])
  useSaveOnPageHide(flush)

  return { status, error, flush }
}

/** A reload or a closed tab unmounts nothing: `flush` sends the pending change as the page goes away. */
export function useSaveOnPageHide(flush: () => Promise<unknown>): void {
  useEffect(() => {
    const onPageHide = () => void flush()
    window.addEventListener('pagehide', onPageHide)
    return () => window.removeEventListener('pagehide', onPageHide)
  }, [flush])
}
