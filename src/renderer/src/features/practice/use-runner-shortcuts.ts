import { useEffect, useRef } from 'react'
import { isTypingTarget, sessionShortcuts } from '../../lib/shortcuts'

export interface RunnerShortcutHandlers {
  startAnswering: () => void
  finishAnswer: () => void
  skip: () => void
  next: () => void
  togglePause: () => void
  /** Space records only while the answer phase runs: in the think phase it does nothing. */
  toggleRecording: () => void
  canRecord: () => boolean
}

export const runnerShortcuts = sessionShortcuts()

const letterKeys: Record<string, Exclude<keyof RunnerShortcutHandlers, 'toggleRecording' | 'canRecord'>> = {
  a: 'startAnswering',
  f: 'finishAnswer',
  s: 'skip',
  n: 'next',
  p: 'togglePause'
}

/**
 * The session keys (see `sessionShortcuts`) while a session runs; never while typing in a field
 * or drawing on the whiteboard (Excalidraw has its own single-key tools), and never with a modifier.
 */
export function useRunnerShortcuts(handlers: RunnerShortcutHandlers): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTypingTarget(event.target)) return
      if (event.target instanceof Element && event.target.closest('.excalidraw, [role="dialog"]')) return
      if (event.code === 'Space') {
        // A focused button keeps its own Space (it clicks); elsewhere Space is the record key.
        if (event.target instanceof Element && event.target.closest('button, [role="button"], a[href]')) return
        event.preventDefault()
        if (latest.current.canRecord()) latest.current.toggleRecording()
        return
      }
      if (event.shiftKey) return
      const action = letterKeys[event.key.toLowerCase()]
      if (!action) return
      event.preventDefault()
      latest.current[action]()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
