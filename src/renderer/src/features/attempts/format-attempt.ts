/** "3 Mar 2025, 09:40": attempts are told apart by when they were given. */
export function formatAttemptTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}
