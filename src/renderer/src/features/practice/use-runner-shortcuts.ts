import { useEffect, useRef } from 'react'
import { isTypingTarget } from '../../app/shortcuts'
import { RECORDING_TOGGLE_EVENT } from './RecordingSlot'

export interface RunnerShortcutHandlers {
  next: () => void
  togglePause: () => void
}

export const runnerShortcuts = [
  { keys: 'Space', description: 'start or stop recording' },
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
        event.preventDefault()
        window.dispatchEvent(new CustomEvent(RECORDING_TOGGLE_EVENT))
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
