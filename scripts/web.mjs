// `npm run web`: build the app if the sources changed since the last build, then serve it.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const built = [join(root, 'out/main/web.js'), join(root, 'out/renderer/index.html')]

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

const stale =
  !built.every(existsSync) ||
  newestMtime(join(root, 'src')) > Math.min(...built.map((file) => statSync(file).mtimeMs))
if (stale) {
  console.error('mockroom: building the app (first run or sources changed)…')
  // The bundler's chatter stays hidden unless the build fails.
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}\nmockroom: the build failed (output above)\n`)
    process.exit(build.status ?? 1)
  }
}
await import(join(root, 'out/main/web.js'))
