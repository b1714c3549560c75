// `npm start`: the desktop app where the Electron binary is installed; otherwise (it comes from
// outside the npm registry, so some machines cannot download it, and npm then drops the optional
// dependency) browser mode, opened in the default browser. `npm start -- --browser` asks for
// browser mode anyway; other arguments (`--port <n>`) go to the browser-mode server.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { openBrowser } from './open-browser.mjs'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)

function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron')
    return typeof binary === 'string' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

function startDesktop() {
  // `npm run build` also copies the whiteboard's fonts (prebuild), which electron-vite alone skips.
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const result = spawnSync('npx', ['electron-vite', 'preview', '--skipBuild'], { cwd: root, stdio: 'inherit' })
  process.exit(result.status ?? 1)
}

function startBrowserMode(reason) {
  // scripts/web.mjs builds when the sources changed, then prints one "listening" line.
  const server = spawn(process.execPath, [join(root, 'scripts', 'web.mjs'), ...args.filter((a) => a !== '--browser')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let pending = ''
  let announced = false
  server.stdout.setEncoding('utf8')
  server.stdout.on('data', (text) => {
    if (announced) return void process.stdout.write(text)
    pending += text
    const match = /mockroom listening on (http:\/\/\S+)/.exec(pending)
    if (!match) return
    announced = true
    const url = match[1]
    const rest = pending.slice(pending.indexOf(url) + url.length).replace(/^\r?\n/, '')
    void openBrowser(url).then((opened) => {
      console.log(
        opened
          ? `mockroom: ${reason}, so it runs in your browser: opened ${url} (Ctrl+C stops it)`
          : `mockroom: ${reason}, so it runs in your browser: open ${url} (Ctrl+C stops it)`
      )
      if (rest) process.stdout.write(rest)
    })
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
}

if (args.includes('--browser')) startBrowserMode('browser mode was asked for')
else if (electronBinary()) startDesktop()
else startBrowserMode('the Electron binary is not installed on this machine')
