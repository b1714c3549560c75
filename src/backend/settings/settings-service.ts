import type { Settings, SettingsPatch } from '@shared/settings'
import type { Store } from '../storage/store'

/** The one writer of the user's settings. */
export class SettingsService {
  constructor(private readonly store: Store) {}

  get(): Settings {
    return this.store.read().settings
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const db = await this.store.update((draft) => {
      draft.settings = { ...draft.settings, ...patch }
    })
    return db.settings
  }
}
