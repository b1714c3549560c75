import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

export const APP_DIR_NAME = 'mockroom'

/**
 * Where mockroom keeps its data when not told otherwise: `APP_DATA_DIR` if set, else the folder
 * Electron's `app.getPath('userData')` gives an app named mockroom, so the CLI, browser mode
 * and the desktop app share one data file, one audio folder and one set of models.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  if (env.APP_DATA_DIR) return env.APP_DATA_DIR
  switch (platform) {
    case 'win32':
      return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
    case 'darwin':
      return posix.join(home, 'Library', 'Application Support', APP_DIR_NAME)
    default:
      // Electron (via Chromium) follows the XDG base-directory spec, but only for absolute paths.
      return posix.join(env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : posix.join(home, '.config'), APP_DIR_NAME)
  }
}
