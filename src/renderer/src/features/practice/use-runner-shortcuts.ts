import { useEffect, useRef } from 'react'
import { isTypingTarget } from '../../lib/shortcuts'
import { RECORDING_TOGGLE_EVENT } from './RecordingSlot'

export interface RunnerShortcutHandlers {
  next: () => void
  togglePause: () => void
  /** Space records only while the answer phase runs: in the think phase it does nothing. */
  canRecord: () => boolean
}

export const runnerShortcuts = [
  { keys: 'Space', description: 'start or stop recording (answer phase)' },
  { keys: 'N', description: 'next question' },
  { keys: 'P', description: 'pause or resume the clock' }
] as const

/**
 * Space, N and P while a session runs; never while typing in a field or drawing on the
 * whiteboard (Excalidraw has its own single-key tools).
 */
export function useRunnerShortcuts(handlers: RunnerShortcutHandlers): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTypingTarget(event.target)) return
      if (event.target instanceof Element && event.target.closest('.excalidraw')) return
      if (event.code === 'Space') {
        // A focused button keeps its own Space (it clicks); elsewhere Space is the record key.
        if (event.target instanceof Element && event.target.closest('button, [role="button"], a[href]')) return
        event.preventDefault()
        if (latest.current.canRecord()) window.dispatchEvent(new CustomEvent(RECORDING_TOGGLE_EVENT))
      } else if (event.key.toLowerCase() === 'n') {
        event.preventDefault()
        latest.current.next()
      } else if (event.key.toLowerCase() === 'p') {
        event.preventDefault()
        latest.current.togglePause()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
