// Opens a URL in the user's default browser, for `npm start` in browser mode. Never fatal: it
// reports whether it could, and the caller prints the URL either way.
import { spawn as nodeSpawn } from 'node:child_process'

/**
 * The command that opens a URL on this platform, or null where none can work (a Linux machine
 * with no graphical session: xdg-open would fall back to a text browser in this terminal).
 * @param {string} url
 * @param {{ platform?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {{ command: string, args: string[] } | null}
 */
export function browserCommand(url, { platform = process.platform, env = process.env } = {}) {
  if (platform === 'darwin') return { command: 'open', args: [url] }
  // `start` is a cmd builtin; its first quoted argument is a window title, hence the "". The
  // arguments go to cmd verbatim (see openBrowser), so the quotes keep `&` from splitting it.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', `"${url.replace(/"/g, '')}"`] }
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null
  return { command: 'xdg-open', args: [url] }
}

/**
 * Starts the browser detached (it outlives this process and never holds the terminal) and
 * resolves to true once the opener ran, false if it is missing, failed or cannot run here.
 * An opener still running after `settleMs` counts as success: some wait for the browser.
 * @param {string} url
 * @param {{ platform?: string, env?: Record<string, string | undefined>, spawn?: typeof nodeSpawn, settleMs?: number }} [options]
 * @returns {Promise<boolean>}
 */
export function openBrowser(url, { platform = process.platform, env = process.env, spawn = nodeSpawn, settleMs = 3000 } = {}) {
  const how = browserCommand(url, { platform, env })
  if (!how) return Promise.resolve(false)
  return new Promise((resolve) => {
    let child
    try {
      child = spawn(how.command, how.args, { detached: true, stdio: 'ignore', shell: false, windowsHide: true, windowsVerbatimArguments: true })
    } catch {
      return resolve(false)
    }
    const timer = setTimeout(() => resolve(true), settleMs)
    timer.unref?.()
    child.once('error', () => {
      clearTimeout(timer)
      resolve(false)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code === 0)
    })
    child.unref()
  })
}
