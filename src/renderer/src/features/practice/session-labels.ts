import type { SessionType } from '@shared/session'

export const sessionTypeLabels: Record<SessionType, string> = {
  behavioral: 'Behavioral (STAR)',
  'system-design': 'System design',
  drill: 'SQL and concept drill',
  mixed: 'Mixed'
}
