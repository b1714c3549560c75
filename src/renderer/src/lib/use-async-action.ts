import { useState } from 'react'
import { messageOf } from '@shared/errors'

export interface AsyncAction {
  /** The action is running (its buttons are disabled). */
  busy: boolean
  /** Why the last run failed, in the words of the error; null after a success or a reset. */
  error: string | null
  run: (action: () => Promise<void>) => Promise<void>
  reset: () => void
}

/** Runs a dialog's action once at a time, keeping its failure to show in the dialog. */
export function useAsyncAction(): AsyncAction {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run, reset: () => setError(null) }
}
