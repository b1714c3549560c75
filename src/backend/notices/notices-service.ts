import { AppError } from '@shared/api/result'
import type { Notice } from '@shared/notices'
import type { EventHub } from '../events'
import type { Store } from '../storage/store'

let noticeCounter = 0

/** Things the app must tell the user once; kept until dismissed, announced as they come. */
export class NoticesService {
  constructor(
    private readonly store: Store,
    private readonly events: EventHub,
    private readonly now: () => Date
  ) {}

  list(): Notice[] {
    return this.store.read().notices
  }

  async add(notice: Omit<Notice, 'id' | 'createdAt'>): Promise<Notice> {
    const at = this.now()
    noticeCounter += 1
    const saved: Notice = { ...notice, id: `${at.getTime().toString(36)}-${noticeCounter}`, createdAt: at.toISOString() }
    await this.store.update((db) => {
      db.notices.push(saved)
    })
    this.events.emit('notice', saved)
    return saved
  }

  async dismiss(id: string): Promise<Notice[]> {
    if (!this.store.read().notices.some((notice) => notice.id === id)) {
      throw new AppError('NOT_FOUND', `No notice with id ${id}.`)
    }
    const db = await this.store.update((draft) => {
      draft.notices = draft.notices.filter((notice) => notice.id !== id)
    })
    return db.notices
  }
}
