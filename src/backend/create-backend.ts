import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo } from '../shared/contract'
import type { Handlers } from '../shared/api/handlers'
import { AppError } from '../shared/api/result'
import type { Notice } from '../shared/notices'
import { EventHub } from './events'
import { openStore } from './storage/store'

export interface BackendOptions {
  /** Where the data file, audio and models live (Electron's userData or APP_DATA_DIR). */
  dataDir: string
  /** The folder holding package.json, question-banks/ and resources/. */
  appRoot: string
  host: AppInfo['host']
  now?: () => Date
}

export interface Backend {
  /** Implements every method of the contract: the compiler rejects a missing one. */
  api: Handlers
  events: EventHub
  dataDir: string
  close(): Promise<void>
}

let noticeCounter = 0

function noticeId(now: Date): string {
  noticeCounter += 1
  return `${now.getTime().toString(36)}-${noticeCounter}`
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const events = new EventHub()
  const { store, recovery } = await openStore({ dataDir: options.dataDir, now })
  const version = (JSON.parse(readFileSync(join(options.appRoot, 'package.json'), 'utf8')) as { version: string })
    .version

  if (recovery) {
    const at = now()
    const notice: Notice = {
      id: noticeId(at),
      kind: 'data-file-recovered',
      severity: 'warning',
      message:
        `Your data file could not be read (${recovery.reason}). It was moved aside, unchanged, ` +
        `and mockroom started with a fresh one. The old file is at: ${recovery.movedTo}`,
      path: recovery.movedTo,
      createdAt: at.toISOString()
    }
    await store.update((db) => {
      db.notices.push(notice)
    })
  }

  const api: Handlers = {
    async getAppInfo() {
      return { name: 'mockroom', version, host: options.host, dataDir: options.dataDir, dataFile: store.file }
    },
    async getSettings() {
      return store.read().settings
    },
    async updateSettings(patch) {
      const db = await store.update((draft) => {
        draft.settings = { ...draft.settings, ...patch }
      })
      return db.settings
    },
    async listNotices() {
      return store.read().notices
    },
    async dismissNotice({ id }) {
      if (!store.read().notices.some((notice) => notice.id === id)) {
        throw new AppError('NOT_FOUND', `No notice with id ${id}.`)
      }
      const db = await store.update((draft) => {
        draft.notices = draft.notices.filter((notice) => notice.id !== id)
      })
      return db.notices
    }
  }

  return {
    api,
    events,
    dataDir: options.dataDir,
    async close() {
      // Nothing holds OS resources yet; transcription and recording add theirs here.
    }
  }
}
