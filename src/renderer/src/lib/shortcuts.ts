/** Every global keyboard shortcut, as data: the handler and the help sheet both read it. */
export interface Shortcut {
  keys: string
  description: string
}

export const pages = [
  { path: '/library', label: 'Library' },
  { path: '/practice', label: 'Practice' },
  { path: '/review', label: 'Review' },
  { path: '/progress', label: 'Progress' },
  { path: '/settings', label: 'Settings' }
] as const

/** The keys of a running practice session (not while typing in a field or drawing). */
export function sessionShortcuts(): Array<Shortcut & { short: string }> {
  return [
    { keys: 'A', short: 'start answering', description: 'start answering (end the think phase)' },
    { keys: 'Space', short: 'record / stop', description: 'start or stop recording (answer phase only)' },
    { keys: 'F', short: 'finish answer', description: 'finish the answer' },
    { keys: 'P', short: 'pause', description: 'pause or resume the clock' },
    { keys: 'S', short: 'skip', description: 'skip the question' },
    { keys: 'N', short: 'next', description: 'next question (or finish the session)' }
  ]
}

export const globalShortcuts: Shortcut[] = [
  { keys: '?', description: 'Show this list of shortcuts' },
  ...pages.map((page, index) => ({ keys: `Alt+${index + 1}`, description: `Go to ${page.label}` })),
  { keys: 'Alt+T', description: 'Switch between light and dark theme' },
  { keys: 'Esc', description: 'Close a dialog' },
  { keys: '/', description: 'Library: search questions' },
  { keys: 'R', description: 'Question page: reveal or hide the answer' },
  ...sessionShortcuts().map((shortcut) => ({ keys: shortcut.keys, description: `Session: ${shortcut.description}` }))
]

/** Typing in a field must never trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}
