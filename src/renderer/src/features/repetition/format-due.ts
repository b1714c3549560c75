/** How a due date reads on a question page: "due today", "due tomorrow", "due in 5 days (Mar 8)". */
export function describeDue(dueIso: string, now: Date): { label: string; due: boolean } {
  const due = new Date(dueIso)
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const days = Math.round((startOf(due) - startOf(now)) / 86_400_000)
  const date = due.toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(due.getFullYear() !== now.getFullYear() ? { year: 'numeric' } : {}) })
  if (days < 0) return { label: `due since ${date} (${-days} day${days === -1 ? '' : 's'} overdue)`, due: true }
  if (days === 0) return { label: 'due today', due: true }
  if (days === 1) return { label: `due tomorrow (${date})`, due: false }
  return { label: `due in ${days} days (${date})`, due: false }
}
