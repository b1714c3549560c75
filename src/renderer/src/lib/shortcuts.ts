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

export const globalShortcuts: Shortcut[] = [
  { keys: '?', description: 'Show this list of shortcuts' },
  ...pages.map((page, index) => ({ keys: `Alt+${index + 1}`, description: `Go to ${page.label}` })),
  { keys: 'Alt+T', description: 'Switch between light and dark theme' },
  { keys: 'Esc', description: 'Close a dialog' },
  { keys: '/', description: 'Library: search questions' },
  { keys: 'R', description: 'Question page: reveal or hide the answer' },
  { keys: 'Space', description: 'Session: start or stop recording' },
  { keys: 'N', description: 'Session: next question' },
  { keys: 'P', description: 'Session: pause or resume the clock' }
]

/** Typing in a field must never trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}
