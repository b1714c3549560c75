// `npm start`: the desktop app. Where no Electron binary could be installed (offline machines,
// CI), say so in one line and point at browser mode instead of printing a stack trace.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let binary = null
try {
  binary = require('electron')
} catch {
  binary = null
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error(
    'mockroom: the Electron binary is not installed on this machine, so the desktop app cannot start; run `npm run web` for browser mode.'
  )
  process.exit(1)
}
// `npm run build` also copies the whiteboard's fonts (prebuild), which electron-vite alone skips.
const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const result = spawnSync('npx', ['electron-vite', 'preview', '--skipBuild'], { stdio: 'inherit' })
process.exit(result.status ?? 1)
