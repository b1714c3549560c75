import { useCallback, useEffect, useRef } from 'react'

/** The runner's controls focus can move to, in the order tried (the first one shown wins). */
export type FocusTarget = 'start-answering' | 'finish-answer' | 'next' | 'record' | 'typed-answer'

const selectors: Record<FocusTarget, string> = {
  'start-answering': '[data-focus-target="start-answering"]',
  'finish-answer': '[data-focus-target="finish-answer"]',
  next: '[data-focus-target="next"]',
  record: '[data-testid="stop-button"], [data-testid="record-button"]',
  'typed-answer': '[data-testid="typed-answer"]'
}

/** A wanted focus that never finds its control (the page changed meanwhile) is dropped after this. */
const GIVE_UP_MS = 4000

function focusable(element: HTMLElement): boolean {
  const visible = typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.offsetParent !== null
  return visible && !element.matches(':disabled, [aria-disabled="true"]')
}

/**
 * Moves focus to the next useful control after an action (Finish answer → Next, Next → Start
 * answering…), so it never falls back to the page. The control may appear a few renders later
 * (after a save, a new question), so the wish is kept until one of its targets can take focus.
 */
export function useRunnerFocus(): (targets: FocusTarget[]) => void {
  const wanted = useRef<{ targets: FocusTarget[]; until: number } | null>(null)

  const tryFocus = useCallback(() => {
    const wish = wanted.current
    if (!wish) return
    if (Date.now() > wish.until) {
      wanted.current = null
      return
    }
    for (const target of wish.targets) {
      const element = [...document.querySelectorAll<HTMLElement>(selectors[target])].find(focusable)
      if (element) {
        element.focus()
        wanted.current = null
        return
      }
    }
  }, [])

  // After every render: the control may have just appeared or been enabled.
  useEffect(() => {
    tryFocus()
    if (!wanted.current) return
    const retry = setInterval(() => {
      tryFocus()
      if (!wanted.current) clearInterval(retry)
    }, 100)
    return () => clearInterval(retry)
  })

  return useCallback(
    (targets: FocusTarget[]) => {
      wanted.current = { targets, until: Date.now() + GIVE_UP_MS }
      tryFocus()
    },
    [tryFocus]
  )
}
