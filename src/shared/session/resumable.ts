import type { Session } from './session-schema'

/** A session nobody touched for this long leaves the Resume list (it stays in History). */
export const RESUME_EXPIRY_MS = 14 * 24 * 60 * 60 * 1000

/** When anything of the session was last saved, as far as the session itself knows. */
export function lastTouchedAt(session: Session): number {
  const times = [session.createdAt, session.updatedAt, ...session.answers.flatMap((a) => [a.whiteboard?.updatedAt, a.mermaid?.updatedAt])]
  return Math.max(...times.filter((t): t is string => Boolean(t)).map((t) => Date.parse(t)))
}

/** Whether the Practice page offers to resume this session: in progress and touched within 14 days. */
export function isResumable(session: Session, nowMs: number): boolean {
  return session.status === 'in-progress' && nowMs - lastTouchedAt(session) < RESUME_EXPIRY_MS
}
